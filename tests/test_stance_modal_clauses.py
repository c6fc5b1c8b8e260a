"""Stance rules (issue 17), found with a confusion matrix pooled over
all five development parts of the stance set (dev, heldout, heldout2, heldout3, heldout4): which
clause's modal decides (a verb-first modal opens a condition only before its main clause, a
complement or relative clause keeps its commas, a condition with a future is hedged), "meinen"
after the words is a plain speech verb, a cue inside a whole-sentence span finds its particle
there, "have got to" is deontic, and "heißt es im Brief" cites a document, no concealed source.
Sentences written for these tests; each case failed before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Mention, Quote
from tests.stance_helpers import _quote

#: the German lemma table's answers for the verb forms used below (the table itself is a model file)
_DE_LEMMAS = {"meinte": "meinen", "schließt": "schließen", "sagte": "sagen", "raten": "raten"}


def _de(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], german(), lambda w: _DE_LEMMAS.get(w, w.lower()))[0]


def _en(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], english(), cue_lemma)[0]


# --- which clause decides (guidelines 1.1: the main clause of the first sentence; rule B precedence)


def test_modal_opens_a_condition_only_before_its_main_clause() -> None:
    # a span that starts at the modal inside its sentence ("Wer …, sollte …") is no verb-first
    # condition ("Sollte es regnen, …"): deontic "sollte", a demand (was: hedged)
    text = "Wer wenig Platz hat, sollte laut den Prüfern zum kleinen Modell für 1.200 Euro greifen."
    quote = _quote(text, "sollte laut den Prüfern zum kleinen Modell für 1.200 Euro greifen", None, kind="indirect")
    assert _de(text, quote).stance == "demand"
    # a verb-first condition before its main clause stays a condition
    text = "Sollte der Regen anhalten, verschieben wir das Fest, sagte der Wirt."
    assert (
        _de(text, _quote(text, "Sollte der Regen anhalten, verschieben wir das Fest", "sagte", kind="indirect")).stance
        == "hedged"
    )


def test_complement_clause_keeps_its_commas() -> None:
    # the "will" of a that-clause after a main clause is no future of the main clause (was: prediction)
    text = "“After a long debate, I have decided that in November, I will vote for the levy,” the councillor said."
    words = "After a long debate, I have decided that in November, I will vote for the levy,"
    assert _en(text, _quote(text, words, "said")).stance == "asserted"
    # a probability adverb after a comma inside a dass-clause is no hedge of the main clause (was: hedged)
    text = "Die Ministerin sagte, sie übersehe nicht, dass viele Eltern heute Entlastung wollen, später aber vielleicht mehr Betreuung brauchen."
    words = (
        "sie übersehe nicht, dass viele Eltern heute Entlastung wollen, später aber vielleicht mehr Betreuung brauchen"
    )
    assert _de(text, _quote(text, words, "sagte", kind="indirect")).stance == "asserted"
    # the noun of "concern that …" is no main clause: the clause's commas still end it
    text = "She voiced concern that donors, including the big foundations, would pull out."
    words = "concern that donors, including the big foundations, would pull out"
    assert _en(text, _quote(text, words, "voiced", kind="indirect")).stance == "prediction"


def test_relative_clause_on_the_whole_sentence() -> None:
    # "…, was offenbar nicht gelang": the hedge belongs to the relative clause (was: hedged)
    text = "Die Stadt wollte den Platz im Winter sperren, was offenbar nicht gelang, sagte der Sprecher."
    words = "Die Stadt wollte den Platz im Winter sperren, was offenbar nicht gelang"
    assert _de(text, _quote(text, words, "sagte", kind="indirect")).stance == "asserted"


def test_condition_with_a_future_is_hedged() -> None:
    # a main claim under an open condition is hedged, and hedged wins over prediction (was: prediction)
    text = "The coach argued that the team will be relegated if it loses on Sunday."
    words = "that the team will be relegated if it loses on Sunday"
    assert _en(text, _quote(text, words, "argued", kind="indirect")).stance == "hedged"


# --- the frame: plain speech "meinen", a particle inside the span, "have got to"


def test_meinen_after_the_words_is_a_plain_speech_verb() -> None:
    # guidelines 1.2 belief: "meinen" as a plain speech verb after the words is neutral (was: belief)
    text = "Das Projekt sei nie gefährdet gewesen, meinte der Bürgermeister."
    assert (
        _de(text, _quote(text, "Das Projekt sei nie gefährdet gewesen", "meinte", kind="indirect")).stance == "asserted"
    )
    # with a dass-clause of its own it is an opinion
    text = "Der Bürgermeister meinte, dass das Projekt nie gefährdet gewesen sei."
    assert (
        _de(text, _quote(text, "das Projekt nie gefährdet gewesen sei", "meinte", kind="indirect")).stance == "belief"
    )


def test_cue_inside_a_whole_sentence_span_finds_its_particle() -> None:
    # a span of the whole sentence holds the cue and its particle: "schließt … nicht aus" is a hedge,
    # not a negated assertion (was: asserted)
    text = "Die Gewerkschaft schließt einen Streik im Mai nicht aus."
    quote = _quote(text, "Die Gewerkschaft schließt einen Streik im Mai nicht aus.", "schließt", kind="reported")
    result = _de(text, quote)
    assert (result.stance, result.negated) == ("hedged", False)


def test_have_got_to_is_deontic() -> None:
    text = "“We've got to fix the roads before winter,” the mayor said."
    assert _en(text, _quote(text, "We've got to fix the roads before winter,", "said")).stance == "demand"


# --- anonymity: a document cited with "heißt es im …" (guidelines 3)


def test_heisst_es_im_brief_cites_a_document() -> None:
    # "heißt es im Brief" names a document, no concealed source; the definite "im Brief" refers back
    # to the letter the article named (was: anonymous)
    text = (
        "Die Schulleiterin schickte den Eltern einen Brief. Man bitte um Verständnis für die Sperre, heißt es im Brief."
    )
    quote = _quote(text, "Man bitte um Verständnis für die Sperre", "heißt es", kind="indirect")
    begin = text.rindex("Brief")
    quote = quote.model_copy(update={"speaker": Mention(text="Brief", spans=[(begin, begin + 5)])})
    assert _de(text, quote).source_anonymity == "named"
    # a concealed source with "heißt es in" stays anonymous
    text = "Die Reform komme im Herbst, heißt es in Regierungskreisen."
    quote = _quote(text, "Die Reform komme im Herbst", "heißt es", "Regierungskreisen", kind="indirect")
    assert _de(text, quote).source_anonymity == "anonymous"


def test_den_eindruck_haben_is_an_opinion() -> None:
    # "den Eindruck haben" is an opinion phrase like "der Ansicht sein" (guidelines 1.2 belief; was: asserted)
    text = "Er habe den Eindruck, dass viele Anrainer den Radweg wollten, erklärte der Ortsvorsteher."
    words = "Er habe den Eindruck, dass viele Anrainer den Radweg wollten"
    assert _de(text, _quote(text, words, "erklärte", kind="indirect")).stance == "belief"
    text = "“I had the impression that the board wanted a delay,” the trustee said."
    assert _en(text, _quote(text, "I had the impression that the board wanted a delay,", "said")).stance == "belief"
