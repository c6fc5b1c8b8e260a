"""The per-question timing of issue 18's statement and source questions (onrecord.bench.statement_queries)."""

from __future__ import annotations

import json
from pathlib import Path

from statement_articles import articles

from onrecord.bench.statement_queries import BY, main, measure
from onrecord.storage import QuoteFilter, open_store


def test_every_question_is_timed_and_answered(tmp_path: Path, capsys: object) -> None:
    db = str(tmp_path / "kb.db")
    with open_store(db) as store:
        store.put_many([(a, None) for a in articles()])
        stats, answers = measure(store, 3)
        expected = {"statements", "statements-f", "count", "count-f", "detail"}
        expected |= {f"sources-{by}{f}" for by in BY for f in ("", "-f")}
        assert set(stats["p95"]) == set(stats["cpu_p95"]) == expected
        assert all(stats["p50"][name] <= stats["p95"][name] for name in expected)
        # answers are the library's own: the unfiltered kinds report is the store's
        assert answers["sources-kind#0"] == store.sources("kind").model_dump()
        assert answers["count#2"] == store.count_statements() > 0
        assert answers["detail#0"]["occurrences"] == len(answers["detail#0"]["occurrence_list"])
        assert store.sources("kind", QuoteFilter(outlet="see")).quotes < store.sources("kind").quotes
    out = tmp_path / "answers.json"
    assert main([db, "1", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert printed["runs"] == 1 and set(json.loads(out.read_text())) == {f"{name}#0" for name in expected}
    assert main([db]) == 2
