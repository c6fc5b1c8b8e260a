"""Stance rules of helper stance11 (issue 17): principled rules checked on every read part of the
stance set and audited on unlabelled text. Sentences written for these tests; each case failed
before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

from onrecord.extraction.stance import annotate, words_in
from onrecord.lang.de.stance import stance_lexicon as german
from tests.stance_helpers import _quote

#: the German lemma table's answers for the verb forms these tests need
_LEMMAS = {"zugesagt": "zusagen", "gerechnet": "rechnen", "hatte": "haben", "hatten": "haben"}


def _de(text: str, words: str, cue: str | None, kind: str = "reported") -> str:
    quote = _quote(text, words, cue, None, kind)  # type: ignore[arg-type]
    return str(annotate(text, [quote], [], german(), lambda w: _LEMMAS.get(w, w.lower()))[0].stance)


# --- a number's "." or "," is no clause mark: "600.000", "0,5" are one word


def test_a_number_is_one_word() -> None:
    text = "Die Kosten stiegen um 0,5 Prozent auf 600.000 Euro um 14:30 Uhr."
    lows = [w.lower for w in words_in(text, 0, len(text))]
    assert "0,5" in lows and "600.000" in lows and "14:30" in lows
    assert lows.count(",") == 0 and lows.count(".") == 1


def test_an_auxiliary_cue_reaches_its_participle_over_a_number() -> None:
    # the sentence is the span: the auxiliary's participle closes the clause after "45.000 Euro"
    text = "Die Gemeinde hatte dem Sportverein im Herbst 45.000 Euro für die neue Halle zugesagt."
    assert _de(text, text, "hatte") == "prediction"
    # without a number the same rule held before
    plain = "Die Gemeinde hatte dem Sportverein im Herbst viel Geld für die neue Halle zugesagt."
    assert _de(plain, plain, "hatte") == "prediction"


# --- a deontic modal with a perfect infinitive looks back: no action to take, no demand


def test_a_modal_with_a_perfect_infinitive_is_no_demand_in_english() -> None:
    from tests.stance_helpers import _en

    text = '"We should have seen the warning signs much earlier," the coach said.'
    assert _en(text, _quote(text, "We should have seen the warning signs much earlier", "said")).stance == "asserted"
    text = "The inspector said the owners must have known about the leak."
    assert _en(text, _quote(text, "the owners must have known about the leak", "said", kind="indirect")).stance == "asserted"
    # "have" as a main verb after the modal keeps the demand
    text = '"Every driver should have a valid licence," the officer said.'
    assert _en(text, _quote(text, "Every driver should have a valid licence", "said")).stance == "demand"


def test_a_modal_with_a_perfect_infinitive_is_no_demand_in_german() -> None:
    lemmas = {"gewusst": "wissen", "sagte": "sagen"}

    def de(text: str, words: str) -> str:
        quote = _quote(text, words, "sagte", None, "indirect")
        return str(annotate(text, [quote], [], german(), lambda w: lemmas.get(w, w.lower()))[0].stance)

    text = "Die Prüferin sagte, die Stadt hätte die Turnhalle schon vor Jahren sanieren müssen."
    assert de(text, "die Stadt hätte die Turnhalle schon vor Jahren sanieren müssen") == "asserted"
    text = "Die Prüferin sagte, die Behörde müsse von den Rissen gewusst haben."
    assert de(text, "die Behörde müsse von den Rissen gewusst haben") == "asserted"
    # a modal passive with "zu … sein" and a plain obligation stay demands
    text = "Die Prüferin sagte, die Halle müsse mit dem Bus zu erreichen sein."
    assert de(text, "die Halle müsse mit dem Bus zu erreichen sein") == "demand"
    text = "Die Prüferin sagte, die Stadt müsse die Turnhalle sanieren."
    assert de(text, "die Stadt müsse die Turnhalle sanieren") == "demand"


# --- an opinion word of the frame counts in the cue's clause only, not in another clause of the sentence


def test_an_opinion_word_in_another_clause_of_the_frame_is_no_belief() -> None:
    from tests.stance_helpers import _de as de_quote
    from tests.stance_helpers import _en

    text = "„Wir müssen die Gebühren für Familien senken“, sagte die Stadträtin, und sie klang dabei sehr überzeugt."
    assert de_quote(text, _quote(text, "Wir müssen die Gebühren für Familien senken", "sagte")).stance == "demand"
    text = '"The council must cut the fees for families," the mayor said, and she sounded fully convinced.'
    assert _en(text, _quote(text, "The council must cut the fees for families", "said")).stance == "demand"
    # in the cue's own clause the opinion word still frames the words
    text = "Die Stadträtin ist seit Langem der Überzeugung, dass die Gebühren zu hoch sind."
    quote = _quote(text, "dass die Gebühren zu hoch sind", "ist", kind="indirect")
    assert de_quote(text, quote).stance == "belief"


# --- a hedged cue that also proposes ("suggest", "nahelegen") over a deontic content proposes an action


def test_a_suggested_obligation_is_a_demand() -> None:
    from tests.stance_helpers import _en

    text = "The auditor suggested that the town should close the old pool."
    assert _en(text, _quote(text, "that the town should close the old pool", "suggested", kind="indirect")).stance == "demand"
    # a possibility stays hedged, and so does a look back
    text = "The auditor suggested that the town could close the old pool."
    assert _en(text, _quote(text, "that the town could close the old pool", "suggested", kind="indirect")).stance == "hedged"
    text = "The auditor suggested that the town should have closed the old pool."
    assert _en(text, _quote(text, "that the town should have closed the old pool", "suggested", kind="indirect")).stance == "hedged"


# --- words opening with a complementizer are a finite clause, never the cue's infinitive


def test_a_that_clause_is_no_infinitive_of_the_cue() -> None:
    from tests.stance_helpers import _en

    text = "The coach told reporters that her decision to retire had surprised the whole club."
    quote = _quote(text, "that her decision to retire had surprised the whole club", "told", kind="indirect")
    assert _en(text, quote).stance == "asserted"
    # the cue's own infinitive still makes a demand
    text = "The coach told the players to stay in the hotel after dinner."
    assert _en(text, _quote(text, "to stay in the hotel after dinner", "told", kind="indirect")).stance == "demand"


# --- a passive prediction cue as the main verb states an expectation without its agent


def test_a_passive_prediction_cue_is_a_prediction() -> None:
    from tests.stance_helpers import _en

    lemmas = {"gerechnet": "rechnen", "teilte": "teilen"}
    text = "Für das Frühjahr werde mit deutlich weniger Gästen gerechnet, teilte der Verband mit."
    quote = _quote(text, "Für das Frühjahr werde mit deutlich weniger Gästen gerechnet", "teilte", None, "indirect")
    assert annotate(text, [quote], [], german(), lambda w: lemmas.get(w, w.lower()))[0].stance == "prediction"
    text = "The agency said a shortfall of two million dollars is expected for the spring."
    quote = _quote(text, "a shortfall of two million dollars is expected for the spring", "said", kind="indirect")
    assert _en(text, quote).stance == "prediction"
    # a progressive "is expecting" is no passive, a noun "expectations" no participle
    text = "The agency said the meeting was an update on plans and expectations."
    quote = _quote(text, "the meeting was an update on plans and expectations", "said", kind="indirect")
    assert _en(text, quote).stance == "asserted"
