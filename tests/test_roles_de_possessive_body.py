"""Roles (issue 13, point 2: German recall, organisations). A role opened by a
possessive ("ihr Kandidat", "seinem Trainer") that points back to a body named before it in the
sentence takes that body as its organisation; a person, a personal pronoun or a relative clause
between them leaves the role without one. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def test_possessive_after_a_party_names_the_party(de: Extract) -> None:
    text = "Die SPÖ stellt am Montag ihren Spitzenkandidaten Martin Beispielmann in Graz vor."
    assert ("Spitzenkandidat", "SPÖ", None, False) in _roles(de(text), "Martin Beispielmann")


def test_possessive_after_a_comma_names_the_body(de: Extract) -> None:
    text = "Die FPÖ hängt neue Plakate auf, ihr Kandidat Norbert Hofer wirbt darauf mit Heimat."
    assert ("Kandidat", "FPÖ", None, False) in _roles(de(text), "Norbert Hofer")


def test_possessive_with_participle_phrase(de: Extract) -> None:
    text = ("Die Vereinsführung von Real Madrid hat ihrem stark kritisierten Trainer Rafael Benitez "
            "am Montag das Vertrauen ausgesprochen.")
    assert ("Trainer", "Real Madrid", None, False) in _roles(de(text), "Rafael Benitez")


def test_person_between_keeps_the_role_without_body(de: Extract) -> None:
    text = ("Die ÖVP stellt ihren Kandidaten Paul Beispiel vor. "
            "Beim Parteitag der ÖVP lobte Anna Beispiel ihren Sprecher Karl Muster ausdrücklich.")
    result = de(text)
    assert ("Kandidat", "ÖVP", None, False) in _roles(result, "Paul Beispiel")
    roles = _roles(result, "Karl Muster")
    assert all(r[1] != "ÖVP" for r in roles), roles


def test_relative_clause_keeps_the_role_without_body(de: Extract) -> None:
    text = ("Die Grünen präsentieren ihre Sprecherin Eva Muster. "
            "Der 34-jährige Deutsche, der durch seinen Assistenten Daniel Beispiel ersetzt wurde, schwieg.")
    result = de(text)
    assert ("Sprecherin", "Grünen", None, False) in _roles(result, "Eva Muster")
    roles = _roles(result, "Daniel Beispiel")
    assert all(r[1] is None for r in roles), roles


def test_kind_noun_before_an_acronym_gives_the_name(de: Extract) -> None:
    text = ("Der Plan sei falsch, sagte Paolo Beispiel, Senator und Mitglied der "
            "kleinen Regierungspartei NCD, am Sonntag.")
    roles = _roles(de(text), "Paolo Beispiel")
    assert ("Mitglied", "NCD", None, False) in roles, roles


def test_kind_noun_before_a_club_name_gives_the_name(de: Extract) -> None:
    text = "Jan Muster wird in der kommenden Saison der neue Trainer des niederländischen Fußballclubs Ajax Amsterdam."
    roles = _roles(de(text), "Jan Muster")
    assert ("Trainer", "Ajax Amsterdam", None, False) in roles, roles


def test_university_keeps_its_kind_noun(de: Extract) -> None:
    text = ("Die Mitglieder der Regierungspartei SPÖ wählten Hans Probe zu ihrem Sprecher. "
            "Das sagte die Forscherin Anna Muster von der Universität Wollongong.")
    result = de(text)
    assert ("Forscherin", "Universität Wollongong", None, False) in _roles(result, "Anna Muster")
    text = "Die Forscherin Eva Probe, Mitglied der liberalen Oppositionspartei NEOS, widersprach."
    assert ("Mitglied", "NEOS", None, False) in _roles(de(text), "Eva Probe")


def test_a_kind_noun_before_the_possessive_names_no_body(de: Extract) -> None:
    text = ("Die Partei dankte ihrem scheidenden Präsidenten Otto Beispiel. "
            "Die NEOS stellen ihre Kandidatin Eva Muster vor.")
    result = de(text)
    assert _roles(result, "Otto Beispiel") == [("Präsident", None, None, False)]
    assert ("Kandidatin", "NEOS", None, False) in _roles(result, "Eva Muster")
