"""Stance and anonymity rules for descriptions of sources (issue 17): a short definite description of a named source (a possessive speaker, a
German definite publication); a definite description of someone the text introduced with an
indefinite article and no name; a sentence adverb before the speaker mention ("Moreover, any
company that …": the English span builder leaves it out); a modal inside an English contact relative clause ("the job I will ever
have"). Sentences written for these tests; each case failed before its rule, the guards passed
before and after."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.model import Entity, Quote
from tests.stance_helpers import _de, _en, _quote


def _with_entity(text: str, quote: Quote, name: str) -> tuple[Quote, list[Entity]]:
    """The quote resolved to an entity called ``name`` (mentioned where ``name`` stands in the text)."""
    begin = text.index(name) if name in text else 0
    entity = Entity(id="e1", name=name, type="person", mentions=[(begin, begin + len(name))])
    return quote.model_copy(update={"entity": "e1"}), [entity]


# --- a short definite description of a named source (guidelines 3: follow it to what it refers to)


def test_possessive_definite_role_is_named() -> None:
    text = "Senator Ann Roe spoke last. The Ohio senator’s answer was that the state should act now."
    quote = _quote(text, "that the state should act now", "answer was", "The Ohio senator’s", kind="indirect")
    quote, entities = _with_entity(text, quote, "The Ohio senator")
    assert _en(text, quote, entities).source_anonymity == "named"


def test_german_definite_publication_refers_back_to_a_named_one() -> None:
    text = "Laut Le Monde sind die Mieten gestiegen. Die Zeitung berichtete von einem Fall in Lyon, wo die Miete doppelt so hoch gewesen sei."
    quote = _quote(text, "wo die Miete doppelt so hoch gewesen sei", "berichtete", "Die Zeitung", kind="indirect")
    assert _de(text, quote).source_anonymity == "named"


def test_german_definite_study_without_issuer_stays_unnamed() -> None:  # guard
    text = "Die Studie zeigt, dass die Mieten in Lyon gestiegen seien."
    quote = _quote(text, "dass die Mieten in Lyon gestiegen seien", "zeigt", "Die Studie", kind="indirect")
    assert _de(text, quote).source_anonymity == "unnamed"


# --- someone introduced with an indefinite article and no name


def test_definite_description_of_an_indefinite_introduction_is_unnamed() -> None:
    text = "A partner at the old firm gave them advice. The answer, the partner told them, was simple."
    quote = _quote(text, "The answer", "told", "the partner", kind="indirect")
    assert _en(text, quote).source_anonymity == "unnamed"


def test_pronoun_for_an_indefinite_introduction_is_unnamed() -> None:
    text = "A partner at the old firm gave them advice. “Put your money in bonds,” he said."
    quote, entities = _with_entity(text, _quote(text, "“Put your money in bonds,”", "said", "he"), "the partner")
    assert _en(text, quote, entities).source_anonymity == "unnamed"


def test_introduction_with_a_name_in_apposition_stays_named() -> None:  # guard
    text = "A partner, Ann Roe, gave them advice. The answer, the partner told them, was simple."
    quote = _quote(text, "The answer", "told", "the partner", kind="indirect")
    assert _en(text, quote).source_anonymity == "named"


def test_institution_after_an_indefinite_role_of_it_stays_named() -> None:  # guard
    text = "Ein Sprecher der Polizei war vor Ort. Die Polizei sagte, der Täter sei geflohen."
    quote = _quote(text, "der Täter sei geflohen", "sagte", "Die Polizei", kind="indirect")
    assert _de(text, quote).source_anonymity == "named"


# --- a sentence adverb before the speaker mention is no part of it: the English span builder
# leaves it out (``onrecord.lang.en.spans.np_span``, tests/test_lang_en_spans.py)


def test_sentence_adverb_before_a_role_noun_is_left_out() -> None:
    text = "Moreover, any company that asks clients to pay more must say why."
    quote, entities = _with_entity(
        text, _quote(text, "to pay more", "asks", "that", kind="indirect"), "any company"
    )
    assert _en(text, quote, entities).source_anonymity == "unnamed"


# --- a modal inside an English contact relative clause (guidelines 1.1: the main clause decides)

CONTACT_RELATIVES = [
    ("“The best decision you will ever make is to save early,” he said.", "“The best decision you will ever make is to save early,”", "said", "indirect"),
    ("“We talked about the trouble a governor might face for backing it,” she said.", "“We talked about the trouble a governor might face for backing it,”", "said", "direct"),
    ("“The hardest job anyone here will ever have is being a parent,” she said.", "“The hardest job anyone here will ever have is being a parent,”", "said", "direct"),
]


@pytest.mark.parametrize(("text", "words", "cue", "kind"), CONTACT_RELATIVES)
def test_modal_in_a_contact_relative_clause_is_no_stance(text: str, words: str, cue: str, kind: str) -> None:
    quote = _quote(text, words, cue, kind=kind)  # type: ignore[arg-type]
    assert _en(text, quote).stance == "asserted"


CONTACT_GUARDS = [
    ("“The report says we might lose the seat,” he said.", "“The report says we might lose the seat,”", "hedged"),
    ("“The rates might fall next year,” she said.", "“The rates might fall next year,”", "hedged"),
    ("“The plant will close next year,” the manager said.", "“The plant will close next year,”", "prediction"),
    # a verb between the subject and the modal: the modal is the main clause's, also before a comma
    ("“The firm I work for will close next year, and that hurts,” she said.", "“The firm I work for will close next year, and that hurts,”", "prediction"),
    ("“The voters we met might back him, but nobody knows,” she said.", "“The voters we met might back him, but nobody knows,”", "hedged"),
    ("“The plan you saw must be stopped, because it is wrong,” he said.", "“The plan you saw must be stopped, because it is wrong,”", "demand"),
]


@pytest.mark.parametrize(("text", "words", "stance"), CONTACT_GUARDS)
def test_modal_of_the_main_clause_still_counts(text: str, words: str, stance: str) -> None:  # guards
    assert _en(text, _quote(text, words, "said")).stance == stance
