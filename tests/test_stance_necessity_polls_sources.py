"""Stance and anonymity rules of stance13 (issue 17 p3), each a statement of the guidelines
(``onrecord/evaluation/data/STANCE-GUIDELINES.md``), tested on sentences written for these tests:

- a future necessity addressed at an agent who is to act is a demand, one that addresses nobody
  (a passive, putting up with something, a constraint from outside) a prediction (1.2 demand, rule B);
- a German future clause ends at a dash between clauses and before a coordinated second clause;
- "the will of …" is a noun, no future; "would have" with a participle is counterfactual (hedged);
- a poll's share of respondents gives no hedge nor prediction with its "would" (section 6);
- "demanded to know whether …" is a question (1.2 question);
- a person named by name is no concealed source ("a lobbyist close to the party", section 3).
"""

from __future__ import annotations

import pytest

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.model import Entity, Quote
from tests.stance_helpers import _de, _en, _quote


@pytest.mark.parametrize(
    ("text", "words", "cue", "speaker", "stance"),
    [
        ("“The council will have to find the money somewhere,” the mayor said.",
         "The council will have to find the money somewhere", "said", "the mayor", "demand"),
        ("“We'll just have to wait and see,” the coach said.",
         "We'll just have to wait and see", "said", "the coach", "prediction"),
        ("“The old bridge will have to be replaced within ten years,” the engineer said.",
         "The old bridge will have to be replaced within ten years", "said", "the engineer", "prediction"),
        ("“Many tenants will be forced to move out,” the landlord said.",
         "Many tenants will be forced to move out", "said", "the landlord", "prediction"),
    ],
)  # fmt: skip
def test_english_future_necessity(text: str, words: str, cue: str, speaker: str, stance: str) -> None:
    assert _en(text, _quote(text, words, cue, speaker)).stance == stance


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Der Bürgermeister sagte, die Gemeinde werde im Herbst sparen müssen.",
         "die Gemeinde werde im Herbst sparen müssen", "demand"),
        ("Der Bürgermeister sagte, die Anrainer würden mit dem Lärm leben müssen.",
         "die Anrainer würden mit dem Lärm leben müssen", "prediction"),
        ("Der Bürgermeister sagte, die Halle werde bald saniert werden müssen – das Dach sei undicht.",
         "die Halle werde bald saniert werden müssen – das Dach sei undicht", "prediction"),
    ],
)  # fmt: skip
def test_german_future_necessity(text: str, words: str, stance: str) -> None:
    assert _de(text, _quote(text, words, "sagte", "Der Bürgermeister", kind="reported")).stance == stance


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        # a coordinated second clause after the infinitive
        ("Die Kassierin sagte, der Verein werde die Miete nicht zahlen können und brauche einen Kredit.",
         "der Verein werde die Miete nicht zahlen können und brauche einen Kredit", "prediction"),
        # a dash between clauses
        ("Die Kassierin sagte, der Verein werde das Lager verlegen – und zwar schon im Juni.",
         "der Verein werde das Lager verlegen – und zwar schon im Juni", "prediction"),
        # the hyphen of a shortened compound ends no clause
        ("Die Kassierin sagte, kein Mitglied werde Strom- oder Wasserkosten tragen.",
         "kein Mitglied werde Strom- oder Wasserkosten tragen", "prediction"),
        # nouns, not infinitives, before "und"
        ("Die Kassierin sagte, der Verein werde Tische und Bänke kaufen.",
         "der Verein werde Tische und Bänke kaufen", "prediction"),
    ],
)  # fmt: skip
def test_german_future_clause_ends(text: str, words: str, stance: str) -> None:
    assert _de(text, _quote(text, words, "sagte", "Die Kassierin", kind="reported")).stance == stance


def test_will_as_a_noun_is_no_future() -> None:
    text = "The mayor said the will of the voters was clear."
    quote = _quote(text, "the will of the voters was clear", "said", "The mayor", kind="indirect")
    assert _en(text, quote).stance == "asserted"


def test_would_have_with_a_participle_is_counterfactual() -> None:
    text = "The treasurer said the old contract would have cost the city millions."
    quote = _quote(text, "the old contract would have cost the city millions", "said", "The treasurer", kind="indirect")
    assert _en(text, quote).stance == "hedged"
    # the backshifted future stays a prediction
    text = "The treasurer said the new contract would cost the city millions."
    quote = _quote(text, "the new contract would cost the city millions", "said", "The treasurer", kind="indirect")
    assert _en(text, quote).stance == "prediction"
    # a "would have" of a relative clause does not decide
    text = "The treasurer said donors would give the money they usually would have spent on parties."
    words = "donors would give the money they usually would have spent on parties"
    assert _en(text, _quote(text, words, "said", "The treasurer", kind="indirect")).stance == "prediction"


def test_a_poll_share_gives_no_prediction() -> None:
    text = "About 64 percent of the residents said they would vote for the new park."
    share = "About 64 percent of the residents"
    quote = _quote(text, "they would vote for the new park", "said", share, kind="indirect")
    assert _en(text, quote).stance == "asserted"
    text = "The residents said they would vote for the new park."
    quote = _quote(text, "they would vote for the new park", "said", "The residents", kind="indirect")
    assert _en(text, quote).stance == "prediction"
    text = "Rund 38 Prozent der Befragten gaben an, sie würden die neue Partei wählen."
    quote = _quote(text, "sie würden die neue Partei wählen", "gaben", "Rund 38 Prozent der Befragten", kind="reported")
    assert _de(text, quote).stance == "asserted"


