"""A subheading that ends in a reporting verb's infinitive, glued to the paragraph below
("Nachbarstaaten informieren Wie hoch …"), is a sentence of its own; speech whose marks were lost
after a subject ("Die Bauern sagen Wir …", "Sie sagen Wir …") is not split. Sentences written for
the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.tokens import prepare


def _sentences(text: str) -> list[str]:
    doc = prepare(text)
    return [text[doc.tokens[b].start : doc.tokens[e - 1].end] for b, e in doc.sentences]


def test_headline_infinitive_is_its_own_sentence() -> None:
    text = (
        "Die Regierung will Tageskontingente einführen. Nachbarstaaten informieren Wie hoch die "
        "Kontingente sein werden, soll erst noch vereinbart werden."
    )
    assert _sentences(text)[1:] == [
        "Nachbarstaaten informieren",
        "Wie hoch die Kontingente sein werden, soll erst noch vereinbart werden.",
    ]


@pytest.mark.parametrize("text", ["Die Bauern sagen Wir wollen faire Preise.", "Sie sagen Wir wollen faire Preise."])
def test_speech_after_a_subject_is_not_split(text: str) -> None:
    assert _sentences(text) == [text]
