"""Pure parts of the store: the full-text query language, dates and fact ids."""

from __future__ import annotations

import re
from typing import Annotated

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ConfigDict, StringConstraints, TypeAdapter, ValidationError

from onrecord.errors import InputError
from onrecord.model import Quote
from onrecord.storage.facts import bound, date_range, is_former_title, quote_id
from onrecord.storage.textsearch import (
    MARK_END,
    MARK_START,
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    SEARCHABLE,
    SEARCHABLE_LETTERS,
    SEARCHABLE_SPACES,
    Clause,
    QuerySyntaxError,
    make_snippet,
    parse_query,
    split_highlights,
    to_fts5,
    to_tsquery,
)


def test_words_are_anded_prefixes_on_both_dialects() -> None:
    clauses = parse_query("Sanktionen Russland")
    assert clauses == [Clause((("sanktionen",),)), Clause((("russland",),))]
    assert to_fts5(clauses) == '"sanktionen" * AND "russland" *'
    assert to_tsquery(clauses) == "(sanktionen:*) & (russland:*)"


def test_phrases_or_and_exclusion() -> None:
    clauses = parse_query('"harte Sanktionen" OR Embargo -Gipfel')
    assert clauses == [Clause((("harte", "sanktionen"), ("embargo",))), Clause((("gipfel",),), negated=True)]
    assert to_fts5(clauses) == '(("harte" * + "sanktionen" * OR "embargo" *)) NOT "gipfel" *'
    assert to_tsquery(clauses) == "(((harte:* <-> sanktionen:*) | (embargo:*))) & !(gipfel:*)"


def test_syntax_characters_of_the_databases_are_stripped() -> None:
    clauses = parse_query('Scholz* AND (NEAR "Merz\'s" :weight')
    rendered = to_fts5(clauses)
    assert '"scholz" *' in rendered and '"merz" * + "s" *' in rendered
    assert [c.alternatives for c in clauses] == [
        (("scholz",),),
        (("and",),),
        (("near",),),
        (("merz", "s"),),
        (("weight",),),
    ]
    assert to_tsquery(clauses).count(":*") == 6


@pytest.mark.parametrize("query", ["", "   ", "-nur", "*** ()", '""'])
def test_a_query_without_words_is_refused(query: str) -> None:
    with pytest.raises(QuerySyntaxError):
        parse_query(query)


def test_long_queries_are_refused_before_they_reach_the_database() -> None:
    eleven = " ".join(f"wort{n}" for n in range(MAX_QUERY_WORDS))
    assert len(parse_query(eleven)) == MAX_QUERY_WORDS
    for too_many in (eleven + " mehr", eleven.replace("wort1 ", '"wort1 mehr" '), eleven + " -ohne", eleven + " OR x"):
        with pytest.raises(QuerySyntaxError, match="too many words"):
            parse_query(too_many)
    with pytest.raises(QuerySyntaxError, match="too long"):
        parse_query("a" * (MAX_QUERY_CHARS + 1))
    assert issubclass(QuerySyntaxError, InputError) and issubclass(QuerySyntaxError, ValueError)


def _searchable(query: str) -> bool:
    try:
        return any(not clause.negated for clause in parse_query(query))
    except QuerySyntaxError:
        return False


_QUERY_TEXT = st.text(alphabet=st.sampled_from('ab -"OR_.ü1\t'), max_size=12)


@given(_QUERY_TEXT)
def test_what_the_api_pattern_admits_the_parser_can_search(query: str) -> None:
    if re.search(SEARCHABLE, query):
        assert any(not clause.negated for clause in parse_query(query))


@given(_QUERY_TEXT)
def test_what_the_parser_can_search_the_api_pattern_admits(query: str) -> None:
    if _searchable(query):
        assert re.search(SEARCHABLE, query)


@pytest.mark.parametrize(
    ("query", "searchable"),
    [
        ('-" 1"', False),  # a negated phrase is one token, also with a space inside
        ('-" a"', False),
        ('-"a b"', False),
        ('-"a b" c', True),
        ('-"a b"c', True),  # a token starts right after a phrase's closing quote mark
        ('"a" -b', True),
        ('" a"', True),
        ('-"x', False),  # no closing quote mark: one word, negated
        ('-"x y', True),
        ('"x', True),
        ('x" -"y', True),  # a quote mark inside a word starts no phrase
        ('-x" -"y', False),
        ("-a OR", False),  # OR after a clause joins alternatives
        ("OR", True),  # OR before any word is a word
        ('-_ "" OR', True),
        ('-"." OR', True),
        ('-" OR', True),
        ("-a ORb", True),
        ("-a\u00a0-b", False),  # every white space Python's \s knows separates tokens
        ("-a\u3000b", True),
    ],
)
def test_the_api_pattern_reads_phrases_and_or_as_the_parser(query: str, searchable: bool) -> None:
    assert _searchable(query) is searchable
    assert bool(re.search(SEARCHABLE, query)) is searchable
    pattern = Annotated[str, StringConstraints(pattern=SEARCHABLE)]
    rust = TypeAdapter(pattern, config=ConfigDict(regex_engine="rust-regex"))  # pydantic-core's, as the API's
    try:
        rust.validate_python(query)
    except ValidationError:
        assert not searchable
    else:
        assert searchable


