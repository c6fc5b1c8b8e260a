"""Statements and sources in the knowledge base (issue 18): grouping during ingest, its order
independence, corrections, migration of an old store, and the questions (statements, one
statement with its occurrences, who gets quoted), on SQLite and PostgreSQL alike.

The articles (tests/statement_articles.py) are written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select
from statement_articles import BRIDGE, articles

from onrecord.errors import NotFoundError
from onrecord.model import Analysis
from onrecord.storage import QuoteFilter, open_store
from onrecord.storage import schema as t
from onrecord.storage.corrections import merge_entities, split_entity
from onrecord.storage.queries import list_quotes
from onrecord.storage.statements import source_reports_per


def _put(db: str, analyses: list[Analysis], batch: int) -> None:
    with open_store(db) as store:
        for start in range(0, len(analyses), batch):
            store.put_many([(a, None) for a in analyses[start : start + batch]])


def _snapshot(db: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The statements table and each quote's statement and source kind."""
    with open_store(db) as store, store.reading() as conn:
        rows = conn.execute(select(t.statements).order_by(t.statements.c.id)).all()
        quotes = conn.execute(
            select(t.quotes.c.id, t.quotes.c.statement_id, t.quotes.c.source_kind).order_by(t.quotes.c.id)
        ).all()
    return [tuple(r) for r in rows], [tuple(q) for q in quotes]


def _bridge(store: object) -> str:
    found = [s for s in store.statements() if s.text.startswith("Die neue Brücke") and s.mode == "direct"]  # type: ignore[attr-defined]
    assert len(found) == 1
    return found[0].id


# --------------------------------------------------------------------------- grouping


def test_one_statement_with_its_occurrences_across_outlets(db_url: str) -> None:
    _put(db_url, articles(), batch=100)
    with open_store(db_url) as store:
        statement = store.statement(_bridge(store))
        # full, cut, re-punctuated and re-worded: one statement; the longest words represent it
        assert (
            statement.text
            == "Die neue Brücke wird im Frühling fertig, und sie kostet keinen einzigen Cent mehr als geplant"
        )
        assert (statement.occurrences, statement.articles, statement.outlets) == (4, 4, 3)
        assert (statement.first_seen, statement.first_outlet, statement.first_article_id) == (
            "2024-03-04", "Lindauer Bote", "w1",
        )  # fmt: skip
        assert statement.last_seen == "2024-03-05"
        assert statement.entity_name == "Anna Hollweg" and statement.mode == "direct"
        # oldest first, the undated article last; offsets point at the words in each article
        assert [o.article_id for o in statement.occurrence_list] == ["w1", "w2", "w3", "w4"]
        first = statement.occurrence_list[0]
        article = next(a for a in articles() if a.id == "w1")
        assert article.text[first.spans[0][0] : first.spans[0][1]] == BRIDGE == first.text
        # the paraphrase in reported speech and the English words stay separate statements
        mayor = [s for s in store.statements() if s.entity_id == statement.entity_id]
        assert sorted((s.mode, s.occurrences) for s in mayor) == [
            ("direct", 1), ("direct", 1), ("direct", 4), ("reported", 1),
        ]  # fmt: skip
        # the minister's re-punctuated sentence in two articles is one statement
        berner = store.statements(QuoteFilter(speaker="Berner"))
        assert [(s.occurrences, s.outlets) for s in berner] == [(2, 1)]
        with pytest.raises(NotFoundError):
            store.statement("st-0000000000000000")


def test_filters_sorting_and_counts(db_url: str) -> None:
    _put(db_url, articles(), batch=3)
    with open_store(db_url) as store:
        everything = store.statements(limit=100)
        assert len(everything) == store.count_statements() == 9
        assert [s.occurrences for s in everything] == sorted((s.occurrences for s in everything), reverse=True)
        newest = store.statements(sort="first-seen", limit=100)
        dated = [s.first_seen for s in newest if s.first_seen]
        assert dated == sorted(dated, reverse=True) and newest[0].first_seen == "2024-04-03"
        # a filter keeps statements with a matching occurrence; ``matched`` counts those
        seeblatt = store.statements(QuoteFilter(outlet="seeblatt"))
        assert [(s.occurrences, s.matched) for s in seeblatt] == [(4, 2)]
        assert store.count_statements(QuoteFilter(outlet="seeblatt")) == 1
        april = store.statements(QuoteFilter(since="2024-04"), limit=100)
        assert {s.text for s in april} >= {"Der Haushalt ist solide.", "Die Zinsen bleiben hoch"}
        assert all(s.matched >= 1 for s in april) and store.count_statements(QuoteFilter(since="2024-04")) == len(april)
        assert store.statements(QuoteFilter(language="en"), limit=100)[0].language == "en"
        assert [s.occurrences for s in store.statements(limit=2, offset=1)] == [s.occurrences for s in everything[1:3]]


