"""Stance rules: the English clitic
"'ll" counts as the future inside a contact relative clause ("the best decision you'll ever
make"), like "will", and a noun phrase after a clause-opening preposition heads no such clause
("In the end I'll call"); the English word lists of the contact relative clause rule live in the
lexicon data file; cues the guidelines name that the lexicon lacked: "wissen wollen" / "want to
know" (question), "sich aussprechen gegen" / "spoke out against" (denial, section 6), "will …
haben" (claim). Sentences written for these tests; the contracted cases failed before the
fix, the guards passed before and after."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import stance_lexicon as english
from tests.stance_helpers import _de, _en, _quote

# --- "'ll" inside a contact relative clause belongs to the noun phrase (guidelines 1.1)

# fmt: off
CONTRACTED = [
    ("“The best decision you’ll ever make is to save early,” he said.", "“The best decision you’ll ever make is to save early,”"),
    ("“The best decision you'll ever make is to save early,” he said.", "“The best decision you'll ever make is to save early,”"),
    ("“The hardest job I’ll ever have was running that shelter,” she said.", "“The hardest job I’ll ever have was running that shelter,”"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words"), CONTRACTED)
def test_contracted_future_in_a_contact_relative_clause_is_no_stance(text: str, words: str) -> None:
    assert _en(text, _quote(text, words, "said")).stance == "asserted"


# fmt: off
GUARDS = [
    ("“We’ll close the plant next year,” she said.", "“We’ll close the plant next year,”", "prediction"),
    ("“The report says we’ll lose the seat,” he said.", "“The report says we’ll lose the seat,”", "prediction"),
    ("“The best decision you’ll ever make might be this one,” he said.", "“The best decision you’ll ever make might be this one,”", "hedged"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "stance"), GUARDS)
def test_contracted_future_of_the_main_clause_still_counts(text: str, words: str, stance: str) -> None:  # guards
    assert _en(text, _quote(text, words, "said")).stance == stance


def test_contact_relative_words_come_from_the_lexicon() -> None:
    lex = english()
    assert {"the", "their", "every"} <= lex.of("np_opener")
    assert {"is", "were"} <= lex.of("finite_copula")


# --- a noun phrase after a preposition that opens the clause is an adverbial, not the head of a
# contact relative clause: the modal after it is the main clause's ("In the end I'll call them")

# fmt: off
FRONTED = [
    ("“At the moment we will wait, and then we decide,” she said.", "“At the moment we will wait, and then we decide,”", "prediction"),
    ("“In the end I’ll call the council myself,” he said.", "“In the end I’ll call the council myself,”", "prediction"),
    ("“By the spring we might run out of salt, and the roads freeze,” he said.", "“By the spring we might run out of salt, and the roads freeze,”", "hedged"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "stance"), FRONTED)
def test_modal_after_a_fronted_adverbial_is_the_main_clause_s(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said")).stance == stance


# --- cues the guidelines name (1.2 question: "wissen wollen"; 1.2 claim: "will … haben"; 6:
# "sich aussprechen gegen" → denial)

# fmt: off
GUIDELINE_CUES_DE = [
    ("Die Abgeordnete wollte wissen, wie viel das Projekt kostet.", "wie viel das Projekt kostet", "wollte wissen", "question"),
    ("Die Eltern wollen wissen, wer für den Schaden aufkommt.", "wer für den Schaden aufkommt", "wollen wissen", "question"),
    ("Der Zeuge will den Täter gesehen haben, sagte die Polizei.", "Der Zeuge will den Täter gesehen haben", "sagte", "claim"),
    ("Der Minister sprach sich gegen eine Senkung der Steuern aus.", "eine Senkung der Steuern", "sprach", "denial"),
    ("Die Ministerin sprach sich dagegen aus, die Steuern zu senken.", "die Steuern zu senken", "sprach", "denial"),
]
GUIDELINE_CUES_EN = [
    ("The senator wanted to know how much the bridge would cost.", "how much the bridge would cost", "wanted to know", "question"),
    ("The senator spoke out against a tax cut for the rich.", "a tax cut for the rich", "spoke", "denial"),
]
GUIDELINE_GUARDS_DE = [
    ("Der Minister will bis Mai liefern, sagte er.", "Der Minister will bis Mai liefern", "sagte", "asserted"),
    ("Der Minister will gewählt werden, sagte er.", "Der Minister will gewählt werden", "sagte", "asserted"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "cue", "stance"), GUIDELINE_CUES_DE + GUIDELINE_GUARDS_DE)
def test_german_cues_the_guidelines_name(text: str, words: str, cue: str, stance: str) -> None:
    assert _de(text, _quote(text, words, cue, kind="indirect")).stance == stance


@pytest.mark.parametrize(("text", "words", "cue", "stance"), GUIDELINE_CUES_EN)
def test_english_cues_the_guidelines_name(text: str, words: str, cue: str, stance: str) -> None:
    assert _en(text, _quote(text, words, cue, kind="indirect")).stance == stance


# --- a source cue whose source is an accusation is a claim (guidelines 1.2 claim, section 6)

# fmt: off
ACCUSATIONS_DE = [
    ("Laut Anklage hat der Bürgermeister die Gelder für private Reisen verwendet.", "hat der Bürgermeister die Gelder für private Reisen verwendet", "Laut", "claim"),
    ("Laut den Vorwürfen wurden die Pfleger ohne Pausen eingesetzt.", "wurden die Pfleger ohne Pausen eingesetzt", "Laut", "claim"),
    ("Den Vorwürfen zufolge wurden die Pfleger ohne Pausen eingesetzt.", "wurden die Pfleger ohne Pausen eingesetzt", "zufolge", "claim"),
    # guards: a person as the source; an accusation noun elsewhere in the sentence; a cue of a sentence before
    ("Laut dem Bürgermeister wurden die Pfleger ohne Pausen eingesetzt.", "wurden die Pfleger ohne Pausen eingesetzt", "Laut", "asserted"),
    ("Die Firma erhob Klage, laut dem Sprecher wurden die Pfleger ohne Pausen eingesetzt.", "wurden die Pfleger ohne Pausen eingesetzt", "laut", "asserted"),
    ("Laut Anklage fehlt Geld. Die Pfleger wurden ohne Pausen eingesetzt.", "Die Pfleger wurden ohne Pausen eingesetzt.", "Laut", "asserted"),
]
ACCUSATIONS_EN = [
    ("According to the indictment, the mayor spent the money on trips.", "the mayor spent the money on trips", "According to", "claim"),
    ("According to the mayor, the lawsuit was filed on Monday.", "the lawsuit was filed on Monday", "According to", "asserted"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "cue", "stance"), ACCUSATIONS_DE)
def test_german_accusation_as_source_is_a_claim(text: str, words: str, cue: str, stance: str) -> None:
    assert _de(text, _quote(text, words, cue, kind="indirect")).stance == stance


@pytest.mark.parametrize(("text", "words", "cue", "stance"), ACCUSATIONS_EN)
def test_english_accusation_as_source_is_a_claim(text: str, words: str, cue: str, stance: str) -> None:
    assert _en(text, _quote(text, words, cue, kind="indirect")).stance == stance


def test_capitalised_preposition_of_a_second_span_opens_its_sentence() -> None:
    # two spans joined without their comma: "… the new rules At the moment we will wait …"
    text = "About the new rules, she said, “At the moment we will wait for the court.”"
    first, second = "About the new rules", "“At the moment we will wait for the court.”"
    quote = _quote(text, second, "said", "she", kind="mixed")
    b = text.index(first)
    quote = quote.model_copy(update={"spans": [(b, b + len(first)), *quote.spans]})
    assert _en(text, quote).stance == "prediction"


# --- a reported sentence whose cue stands in another sentence: its own stance verb is its cue
# (guidelines 6: the span holds the whole sentence)

# fmt: off
REPORTED_OWN_VERB = [
    ("Der Anwalt bestritt jede Beteiligung seines Mandanten. Er erklärte außerdem, der Mandant sei krank.", "Der Anwalt bestritt jede Beteiligung seines Mandanten.", "denial"),
    ("Die Gewerkschaft forderte eine Erhöhung der Löhne. Sie erklärte außerdem, die Betriebe seien gesund.", "Die Gewerkschaft forderte eine Erhöhung der Löhne.", "demand"),
    ("Der Anwalt nannte die Zahlen des Vorjahres. Er erklärte außerdem, der Mandant sei krank.", "Der Anwalt nannte die Zahlen des Vorjahres.", "asserted"),  # guard
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "stance"), REPORTED_OWN_VERB)
def test_reported_sentence_with_a_cue_elsewhere_keeps_its_own_verb(text: str, words: str, stance: str) -> None:
    lemmas = {"bestritt": "bestreiten", "forderte": "fordern", "erklärte": "erklären", "nannte": "nennen"}
    quote = _quote(text, words, "erklärte", kind="reported")
    assert annotate(text, [quote], [], german(), lambda w: lemmas.get(w, w.lower()))[0].stance == stance


# --- cue verbs added by analogy across the two lexicons (plädieren/advocate; "tritt für … ein",
# "dringt auf …": guidelines 1.2 demand)

# fmt: off
CUES_EN = [
    ("The union advocates a shorter working week.", "a shorter working week", "advocates", "demand"),
    # guards: "concluded" after a quote is a plain speech verb; a cue phrase elsewhere in the sentence is not the cue's
    ("“The bridge is unsafe,” the auditor concluded.", "“The bridge is unsafe,”", "concluded", "asserted"),
    ("The senator criticized the plan and said voters wanted to know why.", "the plan", "criticized", "asserted"),
]
CUES_DE = [
    ("Die Ministerin tritt für eine kürzere Arbeitswoche ein.", "eine kürzere Arbeitswoche", "tritt", "demand"),
    ("Die Gewerkschaft dringt auf eine kürzere Arbeitswoche.", "eine kürzere Arbeitswoche", "dringt", "demand"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "cue", "stance"), CUES_EN)
def test_english_cues_by_analogy(text: str, words: str, cue: str, stance: str) -> None:
    assert _en(text, _quote(text, words, cue, kind="indirect")).stance == stance


@pytest.mark.parametrize(("text", "words", "cue", "stance"), CUES_DE)
def test_german_particle_cues_of_demand(text: str, words: str, cue: str, stance: str) -> None:
    lemmas = {"tritt": "treten", "dringt": "dringen"}
    quote = _quote(text, words, cue, kind="indirect")
    assert annotate(text, [quote], [], german(), lambda w: lemmas.get(w, w.lower()))[0].stance == stance
