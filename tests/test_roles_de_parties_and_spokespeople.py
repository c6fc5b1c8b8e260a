"""German roles, issue 13 point 2 (round roles4): describing adjectives before a party's or
company's name ("der liberalen Neos" → "Neos", "der Grünen" → "Grüne"), a party bracket shared
by coordinated names ("A und B (beide SPÖ)") or closing a role in brackets ("(Innenminister,
ÖVP)"), plurals with an umlaut ("Landesräte"), "Ex-<Body>-<Role>" compounds, a body never
holding its own role, and a spokesperson ("der Sprecher des Unternehmens") who is not the
person named just before. Original sentences, one or two per class."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _former_roles, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def test_describing_adjective_is_no_part_of_a_party_name(de: Extract) -> None:
    text = "Das sei nicht finanzierbar, sagte Klara Weinhofer, Chefin der liberalen Neos, am Montag."
    assert _roles(de(text), "Klara Weinhofer") == [("Chefin", "Neos", None)]


def test_declined_party_is_given_in_the_nominative(de: Extract) -> None:
    text = "Das sei nicht finanzierbar, sagte Klara Weinhofer, Sprecherin der oppositionellen Grünen, am Montag."
    assert _roles(de(text), "Klara Weinhofer") == [("Sprecherin", "Grüne", None)]


def test_adjective_of_a_common_noun_body_stays(de: Extract) -> None:
    text = "Die Lage sei ruhig, sagte ein Sprecher der thailändischen Armee am Montag."
    roles = [(r.title, r.organization) for e in de(text).entities for r in e.roles]
    assert roles == [("Sprecher", "thailändische Armee")]


def test_kind_noun_of_a_league_club_is_dropped(de: Extract) -> None:
    text = "Berta Lindner, Kapitänin des italienischen Erstliga-Aufsteigers Frosinone, fehlt am Samstag."
    assert _roles(de(text), "Berta Lindner") == [("Kapitänin", "Frosinone", None)]


def test_shared_party_bracket_goes_to_every_coordinated_name(de: Extract) -> None:
    text = "Die Abgeordneten Anna Gruber und Maria Steiner (beide SPÖ) stimmten gegen den Antrag."
    result = de(text)
    assert _roles(result, "Anna Gruber") == [("Abgeordnete", "SPÖ", None)]
    assert _roles(result, "Maria Steiner") == [("Abgeordnete", "SPÖ", None)]


def test_umlaut_plural_before_coordinated_names(de: Extract) -> None:
    text = "Die Landesräte Peter Gruber und Josef Steiner (beide ÖVP) sowie Karl Winkler (SPÖ) stimmten zu."
    result = de(text)
    assert _roles(result, "Peter Gruber") == [("Landesrat", "ÖVP", None)]
    assert _roles(result, "Karl Winkler") == [("Landesrat", "SPÖ", None)]


def test_party_closing_a_bracketed_role(de: Extract) -> None:
    text = "Im Studio diskutieren Karl Winkler (Innenminister, ÖVP) und Maria Steiner (Umweltsprecherin, Die Grünen)."
    result = de(text)
    assert _roles(result, "Karl Winkler") == [("Innenminister", "ÖVP", None)]
    assert _roles(result, "Maria Steiner") == [("Umweltsprecherin", "Grüne", None)]


def test_field_closing_a_bracketed_role_is_no_party(de: Extract) -> None:
    text = "Die Kommissare Jan Vermeulen (Vizepräsident, Grundrechte) und Nikos Petridis (Sicherheit) schreiben."
    assert all(org is None for _, org, _ in _roles(de(text), "Jan Vermeulen"))


def test_former_prefix_before_a_party_compound(de: Extract) -> None:
    text = "Der Vorsitz geht an Ex-ÖVP-Landesrätin Doris Brunner über."
    assert _former_roles(de(text), "Doris Brunner") == [("Landesrätin", "ÖVP", None, True)]


def test_a_body_holds_no_role_in_itself(de: Extract) -> None:
    text = "Ein Sprecher des betroffenen Unternehmens Velora sagte am Donnerstag, die Anlage sei sicher."
    assert all(r.organization != e.name for e in de(text).entities for r in e.roles)


def test_spokesperson_is_not_the_person_named_before(de: Extract) -> None:
    text = "Der Konzern von Peter Lindner baut Stellen ab. Der Sprecher des Unternehmens sagte, man bedaure das."
    result = de(text)
    lindner = next((e for e in result.entities if e.name == "Peter Lindner"), None)
    assert lindner is None or not lindner.roles
    assert any(r.title == "Sprecher" and r.organization == "Unternehmen" for e in result.entities for r in e.roles)


def test_party_spokesperson_still_describes_the_politician_named_before(de: Extract) -> None:
    text = "Maria Steiner kritisierte den Plan. Die Verkehrssprecherin der Grünen forderte eine Prüfung."
    assert ("Verkehrssprecherin", "Grüne", None) in _roles(de(text), "Maria Steiner")