def test_the_api_pattern_means_the_same_in_every_regex_dialect() -> None:
    """The published pattern names its letters by code point: no ``\\w``/``\\s``/``\\d``, which
    ECMA-262 (the schema's dialect) reads as ASCII and Python as Unicode; and every letter it
    names is a word character to the parser."""
    assert not re.search(r"\\[wWsSdDbB]", SEARCHABLE)
    letters = re.compile(f"[{SEARCHABLE_LETTERS}]")
    word = re.compile(r"[^\W_]")
    named = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF and letters.match(chr(cp))]
    assert len(named) > 30_000 and all(word.match(c) for c in named)
    for query in ("Übergang", "þÛ", "Москва", "서울", "東京 -Osaka"):
        assert re.search(SEARCHABLE, query) and any(not c.negated for c in parse_query(query))
    for query in ("-Übergang", "–— …", "\x11"):
        assert not re.search(SEARCHABLE, query)
    spaces = re.compile(f"[{SEARCHABLE_SPACES}]")
    assert all(bool(spaces.match(chr(cp))) is bool(re.match(r"\s", chr(cp))) for cp in range(0x110000))


def test_highlights_split_on_the_markers() -> None:
    pieces = split_highlights(f"Die {MARK_START}Sanktionen{MARK_END} wirken, {MARK_START}aber{MARK_END}")
    assert [(p.text, p.match) for p in pieces] == [
        ("Die ", False), ("Sanktionen", True), (" wirken, ", False), ("aber", True),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-02", ("2023-02-01", "2023-02-28")),
        ("2024-03-05", ("2024-03-05", "2024-03-05")),
        ("2024-03-05T10:00:00Z", ("2024-03-05", "2024-03-05")),
        ("2024-13", ("2024-01-01", "2024-12-31")),
        ("gestern", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_range_covers_every_day_the_article_may_fall_on(published: str | None, expected: tuple[str, str]) -> None:
    assert date_range(published) == expected


def test_filter_bounds() -> None:
    assert bound("2024-02", end=False) == "2024-02-01"
    assert bound("2024-02", end=True) == "2024-02-29"
    with pytest.raises(ValueError, match="not a date"):
        bound("last week", end=True)


@pytest.mark.parametrize(
    ("title", "former"),
    [
        ("früherer Oberst der Bundeswehr", True),
        ("ehemalige Außenministerin", True),
        ("Ex-Chef", True),
        ("former ambassador", True),
        ("Professorin für Politikwissenschaft", False),
        ("Bundeskanzler", False),
        (None, False),
    ],
)
def test_former_titles(title: str | None, former: bool) -> None:
    assert is_former_title(title) is former


def test_quote_ids_depend_on_content_only() -> None:
    quote = Quote(id="q1", kind="direct", text="„Wir haben verhandelt“", spans=[(10, 32)], confidence=0.9)
    same = quote.model_copy(update={"id": "q7", "confidence": 0.5})
    moved = quote.model_copy(update={"spans": [(11, 33)]})
    assert quote_id("a1", quote) == quote_id("a1", same)
    assert quote_id("a1", quote) != quote_id("a1", moved)
    assert quote_id("a1", quote) != quote_id("a2", quote)


def test_snippets_show_the_passage_with_most_searched_words() -> None:
    text = " ".join(["Vorrede"] * 40) + " Die Türkei und die Türken, sagte sie. " + " ".join(["Nachrede"] * 40)
    pieces = make_snippet(text, parse_query("Turk -Vorrede"), words=8)
    assert pieces[0].text.startswith("…") and pieces[-1].text.endswith("…")
    assert [p.text for p in pieces if p.match] == ["Türkei", "Türken"]  # folded like SQLite's index
    assert "".join(p.text for p in pieces)[1:-1] in text
    assert [p.text for p in make_snippet("Kurz: nichts.", parse_query("fehlt"))] == ["Kurz: nichts."]


def _reference_snippet_window(text: str, query: str, words: int) -> tuple[int, list[str]]:
    """The definition of a snippet, word by word: the first window of ``words`` words with the
    most words that begin with a searched word (each word folded on its own)."""
    import unicodedata

    def folded(word: str) -> str:
        decomposed = unicodedata.normalize("NFD", word.lower())
        return "".join(char for char in decomposed if not unicodedata.combining(char))

    wanted = [folded(w) for c in parse_query(query) if not c.negated for p in c.alternatives for w in p]
    tokens = re.findall(r"[^\W_]+", text)
    hits = [any(folded(token).startswith(prefix) for prefix in wanted) for token in tokens]
    width = min(words, len(tokens))
    counts = [sum(hits[start : start + width]) for start in range(len(tokens) - width + 1)]
    best = counts.index(max(counts))
    return best, [
        token for token, hit in zip(tokens[best : best + width], hits[best : best + width], strict=True) if hit
    ]


_SNIPPET_WORDS = ["Ärger", "ärgerlich", "Arbeit", "Über", "uber", "Überweisung", "naïve", "NAIVE", "Σοφός",
                  "σοφίας", "Straße", "STRASSE", "café", "Cafe", "x2", "23"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_SNIPPET_WORDS), max_size=60),
    st.sampled_from(["ärg", "uber", "naive -cafe", "σοφ", "stras OR straß", "cafe", "2", "arbeit OR über"]),
    st.sampled_from([1, 3, 24]),
)
def test_snippets_mark_the_same_words_as_folding_each_word(words: list[str], query: str, width: int) -> None:
    # the snippet folds each distinct word once and ASCII words by lower-casing only: the marked
    # words and the passage must be those of folding every word on its own
    text = " ".join(words)
    pieces = make_snippet(text, parse_query(query), words=width)
    if not words:
        assert pieces == []
        return
    best, marked = _reference_snippet_window(text, query, width)
    assert re.findall(r"[^\W_]+", " ".join(p.text for p in pieces if p.match)) == marked
    assert bool(best) == pieces[0].text.startswith("…")
