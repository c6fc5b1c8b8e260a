"""Wire copies (issue 18): the pair relation on bodies, and ``articles.wire_of`` in the store,
the same whatever the order, batch size or database. All texts are written for these tests
(two made-up agency reports and a lightly edited, shortened copy of the first)."""

from __future__ import annotations

import itertools
import random

import pytest
from sqlalchemy import select

from onrecord.model import Analysis, Meta
from onrecord.statements.wire import body, canonical, containment, probe, related
from onrecord.storage import open_store
from onrecord.storage import schema as t
from onrecord.storage.queries import list_articles
from onrecord.storage.wire import copies

FERRY = (
    "Hamburg (dpa) - Die Fähre zwischen Cuxhaven und Helgoland soll vom kommenden Montag an wieder nach dem "
    "regulären Fahrplan verkehren. Das teilte die Reederei am Freitag mit. Nach einem Schaden an der "
    "Antriebswelle hatte das Schiff seit drei Wochen in der Werft gelegen. Reisende, die in dieser Zeit auf "
    "kleinere Boote ausweichen mussten, sollen einen Teil des Fahrpreises zurückerhalten. Die Reederei "
    "kündigte an, die Anträge bis Ende des Monats zu bearbeiten. Auf der Insel hatten Hoteliers über "
    "ausbleibende Gäste geklagt, weil viele Tagesausflügler die Reise abgesagt hatten. Der Bürgermeister der "
    "Gemeinde sprach von einem schwierigen Start in die Saison und hofft nun auf ein gutes Pfingstgeschäft. "
    "Die Werft prüft nach eigenen Angaben, ob der Schaden auf einen Materialfehler zurückgeht."
)
#: another outlet's version: a new dateline, two words changed, the last sentence cut
FERRY_COPY = (
    "Cuxhaven - Die Fähre zwischen Cuxhaven und Helgoland soll vom kommenden Montag an wieder nach dem "
    "normalen Fahrplan verkehren. Das teilte die Reederei am Freitag mit. Nach einem Schaden an der "
    "Antriebswelle hatte das Schiff seit drei Wochen in der Werft gelegen. Reisende, die in dieser Zeit auf "
    "kleinere Boote ausweichen mussten, sollen einen Teil des Fahrpreises zurückerhalten. Die Reederei "
    "kündigte an, die Anträge bis Ende des Monats zu prüfen. Auf der Insel hatten Hoteliers über "
    "ausbleibende Gäste geklagt, weil viele Tagesausflügler die Reise abgesagt hatten. Der Bürgermeister der "
    "Gemeinde sprach von einem schwierigen Start in die Saison und hofft nun auf ein gutes Pfingstgeschäft."
)
#: the same agency, the same topic, another report: shares names and phrases, not the body
FERRY_OTHER = (
    "Hamburg (dpa) - Die Reederei der Helgoland-Fähre hat am Freitag einen neuen Geschäftsführer vorgestellt. "
    "Der bisherige Leiter des Hafens in Cuxhaven soll das Unternehmen vom kommenden Monat an führen. Er "
    "kündigte an, die Flotte in den nächsten Jahren zu erneuern und mehr Fahrten in der Nebensaison "
    "anzubieten. Reisende hatten sich zuletzt über lange Wartezeiten und ausgefallene Fahrten beschwert. Auf "
    "der Insel begrüßten Hoteliers die Pläne, weil viele Gäste im Herbst keine passende Verbindung fanden. "
    "Der Bürgermeister der Gemeinde sprach von einem guten Signal für die Insel und hofft auf einen Neuanfang."
)
STUB = "Berlin (dpa) - Ein Zug ist bei Ostheim entgleist. Der vollständige Text ist nicht mehr verfügbar."


def test_a_lightly_edited_cut_copy_is_related_but_another_report_and_a_stub_are_not() -> None:
    original, copy, other, stub = body(FERRY), body(FERRY_COPY), body(FERRY_OTHER), body(STUB)
    assert related(original, copy) and related(copy, original)
    assert containment(original, copy) >= 0.7
    assert not related(original, other) and not related(copy, other)
    assert containment(original, other) < 0.2
    assert not related(stub, stub)  # too short to tell a copy from shared boilerplate
    # plain shingles only: no umlauts, digits or hyphens (tokenised alike by both full-text indexes)
    assert all(s.isascii() and s.replace(" ", "").isalpha() for s in original.shingles)


