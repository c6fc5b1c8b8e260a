"""The knowledge base on SQLite and PostgreSQL: storing, idempotence, entities across articles,
queries, search, corrections and exports — on real German and English articles analysed by the
real extractors (tests/data/kb-articles.jsonl)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from onrecord.errors import ConflictError, NotFoundError, StoreError
from onrecord.ingest import iter_articles
from onrecord.model import Analysis, Article
from onrecord.pipeline import analyze_many
from onrecord.storage import QuoteFilter, Store, ingest, open_store
from onrecord.storage.corrections import merge_entities, split_entity
from onrecord.storage.engine import current_revision, head_revision
from onrecord.storage.export import export_analyses, export_ftm, export_quotes_csv
from onrecord.storage.queries import (
    count_quotes,
    entity_profile,
    find_entities,
    get_analysis,
    list_articles,
    list_entities,
    list_quotes,
)
from onrecord.storage.search import search

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [item for item in iter_articles([CORPUS]) if isinstance(item, Article)]
    assert len(found) == 4
    return found


@pytest.fixture(scope="module")
def analyses(articles: list[Article]) -> list[Analysis]:
    results = list(analyze_many(articles))
    assert all(isinstance(result, Analysis) for result in results)
    return results  # type: ignore[return-value]


@pytest.fixture
def store(db_url: str, analyses: list[Analysis]) -> Store:
    store = open_store(db_url)
    assert store.put_many([(analysis, None) for analysis in analyses]) == ["added"] * 4
    yield store  # type: ignore[misc]
    store.close()


def _entity_named(store: Store, name: str) -> str:
    found = find_entities(store, name)
    assert found, f"no entity {name}"
    return found[0].id


# --------------------------------------------------------------------------- schema and idempotence


def test_opening_migrates_to_the_newest_revision(db_url: str) -> None:
    with open_store(db_url) as store:
        assert current_revision(store.engine) == head_revision()
    with open_store(db_url) as again:  # a second open is a no-op
        assert again.stats().revision == head_revision()


def test_migrations_create_exactly_the_declared_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from onrecord.storage.schema import metadata

    with open_store(db_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search_index})
        assert compare_metadata(context, metadata) == []


def _not_search_index(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """Full-text objects live in the migrations only (FTS5 tables, tsvector columns)."""
    return not (name and (name.endswith("_fts") or "_fts_" in name or name == "tsv" or name.endswith("_tsv")))


def test_storing_the_same_analyses_again_changes_nothing(store: Store, analyses: list[Analysis]) -> None:
    before = store.stats()
    assert store.put_many([(analysis, None) for analysis in analyses]) == ["unchanged"] * 4
    assert store.stats() == before
    assert before.articles == 4 and before.quotes == sum(len(a.quotes) for a in analyses)


def test_a_changed_article_replaces_its_facts(store: Store, analyses: list[Analysis]) -> None:
    first = analyses[0]
    shorter = first.model_copy(update={"quotes": first.quotes[:1]})
    assert store.put(shorter) == "replaced"
    assert count_quotes(store, QuoteFilter(article_id=first.id)) == 1
    assert store.stats().quotes == sum(len(a.quotes) for a in analyses) - (len(first.quotes) - 1)
    # the words of dropped quotes are gone from the search index too
    dropped = first.quotes[-1].text.split()[1]
    assert all(hit.article_id != first.id for hit in search(store, dropped, scope="quotes").quotes)
    assert get_analysis(store, first.id) == shorter


# --------------------------------------------------------------------------- entities across articles


def test_one_person_across_articles_languages_and_transliterations(store: Store) -> None:
    zelensky = find_entities(store, "Selenskyj")
    assert [e.name for e in zelensky][:1] and zelensky[0].id == _entity_named(store, "Volodymyr Zelensky")
    profile = entity_profile(store, zelensky[0].id)
    assert {a.name for a in profile.aliases} >= {"Wolodymyr Selenskyj", "Volodymyr Zelensky"}
    assert profile.articles == 2
    assert profile.quotes >= 3


def test_a_transliteration_finds_the_speaker_in_sql(db_url: str, analyses: list[Analysis]) -> None:
    with open_store(db_url) as store:
        store.put(analyses[0])  # only the German article: "Wolodymyr Selenskyj"
        quotes = list_quotes(store, QuoteFilter(speaker="Zelensky"))
        assert quotes and {q.entity_name for q in quotes} == {"Wolodymyr Selenskyj"}
        assert find_entities(store, "Zelenskyy")[0].name == "Wolodymyr Selenskyj"


def test_surname_only_mentions_join_the_full_name(store: Store) -> None:
    vogel = _entity_named(store, "Katrin Vogel")
    profile = entity_profile(store, vogel)
    assert profile.articles == 3  # the third article says only "Vogel"
    assert any(alias.name == "Vogel" for alias in profile.aliases)
    assert {rule.name for rule in profile.resolution} >= {"surname"}


def test_places_in_german_and_english_are_one_entity(store: Store) -> None:
    assert _entity_named(store, "Moskau") == _entity_named(store, "Moscow")
    assert _entity_named(store, "Deutschland") == _entity_named(store, "Germany")
    assert _entity_named(store, "Kiew") == _entity_named(store, "Kyiv")
    assert _entity_named(store, "Russland") != _entity_named(store, "Deutschland")
    # the gazetteer's canonical name is shown, whichever language named the place first
    assert {e.name for e in find_entities(store, "Moskau")} == {"Moscow"}
    assert {e.name for e in find_entities(store, "Deutschland")} == {"Germany"}


def test_roles_carry_the_dates_they_were_seen(store: Store) -> None:
    profile = entity_profile(store, _entity_named(store, "Katrin Vogel"))
    roles = {(r.title, r.first_seen, r.last_seen) for r in profile.roles}
    assert ("Professorin für Osteuropastudien", "2023-05-10", "2023-05-10") in roles
    assert any(r.organization and "Hamburg" in r.organization for r in profile.roles)


def test_companions(store: Store) -> None:
    profile = entity_profile(store, _entity_named(store, "Katrin Vogel"), companions=50)
    assert _entity_named(store, "Selenskyj") in {c.id for c in profile.quoted_with}
    assert {"Universität Hamburg"} <= {c.name for c in profile.mentioned_with}


def test_unnamed_groups_stay_in_their_article(store: Store) -> None:
    analysts = [e for e in list_entities(store, type_="group")]
    assert analysts and all(e.articles == 1 for e in analysts)


# --------------------------------------------------------------------------- quote filters


def test_quote_filters(store: Store) -> None:
    vogel = list_quotes(store, QuoteFilter(speaker="vogel"))
    assert vogel and {q.entity_name for q in vogel} == {"Katrin Vogel"}
    assert len(vogel) == count_quotes(store, QuoteFilter(speaker="Vogel")) >= 5
    assert all(q.language == "en" for q in list_quotes(store, QuoteFilter(speaker="Vogel", language="en")))
    assert {q.kind for q in list_quotes(store, QuoteFilter(speaker="Vogel", kind="direct"))} == {"direct"}
    dated = list_quotes(store, QuoteFilter(speaker="Vogel", since="2024-01", until="2024-06-30"))
    assert {q.article_id for q in dated} == {"kb-en-1", "kb-de-2"}
    assert {q.article_id for q in list_quotes(store, QuoteFilter(outlet="ledger"))} == {"kb-en-1", "kb-en-2"}
    # the count shown with a page selects the articles of outlet and dates on its own: same numbers
    for flt in (
        QuoteFilter(outlet="ledger"),
        QuoteFilter(since="2024-01", until="2024-06-30"),
        QuoteFilter(speaker="Vogel", since="2024-03"),
        QuoteFilter(until="2024-02", outlet="e", kind="direct"),
    ):
        assert count_quotes(store, flt) == len(list_quotes(store, flt, limit=1000)), flt
    org = list_quotes(store, QuoteFilter(organization="Universität Hamburg"))
    assert org and all(q.entity_name == "Katrin Vogel" for q in org)
    assert any("Universität Hamburg" in role for q in org for role in q.roles)
    about = list_quotes(store, QuoteFilter(about="Menschenleben"))
    assert [q.article_id for q in about] == ["kb-de-1"]
    assert list_quotes(store, QuoteFilter(speaker="Niemand Unbekannt")) == []


def test_quotes_are_listed_newest_first_and_paged(store: Store) -> None:
    everything = list_quotes(store, limit=100)
    dates = [q.published for q in everything]
    assert dates[0] == "2024-08-20" and dates[-1] == "2023-05-10"
    assert list_quotes(store, limit=2, offset=2) == everything[2:4]


def test_a_bad_date_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ValueError, match="not a date"):
        list_quotes(store, QuoteFilter(since="letzte Woche"))


# --------------------------------------------------------------------------- search


def test_search_ranks_and_highlights(store: Store) -> None:
    results = search(store, "Sanktionen")
    assert results.articles and results.articles[0].article_id in {"kb-de-1", "kb-de-2"}
    matched = [piece.text for hit in results.articles for piece in hit.snippet if piece.match]
    assert matched and all(word.lower().startswith("sanktion") for word in matched)
    scores = [hit.score for hit in results.articles]
    assert scores == sorted(scores, reverse=True)


def test_search_quotes_by_words_phrases_and_exclusion(store: Store) -> None:
    hits = search(store, '"every delay"', scope="quotes").quotes
    assert [h.article_id for h in hits] == ["kb-en-1"] and hits[0].speaker == "Volodymyr Zelensky"
    assert not search(store, "delay -lives", scope="quotes").quotes
    either = search(store, "Menschenleben OR lives", scope="quotes").quotes
    assert {h.article_id for h in either} == {"kb-de-1", "kb-en-1"}


def test_search_refuses_an_empty_query(store: Store) -> None:
    with pytest.raises(ValueError):
        search(store, "  -- ")


# --------------------------------------------------------------------------- corrections


def test_merge_then_split_and_the_split_survives_reanalysis(store: Store, analyses: list[Analysis]) -> None:
    hamburg = _entity_named(store, "Universität Hamburg")
    vogel = _entity_named(store, "Katrin Vogel")
    kept = merge_entities(store, hamburg, vogel)
    assert kept == vogel
    assert entity_profile(store, hamburg).id == vogel  # the merged id forwards
    with pytest.raises(ConflictError):
        merge_entities(store, hamburg, vogel)

    new_id = split_entity(store, vogel, names=["Universität Hamburg"])
    assert {a.name for a in entity_profile(store, new_id).aliases} == {"Universität Hamburg"}
    assert "Universität Hamburg" not in {a.name for a in entity_profile(store, vogel).aliases}

    changed = analyses[0].model_copy(update={"meta": analyses[0].meta.model_copy(update={"title": "neu"})})
    assert store.put(changed) == "replaced"
    assert _entity_named(store, "Universität Hamburg") == new_id


def test_corrections_name_missing_entities(store: Store) -> None:
    with pytest.raises(NotFoundError):
        merge_entities(store, "Enope", _entity_named(store, "Katrin Vogel"))
    with pytest.raises(NotFoundError):
        entity_profile(store, "Enope")


# --------------------------------------------------------------------------- export


def test_export_analyses_round_trips(store: Store, analyses: list[Analysis]) -> None:
    stream = io.StringIO()
    assert export_analyses(store, stream) == 4
    exported = {a.id: a for a in (Analysis.model_validate(json.loads(line)) for line in stream.getvalue().splitlines())}
    assert exported == {a.id: a for a in analyses}


def test_export_quotes_csv(store: Store, analyses: list[Analysis]) -> None:
    stream = io.StringIO()
    total = sum(len(a.quotes) for a in analyses)
    assert export_quotes_csv(store, stream) == total
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == total
    assert {row["entity_name"] for row in rows if row["speaker"] == "Selenskyj"} == {"Wolodymyr Selenskyj"}


def test_export_followthemoney(store: Store) -> None:
    if os.environ.get("CI", "").lower() not in {"1", "true", "yes"}:
        pytest.importorskip("followthemoney", reason="the ftm extra is not installed (needs libicu-dev to build)")
    from followthemoney import model

    stream = io.StringIO()
    count = export_ftm(store, stream)
    proxies = [model.get_proxy(json.loads(line)) for line in stream.getvalue().splitlines()]
    assert len(proxies) == count
    by_schema: dict[str, list[object]] = {}
    for proxy in proxies:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert {"Person", "Organization", "Article", "Mention", "Documentation", "Position", "Occupancy"} <= set(by_schema)
    ids = {proxy.id for proxy in proxies}
    people = {p.first("name"): p for p in by_schema["Person"]}  # type: ignore[attr-defined]
    assert "Wolodymyr Selenskyj" in people or "Volodymyr Zelensky" in people
    for mention in by_schema["Mention"]:
        assert mention.first("resolved") in ids and mention.first("document") in ids  # type: ignore[attr-defined]
    for occupancy in by_schema["Occupancy"]:
        assert occupancy.first("holder") in ids and occupancy.first("post") in ids  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- ingest and bad input


def test_ingest_skips_unchanged_articles_and_reports_failures(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    good_line = CORPUS.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(good_line + "\n{not json\n", encoding="utf-8")
    with open_store(db_url) as store:
        report = ingest(store, iter_articles([bad, tmp_path / "missing.txt"]))
        assert (report.added, report.failed) == (1, 2)
        assert any("mixed.jsonl:2" in failure for failure in report.failures)
        assert any("missing.txt" in failure for failure in report.failures)
        again = ingest(store, iter_articles([bad]))
        assert (again.added, again.unchanged, again.failed) == (0, 1, 1)
        assert list_articles(store)[0].id == "kb-de-1"


def test_an_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder" / "kb.db")
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://localhost/x")


def test_upgrading_an_old_store_fills_the_new_columns(db_url: str) -> None:
    """A store created at revision 0001 with data is migrated in place when opened."""
    from alembic import command
    from sqlalchemy import text

    from onrecord.storage import engine as engines

    engine = engines.connect(db_url)
    config = engines._alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, fingerprint, language, published, date_from, date_to, text, words, analysis,"
                " extractor, extractor_version, ingested_at) VALUES ('a1', 'f', 'de', '2024-03', '2024-03-01',"
                " '2024-03-31', 'Text', 1, '{}', 'x', '1', 'now')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO entities (id, name, name_fold, type, rule) VALUES ('E1', 'Wolodymyr Selenskyj', "
                "'wolodymyr selenskyj', 'person', 'new')"
            )  # fmt: skip
        )
        conn.execute(
            text(
                "INSERT INTO quotes (id, article_id, local_id, position, kind, language, text, spans, entity_id,"
                " confidence) VALUES ('Q1', 'a1', 'q1', 0, 'direct', 'de', '„Wort“', '[[0,6]]', 'E1', 0.9)"
            )
        )
    engine.dispose()
    with open_store(db_url) as store:
        assert current_revision(store.engine) == head_revision()
        quotes = list_quotes(store, QuoteFilter(speaker="Zelensky"))
        assert [(q.id, q.entity_name) for q in quotes] == [("Q1", "Wolodymyr Selenskyj")]
        with store.reading() as conn:
            assert conn.execute(text("SELECT date_from FROM quotes")).scalar() == "2024-03-01"
