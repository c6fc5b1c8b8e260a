"""Roles (issue 13, point 2; German roles missed on the fresh parts): a definite role description
in the sentence after a named person is one more role of that person also when it follows the
finite verb ("Nun wird die Bezirksrätin …") or keeps weak adjectives the role phrase leaves out
("Der 22-jährige Mittelfeldspieler …"). Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]
Triple = tuple[str | None, str | None, str | None]


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def _roles(result: ExtractionResult, name: str) -> list[Triple]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place) for r in entity.roles]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Lange hat Petra Kogler mit der Antwort gewartet. Nun wird die Bezirksvorsteherin ihre Pläne vorstellen.",
         "Petra Kogler", "Bezirksvorsteherin"),
        ("Im Frühjahr kommt Karl Huber zurück nach Linz. Am Montag unterschrieb der Mittelfeldspieler einen Vertrag.",
         "Karl Huber", "Mittelfeldspieler"),
        ("Im Frühjahr kommt Karl Huber zurück nach Linz. Der 24-jährige Mittelfeldspieler wechselt von Steyr.",
         "Karl Huber", "Mittelfeldspieler"),
        ("Im Frühjahr kommt Karl Huber zurück nach Linz. Und der Stürmer brauchte nur fünf Minuten für ein Tor.",
         "Karl Huber", "Stürmer"),
        ("Gegen die Pläne wehrte sich Jonas Brandl. Dennoch kann der pensionierte Ingenieur dem Entwurf "
         "etwas abgewinnen.",
         "Jonas Brandl", "Ingenieur"),
    ],
)
def test_description_after_the_finite_verb_or_with_weak_adjectives(
    de: Extract, text: str, name: str, title: str
) -> None:
    assert any(t is not None and t.endswith(title) for t, _, _ in _roles(de(text), name))


def test_no_description_after_an_object_pronoun(de: Extract) -> None:
    text = "Im Frühjahr kommt Karl Huber zurück nach Linz. Dort empfing ihn der Bürgermeister."
    assert ("Bürgermeister", None, None) not in _roles(de(text), "Karl Huber")


def test_no_description_when_another_person_opens_the_sentence(de: Extract) -> None:
    text = "Im Frühjahr kommt Karl Huber zurück nach Linz. Mit Anton Berger sprach der Bürgermeister lange."
    assert ("Bürgermeister", None, None) not in _roles(de(text), "Karl Huber")


def test_no_description_before_a_list_of_roles_and_a_name(de: Extract) -> None:
    text = "Im Frühjahr kommt Karl Huber zurück nach Linz. Geehrt wurde der Maler, Dichter und Sänger Otto Kern."
    assert all(t is None or "Maler" not in t for t, _, _ in _roles(de(text), "Karl Huber"))


def test_no_description_when_the_article_disagrees_with_the_noun(de: Extract) -> None:
    text = "Im Frühjahr kommt Karl Huber zurück nach Linz. Am Montag unterschrieb die Mittelfeldspieler den Vertrag."
    assert all(t != "Mittelfeldspieler" for t, _, _ in _roles(de(text), "Karl Huber"))
