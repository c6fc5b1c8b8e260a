"""Stance rules from the coverage of unlabelled text (helper stance12, issue 17): cue lemmas and
constructions the extractor met on unlabelled bench-de and PolNeAR train texts that no lexicon
entry covered, each checked on the read parts of the stance set it was not written from.
Sentences written for these tests; each case failed before its rule (the control cases, marked,
passed before and after)."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.extraction.stance import annotate
from onrecord.extraction.stance_lexicon import sentence_starts, words_in
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Quote
from tests.stance_helpers import _en, _quote

#: the German lemma table's answers for the verb forms these tests need
_DE_LEMMAS = {"sieht": "sehen", "sah": "sehen", "steht": "stehen"}


def _de(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], german(), lambda word: _DE_LEMMAS.get(word, word.lower()))[0]


# --- a title's period ("Mr.", "Sen.", "Dr.") and the last period of initials ("U.S.") end no clause


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Union leaders pointed out that Mr. Ortega could win many of their votes in the fall.", "that Mr. Ortega could win many of their votes in the fall", "hedged"),
        ("Aides said Sen. Mayfield would probably skip the vote on Tuesday.", "Sen. Mayfield would probably skip the vote on Tuesday", "hedged"),
        ("The envoy said the U.S. embassy might close for a week.", "the U.S. embassy might close for a week", "hedged"),
        # a title before a firm statement stays asserted
        ("Aides said Mrs. Okafor signed the bill on Monday.", "Mrs. Okafor signed the bill on Monday", "asserted"),
    ],
)
def test_title_and_initials_period_ends_no_clause(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said" if " said " in text else "pointed out", text.split()[0], kind="indirect")).stance == stance


def test_title_period_is_part_of_its_word_and_begins_no_sentence() -> None:
    text = "Laut Prof. Brandt wächst die Stadt. In the U.S. economy, Dr. Lee said so. It grew in the U.S. The end."
    assert [w.text for w in words_in(text, 0, 24)] == ["Laut", "Prof.", "Brandt", "wächst"]
    starts = [text[i : i + 6] for i in sentence_starts(text)]
    assert starts == ["Laut P", "In the", "It gre", "The en"]


@pytest.mark.parametrize(("text", "title"), [
    ("Aides of Gov. Ames and Reps. Hale and Orr met.", "Reps."),  # English list
    ("Das Gutachten von Mag. Lindner liegt vor.", "Mag."),  # German list
    ("Auch Sen. Ames (USA) kam nach Graz.", "Sen."),  # an English title in a German text
])
def test_titles_of_both_languages_keep_their_period(text: str, title: str) -> None:
    assert title in [w.text for w in words_in(text, 0, len(text))]
    assert sentence_starts(text) == [0]



# --- German cue lemmas: "sieht in X Y" judges (belief), "steht im Verdacht" (claim); "vorsehen" stays neutral


@pytest.mark.parametrize(
    ("text", "words", "cue", "stance"),
    [
        ("Die Landrätin sieht in der neuen Umgehungsstraße eine Entlastung für das Dorf.", "eine Entlastung für das Dorf", "sieht", "belief"),
        ("Der Verteidiger sah bei seinem Mandanten kein Motiv für die Tat.", "kein Motiv für die Tat", "sah", "belief"),
        ("Der Kassier steht im Verdacht, Spenden des Vereins abgezweigt zu haben.", "Spenden des Vereins abgezweigt zu haben", "steht", "claim"),
        # "sehen" with no such particle stays neutral, and so does "vorsehen" with an "in" before "vor"
        ("Der Förster sieht jeden Morgen Rehe am Waldrand.", "jeden Morgen Rehe am Waldrand", "sieht", "asserted"),
        ("Der Stufenplan sieht in der ersten Phase vor, dass die Gemeinden Bäume pflanzen.", "dass die Gemeinden Bäume pflanzen", "sieht", "asserted"),
    ],
)
def test_german_judging_and_suspicion_cues(text: str, words: str, cue: str, stance: str) -> None:
    assert _de(text, _quote(text, words, cue, text.split()[1], kind="indirect")).stance == stance


# --- English "caution": a warning (prediction, like "warn"; "warn that" + present, guidelines section 6)


def test_caution_warns() -> None:
    text = "The economist cautioned that the recovery remains fragile in rural areas."
    quote = _quote(text, "that the recovery remains fragile in rural areas", "cautioned", "The economist", kind="indirect")
    assert _en(text, quote).stance == "prediction"


# --- an anonymity word inside another quote's words is quoted speech, no concealed source (guidelines 3)


def _second_anonymity(text: str, first: str, second: str, cue: str, speaker: str, language: str) -> str:
    one = _quote(text, first, cue, speaker, kind="direct")
    two = _quote(text, second, cue, speaker, kind="direct").model_copy(update={"id": "q2"})
    lex, lemma = (german(), lambda word: _DE_LEMMAS.get(word, word.lower())) if language == "de" else (english(), cue_lemma)
    return annotate(text, [one, two], [], lex, lemma)[1].source_anonymity


@pytest.mark.parametrize(
    ("text", "first", "second", "cue", "speaker", "language"),
    [
        ("„Das Geld muss aus neuen Quellen kommen“, sagt Kerstin Albl: „Große Bauten brauchen große Förderer.“", "Das Geld muss aus neuen Quellen kommen", "Große Bauten brauchen große Förderer.", "sagt", "Kerstin Albl", "de"),
        ('"We need a new revenue source," said Dana Whitby, "and we need it this year."', "We need a new revenue source,", "and we need it this year.", "said", "Dana Whitby", "en"),
    ],
)
def test_anonymity_word_in_another_quote_is_quoted_speech(text: str, first: str, second: str, cue: str, speaker: str, language: str) -> None:
    assert _second_anonymity(text, first, second, cue, speaker, language) == "named"


# --- a noun that looks like a deontic verb: German "der Bedarf", English "the needs" (guidelines 1.2 demand)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Der Bedarf an Sozialwohnungen steigt seit Jahren, sagte die Stadträtin.", "Der Bedarf an Sozialwohnungen steigt seit Jahren", "asserted"),
        ("Bei Bedarf fahren die Busse auch nachts, sagte die Stadträtin.", "Bei Bedarf fahren die Busse auch nachts", "asserted"),
        # control: the verb "bedarf" still obliges
        ("Die Reform bedarf einer breiten Mehrheit im Landtag, sagte die Stadträtin.", "Die Reform bedarf einer breiten Mehrheit im Landtag", "demand"),
    ],
)
def test_german_noun_bedarf_is_no_obligation(text: str, words: str, stance: str) -> None:
    assert _de(text, _quote(text, words, "sagte", "die Stadträtin", kind="indirect")).stance == stance


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("The new budget ignores the needs of rural schools, the teacher said.", "The new budget ignores the needs of rural schools", "asserted"),
        ("The clinic was built around their needs, the nurse said.", "The clinic was built around their needs", "asserted"),
        # control: the verb "needs to" still obliges
        ("The county needs to repair the road before winter, the nurse said.", "The county needs to repair the road before winter", "demand"),
    ],
)
def test_english_noun_needs_is_no_obligation(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said", text.split(", ")[-1].split(" said")[0], kind="indirect")).stance == stance