def test_the_probe_holds_a_shingle_of_every_related_body() -> None:
    original, copy = body(FERRY), body(FERRY_COPY)
    assert set(probe(original)) & copy.shingles and set(probe(copy)) & original.shingles
    assert len(probe(original)) < len(original.shingles)
    assert probe(body(STUB)) == []


def test_the_canonical_article_is_the_earliest_then_the_smallest_id() -> None:
    assert canonical([("b", "2024-05-02"), ("a", "2024-05-03"), ("c", None)]) == "b"
    assert canonical([("b", "2024-05-02"), ("a", "2024-05-02")]) == "a"
    assert canonical([("b", None), ("a", None)]) == "a"


def _article(article_id: str, text: str, published: str | None, language: str = "de") -> Analysis:
    return Analysis(id=article_id, language=language, meta=Meta(published=published, source=article_id), text=text)


def _articles() -> list[Analysis]:
    return [
        _article("x-copy", FERRY_COPY, "2024-05-03"),
        _article("y-orig", FERRY, "2024-05-03"),
        _article("z-late", FERRY_COPY.replace("Cuxhaven - ", "Helgoland - "), "2024-05-04"),
        _article("a-other", FERRY_OTHER, "2024-05-03"),
        _article("b-stub", STUB, "2024-05-03"),
        _article("c-en", FERRY, "2024-05-01", language="en"),  # another language: never a copy
    ]


def _wire(db: str) -> dict[str, str | None]:
    with open_store(db) as store, store.reading() as conn:
        return {row.id: row.wire_of for row in conn.execute(select(t.articles.c.id, t.articles.c.wire_of))}


def _put(db: str, analyses: list[Analysis], batch: int) -> None:
    with open_store(db) as store:
        for start in range(0, len(analyses), batch):
            store.put_many([(a, None) for a in analyses[start : start + batch]])


EXPECTED = {"x-copy": None, "y-orig": "x-copy", "z-late": "x-copy", "a-other": None, "b-stub": None, "c-en": None}


def test_wire_of_points_to_the_canonical_article(db_url: str) -> None:
    _put(db_url, _articles(), batch=100)
    assert _wire(db_url) == EXPECTED
    with open_store(db_url) as store:
        records = {a.id: a for a in list_articles(store)}
        assert records["y-orig"].wire_of == "x-copy" and records["x-copy"].wire_of is None
        with store.reading() as conn:
            assert copies(conn, "x-copy") == (None, ["y-orig", "z-late"])
            assert copies(conn, "z-late") == ("x-copy", [])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_wire_of_does_not_depend_on_order_or_batch_size(tmp_path: object, seed: int) -> None:
    analyses = _articles()
    random.Random(seed).shuffle(analyses)
    db = str(tmp_path) + f"/wire-{seed}.db"  # type: ignore[operator]
    _put(db, analyses, batch=seed)
    assert _wire(db) == EXPECTED


def test_replacing_and_deleting_recompute_the_cluster(db_url: str) -> None:
    _put(db_url, _articles(), batch=2)
    with open_store(db_url) as store:
        store.delete_article("x-copy")  # the canonical article goes: the next earliest takes over
    assert _wire(db_url) == {"y-orig": None, "z-late": "y-orig", "a-other": None, "b-stub": None, "c-en": None}
    with open_store(db_url) as store:
        store.put(_article("y-orig", FERRY_OTHER.replace("Hamburg", "Kiel"), "2024-05-03"))  # rewritten
    # now a copy of the other report: same date, so the smaller id is canonical
    assert _wire(db_url) == {"y-orig": "a-other", "z-late": None, "a-other": None, "b-stub": None, "c-en": None}
    with open_store(db_url) as store:
        store.put(_article("x-copy", FERRY_COPY, "2024-05-03"))
    assert _wire(db_url) == {
        "x-copy": None, "y-orig": "a-other", "z-late": "x-copy", "a-other": None, "b-stub": None, "c-en": None,
    }  # fmt: skip


