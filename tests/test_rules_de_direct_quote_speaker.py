"""The speaker of a German direct quote the ranker is unsure of (issue 13, round 2 of the
cross-validation rules): a candidate of the quote's own sentence, or of the sentence before
when a colon ends it right before the quote; one further back is left out. Sentences written
for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.speaker_rules import introduces_direct_quote
from onrecord.lang.de.tokens import prepare


def _at(text: str, word: str, nth: int = 0) -> int:
    doc = prepare(text)
    hits = [t.i for t in doc.tokens if t.text == word]
    return hits[nth]


@pytest.mark.parametrize(
    ("text", "candidate", "expected"),
    [
        # the candidate in the quote's sentence
        ("Die Ministerin verteidigte den Plan: „Wir haben keine andere Wahl.“", "Ministerin", True),
        # the sentence before ends in a colon right before the quote
        ("Der Trainer sprach lange mit der Mannschaft. Er schloss mit den Worten: „Morgen gewinnen wir.“",
         "Er", True),
        # the sentence before ends in a full stop: nobody there introduces the quote
        ("Der Trainer sprach lange mit der Mannschaft. „Morgen gewinnen wir.“", "Trainer", False),
        # two sentences back, even with a colon before the quote
        ("Der Trainer kam spät. Die Halle war voll. Dann hieß es: „Morgen gewinnen wir.“", "Trainer", False),
    ],
)
def test_a_candidate_that_introduces_a_direct_quote(text: str, candidate: str, expected: bool) -> None:
    doc = prepare(text)
    quote_begin = next(t.i for t in doc.tokens if t.text == "„") + 1
    assert introduces_direct_quote(doc, quote_begin, _at(text, candidate)) is expected


@pytest.mark.parametrize(
    ("text", "candidate", "expected"),
    [
        # 2-fold CV (issue 13 p3): the quote opens its sentence after a sentence whose subject
        # reports speech ("Sadiq Khan, …, verurteilte die Haltung der Regierung. „…“")
        ("Der Abgeordnete Paul Meier verurteilte die Haltung der Regierung. „Das ist ein Fehler.“", "Der", True),
        # the sentence before reports no speech
        ("Der Abgeordnete Paul Meier kam spät in den Saal. „Das ist ein Fehler.“", "Der", False),
        # the candidate is not the subject opening that sentence
        ("Gestern verurteilte die Partei den Abgeordneten Paul Meier. „Das ist ein Fehler.“", "Paul", False),
        # a new paragraph opens with the quote
        ("Der Abgeordnete Paul Meier verurteilte die Haltung der Regierung.\n\n„Das ist ein Fehler.“", "Der", False),
    ],
)
def test_a_subject_that_reports_speech_in_the_sentence_before_introduces_the_quote(
    text: str, candidate: str, expected: bool
) -> None:
    doc = prepare(text)
    mark = next(t.i for t in doc.tokens if t.text == "„")  # a direct quote's first part opens at its mark
    assert introduces_direct_quote(doc, mark, _at(text, candidate)) is expected