def test_demanded_to_know_is_a_question() -> None:
    text = "A parent at the meeting demanded to know whether the school had been inspected."
    words = "to know whether the school had been inspected"
    quote = _quote(text, words, "demanded", "A parent at the meeting", kind="indirect")
    assert _en(text, quote).stance == "question"
    text = "A parent at the meeting demanded that the school be inspected."
    quote = _quote(text, "that the school be inspected", "demanded", "A parent at the meeting", kind="indirect")
    assert _en(text, quote).stance == "demand"


def _person(text: str, name: str) -> list[Entity]:
    b = text.index(name)
    return [Entity(id="e1", name=name, type="person", mentions=[(b, b + len(name))])]


def _with_entity(quote: Quote) -> Quote:
    return quote.model_copy(update={"entity": "e1"})


def test_a_person_named_by_name_is_no_concealed_source() -> None:
    text = "“The vote was never in doubt,” said Jan Roth, a lobbyist close to the party."
    quote = _with_entity(_quote(text, "The vote was never in doubt", "said", "Jan Roth"))
    assert _en(text, quote, _person(text, "Jan Roth")).source_anonymity == "named"
    text = "“The vote was never in doubt,” said a lobbyist close to the party."
    quote = _quote(text, "The vote was never in doubt", "said", "a lobbyist close to the party")
    assert _en(text, quote).source_anonymity == "anonymous"
    # an explicit withholding counts for a first name too
    text = "“The vote was never in doubt,” said Maria, who asked that her last name not be used."
    quote = _with_entity(_quote(text, "The vote was never in doubt", "said", "Maria"))
    assert _en(text, quote, _person(text, "Maria")).source_anonymity == "anonymous"


def test_a_person_named_by_name_is_no_concealed_source_in_german() -> None:
    text = "„Die Abstimmung war nie in Gefahr“, sagte Jan Roth, ein Berater aus dem Umfeld der Partei."
    quote = _with_entity(_quote(text, "Die Abstimmung war nie in Gefahr", "sagte", "Jan Roth"))
    result = annotate(text, [quote], _person(text, "Jan Roth"), german(), lambda word: word.lower())[0]
    assert result.source_anonymity == "named"
    text = "„Die Abstimmung war nie in Gefahr“, hieß es aus Parteikreisen."
    assert _de(text, _quote(text, "Die Abstimmung war nie in Gefahr", "hieß")).source_anonymity == "anonymous"


def test_german_future_clause_skips_an_insertion_between_dashes() -> None:
    text = (
        "Die Kassierin sagte, der Verein werde die Schulden – immerhin ein Drittel des Budgets – nicht tilgen "
        "können und brauche Hilfe."
    )
    words = "der Verein werde die Schulden – immerhin ein Drittel des Budgets – nicht tilgen können und brauche Hilfe"
    assert _de(text, _quote(text, words, "sagte", "Die Kassierin", kind="reported")).stance == "prediction"


def test_an_interview_turn_is_direct_speech() -> None:
    text = "Wie sehen Sie die Pläne der Stadt? Obermair: Das würde den Bezirk völlig verändern. Wir sind dagegen."
    words = "Das würde den Bezirk völlig verändern. Wir sind dagegen."
    quote = _quote(text, words, None, "Obermair", kind="free_indirect")
    assert _de(text, quote).stance == "hedged"


def test_german_future_clause_runs_over_a_unit_abbreviation() -> None:
    text = "Der Vorstand sagte, die Bahn werde im nächsten Jahr rund 40 Mio. Euro in neue Züge investieren."
    words = "die Bahn werde im nächsten Jahr rund 40 Mio. Euro in neue Züge investieren"
    assert _de(text, _quote(text, words, "sagte", "Der Vorstand", kind="reported")).stance == "prediction"


_BELIEF_LEMMAS = {"glaube": "glauben", "denke": "denken", "sagte": "sagen"}


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("„Die Brücke könnte im Mai wieder öffnen, glaube ich“, sagte die Bürgermeisterin.",
         "Die Brücke könnte im Mai wieder öffnen, glaube ich", "belief"),
        ("„Ich glaube, die Brücke könnte im Mai wieder öffnen“, sagte die Bürgermeisterin.",
         "Ich glaube, die Brücke könnte im Mai wieder öffnen", "belief"),
        # a trailing clause of more words is no frame of the words
        ("„Die Brücke könnte im Mai öffnen, was ich mir sehr wünsche“, sagte die Bürgermeisterin.",
         "Die Brücke könnte im Mai öffnen, was ich mir sehr wünsche", "hedged"),
    ],
)  # fmt: skip
def test_a_first_person_belief_frame_wins_over_a_hedge_in_german(text: str, words: str, stance: str) -> None:
    quote = _quote(text, words, "sagte", "die Bürgermeisterin")
    result = annotate(text, [quote], [], german(), lambda word: _BELIEF_LEMMAS.get(word, word.lower()))[0]
    assert result.stance == stance


def test_a_first_person_belief_frame_wins_over_a_hedge() -> None:
    text = "“The bridge might reopen in May, I think,” the mayor said."
    assert _en(text, _quote(text, "The bridge might reopen in May, I think", "said", "the mayor")).stance == "belief"
    text = "“I think the bridge might reopen in May,” the mayor said."
    assert _en(text, _quote(text, "I think the bridge might reopen in May", "said", "the mayor")).stance == "belief"