def test_who_gets_quoted(db_url: str) -> None:
    _put(db_url, articles(), batch=100)
    with open_store(db_url) as store:
        by_kind = store.sources("kind")
        assert (by_kind.quotes, by_kind.unnamed, by_kind.anonymous) == (13, 3, 1)
        assert by_kind.unnamed_share == round(3 / 13, 4) and by_kind.anonymous_share == round(1 / 13, 4)
        kinds = {row.key: (row.quotes, row.statements, row.speakers) for row in by_kind.rows}
        # mayor (7 quotes, 4 statements) and finance minister (2 quotes, 1 statement)
        assert kinds["government"] == (9, 5, 2)
        assert kinds["expert"][0] == 2 and kinds["citizen"][0] == 1 and kinds["anonymous"][0] == 1
        by_entity = store.sources("entity", limit=1)
        assert by_entity.groups == 6 and [(r.label, r.quotes) for r in by_entity.rows] == [("Anna Hollweg", 7)]
        by_outlet = {r.key: r for r in store.sources("outlet").rows}
        assert by_outlet["Kurier am See"].anonymous == 1 and by_outlet["Kurier am See"].anonymous_share == round(
            1 / 3, 4
        )
        months = {r.key: r.quotes for r in store.sources("month").rows}
        assert months == {"2024-03": 6, "2024-04": 6, "": 1}
        types = {r.key: r.unnamed for r in store.sources("type").rows}
        assert types == {"person": 0, "group": 3}
        scoped = store.sources("kind", QuoteFilter(outlet="Lake Times"))
        assert scoped.quotes == 2 and {r.key for r in scoped.rows} == {"government", "citizen"}


def test_each_quote_names_its_statement(db_url: str) -> None:
    _put(db_url, articles(), batch=100)
    with open_store(db_url) as store:
        quotes = list_quotes(store, limit=100)
        named = [q for q in quotes if q.entity_id]
        assert named and all(q.statement_id for q in named)
        assert all(q.statement_id is None for q in quotes if not q.entity_id)
        bridge = store.statement(_bridge(store))
        assert sorted(q.id for q in quotes if q.statement_id == bridge.id) == sorted(
            o.quote_id for o in bridge.occurrence_list
        )


def test_organisation_filter_and_kinds_per_outlet(db_url: str) -> None:
    _put(db_url, articles(), batch=100)
    with open_store(db_url) as store:
        # the mayor's role names the town: her statements, and only hers
        lindau = store.statements(QuoteFilter(organization="Stadt Lindau"), limit=100)
        assert lindau and {s.entity_name for s in lindau} == {"Anna Hollweg"}
        assert store.count_statements(QuoteFilter(organization="Stadt Lindau")) == len(lindau)
        # the kinds of each outlet in one query: the same as each outlet's own report
        per = source_reports_per(store, "outlet", "kind")
        assert set(per) == {r.key for r in store.sources("outlet").rows}
        for outlet, report in per.items():
            alone = store.sources("kind", QuoteFilter(outlet=outlet))
            if alone.quotes == report.quotes:  # the filter matches part of a name: may count more
                assert report == alone
        assert sum(r.quotes for r in per.values()) == store.sources("kind").quotes


# --------------------------------------------------------------------------- order independence


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_batch_size_resumption_or_deletion_gives_the_same_statements(tmp_path: Path, seed: int) -> None:
    reference = str(tmp_path / "ref.db")
    _put(reference, articles(), batch=100)
    expected = _snapshot(reference)
    rng = random.Random(seed)
    shuffled = articles()
    rng.shuffle(shuffled)
    other = str(tmp_path / "other.db")
    cut = rng.randrange(1, len(shuffled))
    _put(other, shuffled[:cut], batch=rng.choice([1, 2, 3]))
    rng.shuffle(shuffled)
    _put(other, shuffled, batch=rng.choice([1, 4, 100]))
    assert _snapshot(other) == expected
    # a deleted article leaves the statements of the store without it
    without = str(tmp_path / "without.db")
    _put(without, [a for a in articles() if a.id != "w1"], batch=2)
    with open_store(other) as store:
        store.delete_article("w1")
    assert _snapshot(other) == _snapshot(without)


