"""SQLite and PostgreSQL give the same answers: the same input stores the same articles, and
the same search finds the same quotes and articles, in the same order where the order is
defined on both (see README, "Search").

Articles are written for these tests and analysed by the small regular-expression extractor
of ``fake_extractor`` (every „…“ is a quote), so the store depends on nothing but this file.
"""

from __future__ import annotations

import json
from pathlib import Path

from fake_extractor import fake_loader

from onrecord.ingest import iter_articles
from onrecord.storage import ingest, open_store
from onrecord.storage.queries import count_articles


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- NUL in the input


def test_a_nul_in_one_record_is_refused_and_the_others_are_stored(db_url: str, tmp_path: Path) -> None:
    records: list[dict[str, object]] = [
        {"id": f"n{number:03d}", "text": f"„Wir prüfen Antrag {number}“, sagte die Sprecherin.", "lang": "de"}
        for number in range(1, 41)
    ]
    records[6]["text"] = "„Das ist\u0000 kaputt“, sagte er."
    records[20]["title"] = "Titel\u0000"
    path = _write_jsonl(tmp_path / "mit-nul.jsonl", records)
    with open_store(db_url) as store:
        report = ingest(store, iter_articles([path]), batch_size=8, extractor_for=fake_loader)
        assert (report.added, report.failed) == (38, 2)
        assert any(f"{path}:7" in failure and "NUL" in failure for failure in report.failures)
        assert any(f"{path}:21" in failure and '"title"' in failure for failure in report.failures)
        assert count_articles(store) == 38
        again = ingest(store, iter_articles([path]), batch_size=8, extractor_for=fake_loader)
        assert (again.added, again.unchanged, again.failed) == (0, 38, 2)
