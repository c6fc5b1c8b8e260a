"""The store is a function of the SET of its articles: any order, batch size or resumption of
an ingest gives the same canonical entities and links (original short texts, no extractor)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select

from onrecord.model import Analysis, Entity, Mention, Quote
from onrecord.storage import open_store
from onrecord.storage import schema as t

# (article id, language, [(entity name, type), ...]); the first entity is quoted
ARTICLES = [
    ("a1", "de", [("Scholz", "person"), ("Moskau", "location")]),
    ("a2", "de", [("Olaf Scholz", "person"), ("Anna Müller", "person")]),
    ("a3", "de", [("Müller", "person"), ("Peter Müller", "person")]),
    ("a4", "en", [("Volodymyr Zelensky", "person"), ("Moscow", "location")]),
    ("a5", "de", [("Selenskyj", "person"), ("Merkels", "person")]),
    ("a6", "de", [("Wolodymyr Selenskyj", "person"), ("Angela Merkel", "person")]),
    ("a7", "de", [("Olaf Scholz", "organization"), ("Hoffmann", "person")]),
    ("a8", "de", [("Eva Hoffmann", "person"), ("Maximilian Hofmann", "person")]),
    ("a9", "en", [("Merkel", "person"), ("Scholz", "other")]),
]


def _analysis(article_id: str, language: str, names: list[tuple[str, str]]) -> Analysis:
    text = " ".join(f"{name} sagte: „Wir prüfen das.“" for name, _ in names)
    entities, quotes, offset = [], [], 0
    for n, (name, type_) in enumerate(names):
        entities.append(Entity(id=f"e{n}", name=name, type=type_, mentions=[(offset, offset + len(name))]))  # type: ignore[arg-type]
        start = text.index("„", offset)
        end = text.index("“", start) + 1
        quotes.append(
            Quote(
                id=f"q{n}",
                kind="direct",
                text=text[start:end],
                spans=[(start, end)],
                entity=f"e{n}",
                speaker=Mention(text=name, spans=[(offset, offset + len(name))]),
                confidence=0.9,
            )  # fmt: skip
        )
        offset = end + 1
    return Analysis(id=article_id, language=language, text=text, entities=entities, quotes=quotes)


def _snapshot(db: str) -> tuple[list[tuple[object, ...]], ...]:
    with open_store(db) as store, store.reading() as conn:
        e, ae, q = t.entities.c, t.article_entities.c, t.quotes.c
        entities = conn.execute(select(e.id, e.name, e.type, e.merged_into).order_by(e.id)).all()
        links = conn.execute(select(ae.id, ae.entity_id, ae.rule, ae.score).order_by(ae.id)).all()
        quotes = conn.execute(select(q.id, q.entity_id, q.speaker_name).order_by(q.id)).all()
        names = conn.execute(
            select(t.entity_names).order_by(t.entity_names.c.name_fold, t.entity_names.c.entity_id)
        ).all()
    return tuple([tuple(row) for row in rows] for rows in (entities, links, quotes, names))


def _ingest(db: str, analyses: list[Analysis], batch: int) -> None:
    with open_store(db) as store:
        for start in range(0, len(analyses), batch):
            store.put_many([(a, None) for a in analyses[start : start + batch]])


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return [_analysis(*article) for article in ARTICLES]


def test_resolution_across_the_set(tmp_path: Path, analyses: list[Analysis]) -> None:
    db = str(tmp_path / "kb.db")
    _ingest(db, analyses, batch=100)
    entities, links, _, _ = _snapshot(db)
    by_row = {row[0]: row[1] for row in links}
    names = {row[0]: row[1] for row in entities}
    assert by_row["a2/e0"] == by_row["a7/e0"] == by_row["a9/e1"]  # Olaf Scholz, as ORG, as other
    assert by_row["a1/e0"] == by_row["a2/e0"]  # Scholz: one full name owns it
    assert by_row["a3/e0"] not in {by_row["a2/e1"], by_row["a3/e1"]}  # Müller: ambiguous
    assert by_row["a4/e0"] == by_row["a6/e0"] == by_row["a5/e0"]  # Zelensky = Selenskyj
    assert by_row["a5/e1"] == by_row["a6/e1"] == by_row["a9/e0"]  # Merkels, Merkel -> Angela Merkel
    assert by_row["a1/e1"] == by_row["a4/e1"] and names[by_row["a1/e1"]] == "Moscow"
    assert by_row["a7/e1"] == by_row["a8/e0"] != by_row["a8/e1"]  # Hoffmann is Eva's, not Hofmann's


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_any_order_batch_size_and_resumption_give_the_same_store(
    tmp_path: Path, analyses: list[Analysis], seed: int
) -> None:
    reference = str(tmp_path / "ref.db")
    _ingest(reference, analyses, batch=100)
    rng = random.Random(seed)
    shuffled = analyses[:]
    rng.shuffle(shuffled)
    other = str(tmp_path / "other.db")
    cut = rng.randrange(1, len(shuffled))
    _ingest(other, shuffled[:cut], batch=rng.choice([1, 2, 3]))  # interrupted ...
    _ingest(other, shuffled, batch=rng.choice([1, 4, 100]))  # ... and resumed
    assert _snapshot(other) == _snapshot(reference)


def test_deleting_an_article_gives_the_store_without_it(tmp_path: Path, analyses: list[Analysis]) -> None:
    without = str(tmp_path / "without.db")
    _ingest(without, [a for a in analyses if a.id != "a2"], batch=100)
    full = str(tmp_path / "full.db")
    _ingest(full, analyses, batch=3)
    with open_store(full) as store:
        store.delete_article("a2")
    assert _snapshot(full) == _snapshot(without)


def _entity_of(db: str, row_id: str) -> str:
    with open_store(db) as store, store.reading() as conn:
        return str(
            conn.execute(select(t.article_entities.c.entity_id).where(t.article_entities.c.id == row_id)).scalar()
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_user_merges_and_splits_keep_overriding_in_any_order(
    tmp_path: Path, analyses: list[Analysis], seed: int
) -> None:
    """A merge (the ambiguous "Müller" is Anna Müller) and a split ("Hoffmann" in a7 is not
    Eva Hoffmann), made in either order, hold whatever arrives afterwards in whatever order —
    new articles naming "Müller" follow the merge, a re-analysed a7 keeps the split."""
    from onrecord.storage.corrections import merge_entities, split_entity

    by_id = {a.id: a for a in analyses}
    base = [by_id[i] for i in ("a2", "a3", "a7", "a8")]
    later = [a for a in analyses if a not in base]
    later.append(_analysis("a10", "de", [("Müller", "person"), ("Hoffmann", "person")]))
    later.append(
        _analysis("a7", "de", [("Olaf Scholz", "organization"), ("Hoffmann", "person"), ("Moskau", "location")])
    )

    def build(db: str, order: list[Analysis], batch: int, merge_first: bool) -> None:
        _ingest(db, base, batch=100)
        muller, anna = _entity_of(db, "a3/e0"), _entity_of(db, "a2/e1")
        eva = _entity_of(db, "a7/e1")
        assert muller != anna and eva == _entity_of(db, "a8/e0")
        with open_store(db) as store:
            corrections = [
                lambda: merge_entities(store, muller, anna),
                lambda: split_entity(store, eva, names=["Hoffmann"], new_name="Hoffmann (Bürgermeister)"),
            ]
            for correct in corrections if merge_first else corrections[::-1]:
                correct()
        _ingest(db, order, batch=batch)

    reference = str(tmp_path / "ref.db")
    build(reference, later, batch=100, merge_first=True)
    rng = random.Random(seed)
    shuffled = later[:]
    rng.shuffle(shuffled)
    other = str(tmp_path / "other.db")
    build(other, shuffled, batch=rng.choice([1, 2, 4]), merge_first=bool(seed % 2))
    assert _snapshot(other) == _snapshot(reference)
    anna = _entity_of(reference, "a2/e1")
    assert _entity_of(reference, "a3/e0") == _entity_of(reference, "a10/e0") == anna  # the merge holds
    split = _entity_of(reference, "a7/e1")
    assert split not in {_entity_of(reference, "a8/e0"), _entity_of(reference, "a10/e1")}  # the split holds
    with open_store(reference) as store, store.reading() as conn:
        name = conn.execute(select(t.entities.c.name).where(t.entities.c.id == split)).scalar()
    assert name == "Hoffmann (Bürgermeister)"


def test_a_merged_name_stays_merged_when_a_later_full_name_becomes_its_anchor(
    tmp_path: Path, analyses: list[Analysis]
) -> None:
    """The user says the bare "Hoffmann" of a7 is Jonas Brandt (a pseudonym); then "Eva
    Hoffmann" arrives, which would own a lone "Hoffmann" (and give its entity another id). The
    user's merge keeps overriding: Hoffmann stays with Brandt, Eva Hoffmann is her own entity."""
    from onrecord.storage.corrections import merge_entities

    by_id = {a.id: a for a in analyses}
    db = str(tmp_path / "kb.db")
    _ingest(db, [by_id["a7"], _analysis("b1", "de", [("Jonas Brandt", "person")])], batch=100)
    with open_store(db) as store:
        merge_entities(store, _entity_of(db, "a7/e1"), _entity_of(db, "b1/e0"))
    _ingest(db, [by_id["a8"], _analysis("b2", "de", [("Hoffmann", "person")])], batch=1)
    assert _entity_of(db, "a7/e1") == _entity_of(db, "b2/e0") == _entity_of(db, "b1/e0")
    assert _entity_of(db, "a8/e0") not in {_entity_of(db, "a7/e1"), _entity_of(db, "a8/e1")}