def test_a_replaced_article_regroups_its_statements(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    _put(db, articles(), batch=100)
    changed = [a for a in articles() if a.id != "w2"]
    w2 = next(a for a in articles() if a.id == "w2")
    edited = w2.model_copy(update={"meta": w2.meta.model_copy(update={"published": "2024-03-01"})})
    with open_store(db) as store:
        assert store.put(edited) == "replaced"
        statement = store.statement(_bridge(store))
        assert (statement.first_seen, statement.first_article_id, statement.first_outlet) == (
            "2024-03-01",
            "w2",
            "Seeblatt",
        )
    fresh = str(tmp_path / "fresh.db")
    _put(fresh, [*changed, edited], batch=2)
    assert _snapshot(fresh) == _snapshot(db)


def _regrouped_from_scratch(db: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The snapshot after dropping every statement and grouping all quotes of every speaker anew."""
    from sqlalchemy import delete, update

    from onrecord.storage import statements as grouping

    with open_store(db) as store, store.writing() as conn:
        conn.execute(delete(t.statements))
        conn.execute(update(t.quotes).values(statement_id=None))
        speakers = conn.execute(select(t.quotes.c.entity_id).where(t.quotes.c.entity_id.is_not(None)).distinct())
        grouping._regroup_chunk(conn, sorted(speakers.scalars()))
    return _snapshot(db)


def test_new_articles_join_stored_statements_without_regrouping_the_speaker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statement_articles import Said, make_analysis

    from onrecord.storage import statements as grouping

    first = "Wir bauen die neue Schule am Hafen und sie wird im Sommer fertig"
    second = "Das Fest zur Eröffnung feiern alle Kinder der Stadt gemeinsam im Park"
    said = {"name": "Mara Feld", "type": "person", "title": "Stadträtin"}
    early = [
        make_analysis("s1", "de", "2024-05-02", "Hafenblatt", [Said(**said, words=first)]),
        make_analysis("s2", "de", "2024-05-03", "Stadtanzeiger", [Said(**said, words=second)]),
    ]
    # later: the same words again, a cut of the first, and both sentences in one quote, which
    # joins the two stored statements into one
    later = [
        make_analysis("s3", "de", "2024-05-01", "Stadtanzeiger", [Said(**said, words=first)]),
        make_analysis("s4", "de", None, "Hafenblatt", [Said(**said, words="Wir bauen die neue Schule am Hafen")]),
        make_analysis("s5", "de", "2024-05-09", "Abendpost", [Said(**said, words=f"{first}. {second}")]),
    ]
    db = str(tmp_path / "kb.db")
    _put(db, [*articles(), *early], batch=100)
    with open_store(db) as store:
        assert sorted(s.occurrences for s in store.statements(QuoteFilter(speaker="Mara Feld"))) == [1, 1]
    full: list[list[str]] = []
    original = grouping._regroup_chunk
    monkeypatch.setattr(grouping, "_regroup_chunk", lambda conn, ids: (full.append(ids), original(conn, ids))[1])
    for analysis in later:
        _put(db, [analysis], batch=1)
    assert full == []  # only quotes were added: no speaker was grouped from scratch
    with open_store(db) as store:
        [joined] = store.statements(QuoteFilter(speaker="Mara Feld"))
        assert joined.text == f"{first}. {second}"
        assert (joined.occurrences, joined.articles, joined.outlets) == (5, 5, 3)
        assert (joined.first_seen, joined.first_article_id, joined.last_seen) == ("2024-05-01", "s3", "2024-05-09")
    one_batch = str(tmp_path / "one.db")
    _put(one_batch, [*later, *early, *articles()], batch=100)
    assert _snapshot(db) == _snapshot(one_batch) == _regrouped_from_scratch(db)
    # a replaced article takes quotes away: only the statement that lost them is grouped again
    # (with the speaker's other statements kept whole), never the speaker from scratch
    full.clear()
    with open_store(db) as store:
        edited = later[0].model_copy(update={"meta": later[0].meta.model_copy(update={"published": "2024-06-01"})})
        assert store.put(edited) == "replaced"
    assert full == []
    replaced = str(tmp_path / "replaced.db")
    _put(replaced, [edited, *later[1:], *early, *articles()], batch=3)
    assert _snapshot(db) == _snapshot(replaced)


def test_a_later_rendering_that_shares_no_word_pair_still_joins_its_statement(tmp_path: Path) -> None:
    # Lightly re-spelled words: every pair of adjacent words differs, half the words are shared
    # and the whole-word similarity is high, so the matcher calls them one statement. Stored in
    # two transactions, the incremental grouping must find that too (same table as one batch).
    from statement_articles import Said, make_analysis

    said = {"name": "Jonas Brell", "type": "person", "title": "Bürgermeister"}
    first = make_analysis("w1", "de", "2024-05-02", "Hafenblatt", [Said(**said, words="Wir schaffen das heute")])
    second = make_analysis("w2", "de", "2024-05-03", "Abendpost", [Said(**said, words="Wir schafen das heut")])
    db, one_batch = str(tmp_path / "kb.db"), str(tmp_path / "one.db")
    _put(db, [first], batch=1)
    _put(db, [second], batch=1)
    _put(one_batch, [second, first], batch=100)
    with open_store(one_batch) as store:
        assert [s.occurrences for s in store.statements(QuoteFilter(speaker="Jonas Brell"))] == [2]
    assert _snapshot(db) == _snapshot(one_batch) == _regrouped_from_scratch(db)


def test_statements_follow_a_merge_and_a_split(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    _put(db, articles(), batch=100)
    with open_store(db) as store:
        mayor = store.statement(_bridge(store)).entity_id
        berner = store.statements(QuoteFilter(speaker="Berner"))[0].entity_id
        merge_entities(store, berner, mayor)
        assert store.statements(QuoteFilter(entity_id=berner)) == []
        moved = [s for s in store.statements(limit=100) if s.text == "Der Haushalt ist solide."]
        assert [(s.entity_id, s.occurrences) for s in moved] == [(mayor, 2)]
        with store.reading() as conn:
            assert not conn.execute(select(t.statements).where(t.statements.c.entity_id == berner)).all()
        new_id = split_entity(store, mayor, names=["Jonas Berner"])
        back = [s for s in store.statements(limit=100) if s.text == "Der Haushalt ist solide."]
        assert [(s.entity_id, s.occurrences) for s in back] == [(new_id, 2)]
        assert store.statement(_bridge(store)).occurrences == 4


# --------------------------------------------------------------------------- migration


def test_the_migration_fills_statements_and_source_kinds_of_an_old_store(db_url: str) -> None:
    from alembic import command

    from onrecord.storage import engine as engines

    engine = engines.connect(db_url)
    config = engines._alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.commit()
    # write the articles as revision 0005 did: no statement ids, no source kinds
    with engine.begin() as conn:
        _write_at_0005(conn, articles())
    engine.dispose()
    with open_store(db_url) as store:
        assert engines.current_revision(store.engine) == engines.head_revision()
        statement = store.statement(_bridge(store))
        assert statement.occurrences == 4 and statement.first_article_id == "w1"
        assert store.sources("kind").rows[0].key == "government"


def _write_at_0005(conn: object, analyses: list[Analysis]) -> None:
    """Articles, entities and quotes inserted with only the columns revision 0005 had."""
    from sqlalchemy import text

    entities: set[str] = set()
    for analysis in analyses:
        conn.execute(  # type: ignore[attr-defined]
            text(
                "INSERT INTO articles (id, fingerprint, language, published, date_from, date_to, source, text, words,"
                " analysis, extractor, extractor_version, ingested_at) VALUES (:id, 'f', :lang, :pub, :pub, :pub,"
                " :src, :text, 1, '{}', 'x', '1', 'now')"
            ),
            {"id": analysis.id, "lang": analysis.language, "pub": analysis.meta.published, "src": analysis.meta.source,
             "text": analysis.text},
        )  # fmt: skip
        for entity in analysis.entities:
            eid = f"E-{entity.name}"
            if eid not in entities:
                entities.add(eid)
                conn.execute(  # type: ignore[attr-defined]
                    text("INSERT INTO entities (id, name, name_fold, type, rule) VALUES (:id, :n, :n, :t, 'new')"),
                    {"id": eid, "n": entity.name, "t": entity.type},
                )
            conn.execute(  # type: ignore[attr-defined]
                text(
                    "INSERT INTO article_entities (id, article_id, local_id, name, name_fold, type, mentions,"
                    " entity_id, rule, score) VALUES (:id, :a, :l, :n, :n, :t, '[]', :e, 'new', 1.0)"
                ),
                {"id": f"{analysis.id}/{entity.id}", "a": analysis.id, "l": entity.id, "n": entity.name,
                 "t": entity.type, "e": eid},
            )  # fmt: skip
            for n, role in enumerate(entity.roles):
                conn.execute(  # type: ignore[attr-defined]
                    text(
                        "INSERT INTO roles (id, article_id, article_entity_id, entity_id, title, organization, spans)"
                        " VALUES (:id, :a, :ae, :e, :ti, :o, '[]')"
                    ),
                    {"id": f"R-{analysis.id}-{entity.id}-{n}", "a": analysis.id, "ae": f"{analysis.id}/{entity.id}",
                     "e": eid, "ti": role.title, "o": role.organization},
                )  # fmt: skip
        names = {e.id: e.name for e in analysis.entities}
        for position, quote in enumerate(analysis.quotes):
            conn.execute(  # type: ignore[attr-defined]
                text(
                    "INSERT INTO quotes (id, article_id, local_id, position, kind, language, text, spans,"
                    " article_entity_id, entity_id, confidence, date_from, source_anonymity) VALUES (:id, :a, :l, :p,"
                    " :k, :lang, :text, '[[0,1]]', :ae, :e, 0.9, :d, :anon)"
                ),
                {"id": f"Q-{analysis.id}-{quote.id}", "a": analysis.id, "l": quote.id, "p": position, "k": quote.kind,
                 "lang": analysis.language, "text": quote.text, "ae": f"{analysis.id}/{quote.entity}",
                 "e": f"E-{names[quote.entity or '']}", "d": analysis.meta.published, "anon": quote.source_anonymity},
            )  # fmt: skip


# --------------------------------------------------------------------------- both backends


def test_sqlite_and_postgresql_give_the_same_answers(postgres_url: str, tmp_path: Path) -> None:
    """Every statement and source question, with and without filters, answered alike."""
    answers = []
    for db, batch in ((str(tmp_path / "kb.db"), 100), (postgres_url, 3)):
        _put(db, articles(), batch=batch)
        with open_store(db) as store:
            found: list[object] = []
            filters = (
                None,
                QuoteFilter(outlet="see"),
                QuoteFilter(since="2024-03-05", until="2024-04-01"),
                QuoteFilter(organization="lindau"),
            )
            for flt in filters:
                for sort in ("occurrences", "first-seen"):
                    found.append([s.model_dump() for s in store.statements(flt, sort=sort, limit=100)])  # type: ignore[arg-type]
                found.append(store.count_statements(flt))
                for by in ("entity", "type", "kind", "outlet", "month"):
                    found.append(store.sources(by, flt).model_dump())  # type: ignore[arg-type]
            found.append(store.statement(_bridge(store)).model_dump())
            per = source_reports_per(store, "outlet", "kind")
            found.append({outlet: report.model_dump() for outlet, report in per.items()})
        answers.append(found)
    assert answers[0] == answers[1]


# --------------------------------------------------------------------------- kept source counts


def _kept_and_counted(store: object) -> tuple[list[object], list[object]]:
    """Every unfiltered grouping as kept by the database (revision 0010) and as counted from
    the quotes, key by key."""
    from onrecord.storage.statements import _groups, _kept_groups

    kept: list[object] = []
    counted: list[object] = []
    for dims in (("entity",), ("type",), ("kind",), ("month",), ("outlet",), ("outlet", "kind")):
        kept.append(sorted(_kept_groups(store, dims), key=repr))  # type: ignore[arg-type]
        counted.append(sorted(_groups(store, QuoteFilter(), dims), key=repr))  # type: ignore[arg-type]
    return kept, counted


def _kept_rows(store: object) -> list[list[tuple[object, ...]]]:
    with store.reading() as conn:  # type: ignore[attr-defined]
        return [
            [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns)).all()]
            for table in (t.source_totals, t.source_members)
        ]


def test_the_source_count_triggers_are_installed_at_the_head_revision(db_url: str) -> None:
    """A later migration that rebuilds quotes or articles must keep them (see sourcecounts)."""
    from onrecord.storage.sourcecounts import installed

    with open_store(db_url) as store, store.reading() as conn:
        assert installed(conn) == [
            "articles_source_delete", "quotes_source_delete", "quotes_source_insert", "quotes_source_statement",
            "quotes_source_update",
        ]  # fmt: skip


def test_kept_source_counts_follow_every_write(db_url: str) -> None:
    """Inserts in batches, a replaced article (new date: other month), a deleted one, a merge
    and a split: after each, every kept grouping equals the one counted from the quotes, and
    the tables equal a rebuild from scratch."""
    from onrecord.storage.sourcecounts import rebuild

    with open_store(db_url) as store:
        assert _kept_rows(store) == [[], []]
    _put(db_url, articles(), batch=2)
    with open_store(db_url) as store:
        steps = [
            lambda: None,
            lambda: store.put(
                next(a for a in articles() if a.id == "w2").model_copy(
                    update={"meta": next(a for a in articles() if a.id == "w2").meta.model_copy(
                        update={"published": "2024-05-01", "source": "Neues Blatt"})}
                )
            ),
            lambda: store.delete_article("w1"),
        ]  # fmt: skip
        for step in steps:
            step()
            kept, counted = _kept_and_counted(store)
            assert kept == counted and kept[0]
        mayor = store.statement(_bridge(store)).entity_id
        berner = store.statements(QuoteFilter(speaker="Berner"))[0].entity_id
        merge_entities(store, berner, mayor)
        kept, counted = _kept_and_counted(store)
        assert kept == counted
        split_entity(store, mayor, names=["Jonas Berner"])
        kept, counted = _kept_and_counted(store)
        assert kept == counted
        months = {g.keys[0]: g.quotes for g in kept[3]}  # type: ignore[attr-defined]
        assert months["2024-05"] > 0
        maintained = _kept_rows(store)
        with store.engine.begin() as conn:
            rebuild(conn)
        assert _kept_rows(store) == maintained


def test_statement_facts_extended_by_new_quotes_equal_the_facts_of_all_occurrences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Facts of a statement that only gains occurrences are extended from its stored row (counts,
    # first and last seen, distinct articles and folded outlets, representative words and id),
    # never recomputed from its stored occurrences; inserted one at a time in any order, with
    # deletions and re-insertions in between, they must equal the facts of a one-batch store and
    # of a grouping from scratch: ties in date, outlets that fold alike, an undated article
    # without outlet, two occurrences in one article, re-punctuated words (the representative's
    # quote id decides) and a longer rendering arriving last (a new representative and id).
    from statement_articles import Said, make_analysis

    from onrecord.storage import statements as grouping

    said = {"name": "Lea Sturm", "type": "person", "title": "Bürgermeisterin"}
    words = "Der neue Bahnhof öffnet im Herbst und bringt den Zug zurück in die Stadt"
    docs = [
        make_analysis("f1", "de", "2024-04-02", "Hafenblatt", [Said(**said, words=words)]),
        make_analysis("f2", "de", "2024-04-02", "HAFENBLATT", [Said(**said, words=f"{words}.")]),
        make_analysis("f3", "de", None, None, [Said(**said, words=words)]),
        make_analysis(
            "f4", "de", "2024-03-30", "Abendpost", [Said(**said, words=words), Said(**said, words=f"{words}!")]
        ),
        make_analysis("f5", "de", "2024-04-02", "Abendpost", [Said(**said, words=f"{words}, sagt sie")]),
        make_analysis("f6", "de", "2024-05-01", "Seeblatt", [Said(**said, words=f"{words} nach zwanzig Jahren")]),
    ]
    reference = str(tmp_path / "ref.db")
    _put(reference, docs, batch=100)
    expected = _snapshot(reference)
    with open_store(reference) as store:
        [statement] = store.statements(QuoteFilter(speaker="Lea Sturm"))
        assert (statement.occurrences, statement.articles, statement.outlets) == (7, 6, 3)
        assert (statement.first_seen, statement.first_article_id, statement.last_seen) == (
            "2024-03-30",
            "f4",
            "2024-05-01",
        )
        assert statement.text == f"{words} nach zwanzig Jahren"
    largest: list[int] = []
    original = grouping._facts
    monkeypatch.setattr(grouping, "_facts", lambda rows, text: (largest.append(len(rows)), original(rows, text))[1])
    for seed in range(4):
        rng = random.Random(seed)
        db = str(tmp_path / f"kb{seed}.db")
        order = docs[:]
        rng.shuffle(order)
        largest.clear()
        _put(db, order, batch=1)
        # the stored occurrences of the statement are never read to extend it
        assert max(largest) <= 2, largest
        assert _snapshot(db) == expected, seed
        gone = rng.sample(docs, 3)
        with open_store(db) as store:
            for analysis in gone:
                store.delete_article(analysis.id)
        rng.shuffle(gone)
        _put(db, gone, batch=rng.choice([1, 2]))
        assert _snapshot(db) == expected, seed
    assert _regrouped_from_scratch(reference) == expected
