"""Addressees, documents and abstract nouns (onrecord.lang.de.sources) on sentences written for
the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.sources import addressee_at, not_a_speaker, trim_speaker
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _at(doc: PreparedDoc, word: str) -> int:
    return next(t.i for t in doc.tokens if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Das sei zu teuer, sagte die Ärztin zum STANDARD.", "STANDARD", True),
        ("Das sei zu teuer, sagte er dem Spiegel am Freitag.", "Spiegel", True),
        ("Das sei zu teuer, erklärte sie der Zeitung.", "Zeitung", True),
        ("Das sei zu teuer, erklärte der Chefredakteur der Zeitung.", "Zeitung", False),  # genitive
        ("Das sei zu teuer, sagte Anna Roth der Agentur APA zufolge.", "Agentur", False),  # a source
        ("Das sei zu teuer, heißt es in dem Schreiben.", "Schreiben", False),  # a preposition's object
        ("Das sei zu teuer, berichtete der Spiegel.", "Spiegel", False),  # the subject
    ],
)
def test_addressee_by_case_and_preposition(sentence: str, word: str, expected: bool) -> None:
    doc = prepare(sentence)
    assert addressee_at(doc, _at(doc, word)) is expected


def test_trim_speaker_drops_the_expletive_and_the_addressee() -> None:
    doc = prepare("Das sei zu teuer, heißt es in der Aussendung. Es fehle Geld, sagte die Ärztin zum STANDARD.")
    es = next(t.i for t in doc.tokens if t.text == "es")
    b, e = trim_speaker(doc, es, _at(doc, "Aussendung") + 1)
    assert doc.text[doc.tokens[b].start : doc.tokens[e - 1].end] == "der Aussendung"
    die = _at(doc, "Ärztin") - 1
    b, e = trim_speaker(doc, die, _at(doc, "STANDARD") + 1)
    assert doc.text[doc.tokens[b].start : doc.tokens[e - 1].end] == "die Ärztin"


def test_expletive_es_and_ownerless_abstract_nouns_are_no_speakers() -> None:
    doc = prepare("Der Minister ist der Meinung, dass es reicht. Seiner Meinung nach reicht es, hieß es.")
    es = [t.i for t in doc.tokens if t.text == "es"]
    assert not_a_speaker(doc, es[-1], es[-1] + 1)
    meinung = [t.i for t in doc.tokens if t.text == "Meinung"]
    assert not_a_speaker(doc, meinung[0], meinung[0] + 1)  # "der Meinung"
    assert not not_a_speaker(doc, meinung[1] - 1, meinung[1] + 1)  # "Seiner Meinung": owned
    assert not not_a_speaker(doc, 1, 2)  # "Minister"


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Der Umbau werde zwei Jahre dauern, wird vermutet.", "wird", True),  # a verb form names nobody
        ("Der Umbau werde zwei Jahre dauern, sagte er.", "er", False),  # a pronoun does
        ("Es war die Kämmerin, die den Umbau verteidigte.", "die", False),  # so may a relative pronoun
        ("Der Umbau werde demnach zwei Jahre dauern.", "demnach", False),  # and a source adverb
    ],
)
def test_a_lower_case_word_is_a_speaker_only_as_a_pronoun(sentence: str, word: str, expected: bool) -> None:
    doc = prepare(sentence)
    i = max(t.i for t in doc.tokens if t.text == word)
    assert not_a_speaker(doc, i, i + 1) is expected
