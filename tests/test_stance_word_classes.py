"""Stance rules (issue 17): the lexicons completed by whole word
classes (verbs and cue nouns of every stance, hedges, content denials, opinion phrases, necessity,
future constructions, concealed-source phrases, group nouns, quantifiers) and general rules of
the guidelines (negation scope, the speaker's own Konjunktiv II / "would", habitual "would",
negated w-clauses). Sentences written for these tests; each case failed before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Quote
from tests.stance_helpers import _quote

#: the German lemma table's answers for the verb forms used below (the table itself is a model file)
_DE_LEMMAS = {
    "mutmaßte": "mutmaßen", "bezichtigte": "bezichtigen", "verwarf": "verwerfen", "regte": "regen",
    "prophezeite": "prophezeien", "rätselt": "rätseln", "riet": "raten", "sagte": "sagen",
    "zeigte": "zeigen", "sagen": "sagen", "wies": "weisen", "erklärte": "erklären",
}  # fmt: skip


def _de(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], german(), lambda w: _DE_LEMMAS.get(w, w.lower()))[0]


def _en(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], english(), cue_lemma)[0]


# --- German cue verbs and cue nouns of every stance (guidelines 1.2)


@pytest.mark.parametrize(
    ("text", "words", "cue", "stance"),
    [
        ("Die Ärztin mutmaßte, das Virus stamme aus dem Stall.", "das Virus stamme aus dem Stall", "mutmaßte", "belief"),
        ("Der Nachbar bezichtigte den Wirt, die Kasse geplündert zu haben.", "die Kasse geplündert zu haben", "bezichtigte", "claim"),
        ("Das Gericht verwarf den Einwand, die Frist sei versäumt worden.", "die Frist sei versäumt worden", "verwarf", "denial"),
        ("Die Bürgermeisterin regte an, den Markt auf den Samstag zu verlegen.", "den Markt auf den Samstag zu verlegen", "regte", "demand"),
        ("Der Arzt riet den Eltern, die Kinder impfen zu lassen.", "die Kinder impfen zu lassen", "riet", "demand"),
        ("Der Trainer prophezeite, das Team steige ab.", "das Team steige ab", "prophezeite", "prediction"),
        ("Die Forscherin rätselt, wie der Käfer den Winter übersteht.", "wie der Käfer den Winter übersteht", "rätselt", "question"),
        ("Der Vorwurf des Vermieters: Die Mieter hätten die Heizung beschädigt.", "Die Mieter hätten die Heizung beschädigt", "Vorwurf", "claim"),
        ("Die Forderung der Eltern: Die Schule bekommt einen Zebrastreifen.", "Die Schule bekommt einen Zebrastreifen", "Forderung", "demand"),
    ],
)  # fmt: skip
def test_german_cue_classes(text: str, words: str, cue: str, stance: str) -> None:
    assert _de(text, _quote(text, words, cue, kind="indirect")).stance == stance


# --- English cue verbs and cue nouns (guidelines 1.2)


@pytest.mark.parametrize(
    ("text", "words", "cue", "stance"),
    [
        ("The coach surmised that the pitch was too wet.", "that the pitch was too wet", "surmised", "belief"),
        ("Critics charge that the mayor hid the costs.", "that the mayor hid the costs", "charge", "claim"),
        ("The board repudiated the report that it had lost money.", "that it had lost money", "repudiated", "denial"),
        ("The doctor advised patients to drink more water.", "to drink more water", "advised", "demand"),
        ("The allegation: the firm dumped waste in the river.", "the firm dumped waste in the river", "allegation", "claim"),
    ],
)  # fmt: skip
def test_english_cue_classes(text: str, words: str, cue: str, stance: str) -> None:
    assert _en(text, _quote(text, words, cue, kind="indirect")).stance == stance


# --- content word classes under a neutral cue (guidelines rule B)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("„Anscheinend ist der Zug ausgefallen“, sagte der Schaffner.", "„Anscheinend ist der Zug ausgefallen“", "hedged"),
        ("„Diese Geschichte ist aus der Luft gegriffen“, sagte die Sprecherin.", "„Diese Geschichte ist aus der Luft gegriffen“", "denial"),
        ("„Solidarität ist gefragt“, sagte der Pfarrer.", "„Solidarität ist gefragt“", "demand"),
        ("„Aus meiner Sicht ist das ein Fehler“, sagte die Richterin.", "„Aus meiner Sicht ist das ein Fehler“", "belief"),
        ("„Wir sind zuversichtlich, dass die Brücke hält“, sagte der Ingenieur.", "„Wir sind zuversichtlich, dass die Brücke hält“", "belief"),
    ],
)  # fmt: skip
def test_german_content_classes(text: str, words: str, stance: str) -> None:
    assert _de(text, _quote(text, words, "sagte")).stance == stance


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("“Arguably the plan is the best we have,” the mayor said.", "“Arguably the plan is the best we have,”", "hedged"),
        ("“That story is completely false,” the spokeswoman said.", "“That story is completely false,”", "denial"),
        ("“It is high time the city fixed the roads,” the resident said.", "“It is high time the city fixed the roads,”", "demand"),
        ("“The plant is set to close next year,” the manager said.", "“The plant is set to close next year,”", "prediction"),
        ("“We are confident the levee holds,” the engineer said.", "“We are confident the levee holds,”", "belief"),
    ],
)  # fmt: skip
def test_english_content_classes(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said")).stance == stance


def test_an_attributive_confidence_word_is_no_belief() -> None:
    text = "“It was an optimistic plan from the start,” the manager said."
    assert _en(text, _quote(text, "“It was an optimistic plan from the start,”", "said")).stance == "asserted"


def test_confidence_in_the_cue_clause_is_belief() -> None:
    text = "Der Minister zeigte sich zuversichtlich, dass die Gespräche gelingen."
    assert _de(text, _quote(text, "dass die Gespräche gelingen", "zeigte", kind="indirect")).stance == "belief"


def test_a_writer_marker_of_falsehood_in_the_frame_is_a_claim() -> None:
    text = "The senator falsely stated that the bill cut taxes."
    assert _en(text, _quote(text, "that the bill cut taxes", "stated", kind="indirect")).stance == "claim"


# --- anonymity: group nouns, quantifiers, concealed-source phrases (guidelines 3)


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue", "lang", "anonymity"),
    [
        ("Meinungsforscher sagen, die Koalition sei am Ende.", "die Koalition sei am Ende", "Meinungsforscher", "sagen", "de", "unnamed"),
        ("Pundits said the debate was a draw.", "the debate was a draw", "Pundits", "said", "en", "unnamed"),
        ("Another said the plan had failed.", "the plan had failed", "Another", "said", "en", "unnamed"),
        ("Hinter vorgehaltener Hand sagen Diplomaten, der Gipfel sei gescheitert.", "der Gipfel sei gescheitert", "Diplomaten", "sagen", "de", "anonymous"),
        ("Officials briefed on the talks said the deal was near.", "the deal was near", "Officials", "said", "en", "anonymous"),
    ],
)  # fmt: skip
def test_anonymity_classes(text: str, words: str, speaker: str, cue: str, lang: str, anonymity: str) -> None:
    quote = _quote(text, words, cue, speaker, kind="indirect")
    annotated = _de(text, quote) if lang == "de" else _en(text, quote)
    assert annotated.source_anonymity == anonymity


# --- negation scope: a coordinator ends the cue's clause (guidelines 2)


def test_negation_of_a_coordinated_verb_is_not_the_cue_s() -> None:
    text = "The inspector faulted the firm but did not order a shutdown."
    assert _en(text, _quote(text, "the firm", "faulted", kind="reported")).negated is False


# --- the speaker's own Konjunktiv II / "would" (guidelines 1.2 hedged)


def test_german_first_person_konjunktiv_ii_without_quote_marks_is_hedged() -> None:
    text = "Ich würde das keinen Rückschritt nennen, sagte die Ministerin."
    assert (
        _de(text, _quote(text, "Ich würde das keinen Rückschritt nennen", "sagte", kind="indirect")).stance == "hedged"
    )


def test_english_politeness_formula_is_no_hedge() -> None:
    text = "“I would like to thank the volunteers,” the mayor said."
    assert _en(text, _quote(text, "“I would like to thank the volunteers,”", "said")).stance == "asserted"


def test_habitual_would_is_no_prediction() -> None:
    text = "The nurse said patients would often wait for hours."
    assert _en(text, _quote(text, "patients would often wait for hours", "said", kind="indirect")).stance == "asserted"


# --- a negated frame over a w-clause leaves the question open (guidelines 2: "would not say whether")


def test_negated_frame_over_a_w_clause_is_a_question() -> None:
    text = "The agency did not say how the data was lost."
    quote = _en(text, _quote(text, "how the data was lost", "say", kind="indirect"))
    assert (quote.stance, quote.negated) == ("question", True)


# --- a definite institution noun is a unique description of a named organisation (guidelines 3)


@pytest.mark.parametrize(
    ("text", "speaker", "anonymity"),
    [
        ("The administration said the rule takes effect in May.", "The administration", "named"),
        ("The Clinton campaign said the rule takes effect in May.", "The Clinton campaign", "named"),
        ("The spokesman of the company said the rule takes effect in May.", "The spokesman of the company", "unnamed"),
    ],
)  # fmt: skip
def test_definite_institution_is_named(text: str, speaker: str, anonymity: str) -> None:
    quote = _quote(text, "the rule takes effect in May", "said", speaker, kind="indirect")
    assert _en(text, quote).source_anonymity == anonymity


# --- "solle" is the Konjunktiv I of "soll": a plan in reported speech (section 6), not a demand


def test_reported_solle_is_a_plan() -> None:
    text = "Der Verkauf der Anteile solle dem Land zwei Millionen Euro bringen, sagte der Minister."
    words = "Der Verkauf der Anteile solle dem Land zwei Millionen Euro bringen"
    assert _de(text, _quote(text, words, "sagte", kind="indirect")).stance == "prediction"


# --- the irregular forms of "see" ("was seen as"): the cue "see as" is a belief (section 6)


def test_seen_as_is_a_belief() -> None:
    text = "The mayor was widely seen as a reformer."
    assert _en(text, _quote(text, "a reformer", "seen", kind="reported")).stance == "belief"


def test_an_unproven_report_in_the_frame_is_a_claim() -> None:
    text = "The senator repeated the unsubstantiated story that the bridge was sold."
    assert _en(text, _quote(text, "that the bridge was sold", "repeated", kind="indirect")).stance == "claim"


# --- an abstract noun where the speaker stands is a source like a document: its owner, else unnamed


@pytest.mark.parametrize(
    ("text", "words", "speaker", "anonymity"),
    [
        ("Offen bleibt die Sorge, dass der Damm bricht.", "dass der Damm bricht", "die Sorge", "unnamed"),
        ("Offen bleibt die Frage, ob der Damm hält.", "ob der Damm hält", "die Frage", "unnamed"),
        ("Offen bleibt die Forderung der SPD, den Damm zu erhöhen.", "den Damm zu erhöhen", "die Forderung der SPD", "named"),
    ],
)  # fmt: skip
def test_abstract_noun_as_the_speaker(text: str, words: str, speaker: str, anonymity: str) -> None:
    assert _de(text, _quote(text, words, "bleibt", speaker, kind="indirect")).source_anonymity == anonymity