def test_a_chain_of_copies_splits_when_its_middle_goes(tmp_path: object) -> None:
    # each copy drops one more paragraph: neighbours are copies, the two ends are not
    sentences = [s + "." for s in (FERRY + " " + FERRY_OTHER).split(". ") if s]
    first, middle, last = " ".join(sentences[:10]), " ".join(sentences[2:12]), " ".join(sentences[4:14])
    bodies = [body(first), body(middle), body(last)]
    assert related(bodies[0], bodies[1]) and related(bodies[1], bodies[2])
    assert not related(bodies[0], bodies[2])
    db = str(tmp_path) + "/chain.db"  # type: ignore[operator]
    for order in itertools.permutations(["a", "b", "c"]):
        texts = {"a": first, "b": middle, "c": last}
        _put(db, [_article(i, texts[i], "2024-05-03") for i in order], batch=1)
        assert _wire(db) == {"a": None, "b": "a", "c": "a"}
        with open_store(db) as store:
            store.delete_article("b")
        assert _wire(db) == {"a": None, "c": None}
        with open_store(db) as store:
            store.delete_article("a")
            store.delete_article("c")


def test_the_article_page_and_the_api_name_the_wire_copy(tmp_path: object) -> None:
    from fastapi.testclient import TestClient

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings

    store = open_store(str(tmp_path) + "/web.db")  # type: ignore[operator]
    try:
        store.put_many([(a, None) for a in _articles()])
        with TestClient(create_app(ServerSettings(), store=store), base_url="http://127.0.0.1:8000") as client:
            copy_page = client.get("/articles/y-orig").text
            assert 'wire copy of <a href="/articles/x-copy">x-copy</a>' in copy_page
            head_page = client.get("/articles/x-copy").text
            assert "2 wire copies:" in head_page and 'href="/articles/z-late"' in head_page
            assert "wire cop" not in client.get("/articles/a-other").text
            listing = client.get("/api/articles", params={"limit": 10}).json()["items"]
            assert {a["id"]: a["wire_of"] for a in listing} == EXPECTED
    finally:
        store.close()


def test_a_new_copy_is_compared_with_one_member_of_a_stored_cluster(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Adding articles never splits a cluster, so a new copy needs one related member per stored
    # cluster, not a comparison with every member (nor all pairs of the cluster again); an
    # earlier copy arriving last becomes canonical and the stored members follow it.
    from onrecord.storage import wire

    calls: list[int] = []
    original = wire.related
    monkeypatch.setattr(wire, "related", lambda a, b, params: (calls.append(1), original(a, b, params))[1])
    db = str(tmp_path) + "/cluster.db"  # type: ignore[operator]
    days = ["2024-05-04", "2024-05-05", "2024-05-06", "2024-05-07"]
    _put(db, [_article(f"copy-{n}", FERRY_COPY, day) for n, day in enumerate(days)], batch=1)
    assert _wire(db) == {"copy-0": None, "copy-1": "copy-0", "copy-2": "copy-0", "copy-3": "copy-0"}
    calls.clear()
    _put(db, [_article("first", FERRY, "2024-05-01")], batch=1)
    assert len(calls) == 1
    assert _wire(db) == {"first": None, **{f"copy-{n}": "first" for n in range(4)}}
    fresh = str(tmp_path) + "/fresh.db"  # type: ignore[operator]
    _put(
        fresh,
        [_article("first", FERRY, "2024-05-01")] + [_article(f"copy-{n}", FERRY_COPY, d) for n, d in enumerate(days)],
        batch=100,
    )
    assert _wire(fresh) == _wire(db)


def test_a_word_for_word_rerun_joins_its_stored_twin_after_one_phrase_query(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onrecord.storage import wire

    phrases: list[int] = []
    original = wire._candidates
    monkeypatch.setattr(
        wire, "_candidates", lambda conn, i, lang, p: (phrases.append(len(p)), original(conn, i, lang, p))[1]
    )
    stored = [_article("b-copy", FERRY_COPY, "2024-05-04"), _article("c-orig", FERRY, "2024-05-05")]
    rerun = _article("a-rerun", FERRY, "2024-05-03")  # the same words as c-orig, earlier
    db = str(tmp_path) + "/twin.db"  # type: ignore[operator]
    _put(db, stored, batch=1)
    phrases.clear()
    _put(db, [rerun], batch=1)
    assert phrases == [1]
    assert _wire(db) == {"a-rerun": None, "b-copy": "a-rerun", "c-orig": "a-rerun"}
    fresh = str(tmp_path) + "/fresh.db"  # type: ignore[operator]
    _put(fresh, [rerun, *stored], batch=100)
    assert _wire(fresh) == _wire(db)
