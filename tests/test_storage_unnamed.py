"""A person that speaks only without a name ("ein Polizeisprecher") is someone of its article:
the store never links it to the same role noun of another article, while a named person is
linked (issue 13, brief aggde2). Sentences written for these tests; the first failed before."""

from __future__ import annotations

from pathlib import Path

from onrecord.model import Article
from onrecord.storage import ingest, open_store
from onrecord.storage.queries import list_quotes


def _speaker_ids(tmp_path: Path, texts: list[str], word: str) -> set[str | None]:
    with open_store(tmp_path / "kb.db") as store:
        ingest(store, [Article(id=f"a{i}", text=t, language="de") for i, t in enumerate(texts)])
        return {q.entity_id for q in list_quotes(store) if q.speaker and word in q.speaker}


def test_an_unnamed_spokesman_stays_in_his_article(tmp_path: Path) -> None:
    texts = [
        'Graz – "Die Straße bleibt bis Montag gesperrt", sagte ein Polizeisprecher am Abend.',
        'Linz – "Der Täter ist noch flüchtig", sagte ein Polizeisprecher am Sonntag.',
    ]
    ids = _speaker_ids(tmp_path, texts, "Polizeisprecher")
    assert len(ids) == 2 and None not in ids, ids


def test_a_named_person_is_linked_across_articles(tmp_path: Path) -> None:
    texts = [
        'Graz – "Die Straße bleibt gesperrt", sagte Polizeisprecher Anton Wimmleitner am Abend.',
        'Linz – "Der Täter ist noch flüchtig", sagte Polizeisprecher Anton Wimmleitner am Sonntag.',
    ]
    ids = _speaker_ids(tmp_path, texts, "Wimmleitner")
    assert len(ids) == 1 and None not in ids, ids
