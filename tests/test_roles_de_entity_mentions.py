"""German roles by general mechanisms (issue 13 point 2): a person's last name
alone is a mention of that person, a role phrase naming another organisation is no earlier
holder's, and the families below. Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.entity_mentions import _Building, _holder, _State
from onrecord.lang.de.roles import RoleMatch
from onrecord.model import Entity

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _entity(result: ExtractionResult, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}: {[e.name for e in result.entities]}"
    return matches[0]


def _roles(result: ExtractionResult, name: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(r.title, r.organization, r.place, r.former) for r in _entity(result, name).roles]


def test_last_name_alone_is_a_mention_of_the_person_named_before(extract: Extract) -> None:
    text = (
        "Am Sonntag spielt die Mannschaft von Jonas Fink in Graz. Fink kehrt damit an seine alte "
        "Wirkungsstätte zurück. Das Spiel freut auch Fink."
    )
    result = extract(text)
    mentions = [text[b:e] for b, e in _entity(result, "Jonas Fink").mentions]
    assert mentions == ["Jonas Fink", "Fink", "Fink"]


def test_last_name_alone_then_a_role_phrase_of_the_speaker(extract: Extract) -> None:
    result = extract(
        "Am Sonntag spielt die Mannschaft von Jonas Fink gegen das Team von Larry Kayode. Das freut "
        "auch Fink. Wir sind bereit, sagte der Austria-Coach, der zufrieden wirkt."
    )
    assert ("Coach", "Austria", None, False) in _roles(result, "Jonas Fink")
    assert _roles(result, "Larry Kayode") == []


def test_role_phrase_of_another_organisation_is_not_the_earlier_holder() -> None:
    state = _State()
    coach = state.new(None, "Peter Ebner", "person")
    coach.roles.append(RoleMatch("Coach", None, "Linz", 0, 2, head="Vereins-Coach"))
    assert _holder(state, "Coach") is coach
    assert _holder(state, "Coach", "Wiener Juniors") is None
    role = RoleMatch("Coach", "Wiener Juniors", None, 5, 8, head="Coach")
    other = _Building(None, "Eva Berg", "person", roles=[role])
    state.building.append(other)
    assert _holder(state, "Coach", "Wiener Juniors") is other


def test_genitive_place_and_role_opening_the_next_sentence_describes_the_person(extract: Extract) -> None:
    result = extract(
        "Er kann Tore schießen, sagte Jens Madsen. Norwegens Teamchef hat den jungen Stürmer bereits nominiert."
    )
    assert ("Teamchef", None, "Norwegen", False) in _roles(result, "Jens Madsen")


def test_genitive_place_and_plural_role_describe_no_one(extract: Extract) -> None:
    result = extract("Er kann Tore schießen, sagte Jens Madsen. Norwegens Teamchefs haben den Stürmer nominiert.")
    assert _roles(result, "Jens Madsen") == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Die Firma wächst, sagte Jens Madsen. Er ist seit 2010 Chef der Nordbank.", "Jens Madsen",
         ("Chef", "Nordbank", None, False)),
        ("Die Firma wächst, sagte Anna Madsen. Zuvor war sie Sprecherin des Vereins Nordlicht.", "Anna Madsen",
         ("Sprecherin", "Verein Nordlicht", None, False)),
    ],
)
def test_pronoun_with_a_copula_and_a_role_states_a_role_of_the_person_named_last(
    extract: Extract, text: str, name: str, role: tuple[str, str, None, bool]
) -> None:
    assert role in _roles(extract(text), name)


def test_pronoun_role_needs_the_person_named_just_before_and_a_matching_gender(extract: Extract) -> None:
    result = extract("Die Firma wächst, sagte Anna Madsen. Zuvor war sie Sprecher des Vereins Nordlicht.")
    assert _roles(result, "Anna Madsen") == []
    result = extract(
        "Die Firma wächst, sagte Jens Madsen. Das Werk liegt in Kiel. Der Umsatz stieg. Er ist Chef der Nordbank."
    )
    assert _roles(result, "Jens Madsen") == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Die Firma wächst, sagte Jens Madsen. Der 45-Jährige ist seit 2010 Chef der Nordbank.", "Jens Madsen",
         ("Chef", "Nordbank", None, False)),
        ("Die Firma wächst, sagte Anna Madsen. Seit 2010 ist die 45-Jährige Chefin der Nordbank.", "Anna Madsen",
         ("Chefin", "Nordbank", None, False)),
    ],
)
def test_age_noun_with_a_copula_and_a_role_states_a_role_of_the_person_named_last(
    extract: Extract, text: str, name: str, role: tuple[str, str, None, bool]
) -> None:
    assert role in _roles(extract(text), name)


def test_age_noun_role_needs_a_matching_article(extract: Extract) -> None:
    result = extract("Die Firma wächst, sagte Jens Madsen. Der 45-Jährige ist seit 2010 Chefin der Nordbank.")
    assert _roles(result, "Jens Madsen") == []


def test_academic_title_between_role_noun_and_name(extract: Extract) -> None:
    result = extract("Das geschah im Beisein von Oberbürgermeister Dr. Albert Schröder und Rektorin Prof. Eva Lang.")
    assert _roles(result, "Albert Schröder") == [("Oberbürgermeister", None, None, False)]
    assert _roles(result, "Eva Lang") == [("Rektorin", None, None, False)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ihr Ehemann Peter zieht die Fäden. Frau Berger, seine Sekretärin, hilft ihm dabei.", "Berger", "Sekretärin"),
        ("Das bestätigte Tom Weiss, ihr Anwalt, am Montag.", "Tom Weiss", "Anwalt"),
    ],
)
def test_apposition_opened_by_a_possessive(extract: Extract, text: str, name: str, title: str) -> None:
    assert _roles(extract(text), name) == [(title, None, None, False)]


def test_bare_role_after_a_copula_and_before_a_name_is_that_name_s(extract: Extract) -> None:
    result = extract("Auf Fernsehbildern war Personalchef Xaver Brosch zu sehen, wie er einen Weg suchte.")
    assert [e.name for e in result.entities if e.roles] == ["Xaver Brosch"]
    assert _roles(result, "Xaver Brosch") == [("Personalchef", None, None, False)]


def test_genitive_plural_role_phrase_is_no_one_s_role(extract: Extract) -> None:
    result = extract(
        "Umweltminister Stefan Wendt (Grüne) kündigte auf dem Symposium an, mehr zu tun. Für die Strandung "
        "der Wale ist nach Ansicht der Experten eine Mischung von Ursachen verantwortlich."
    )
    titles = [r.title for e in result.entities for r in e.roles]
    assert titles == ["Umweltminister"]


def test_place_of_work_before_the_role_noun(extract: Extract) -> None:
    result = extract("Das sagt die in Graz tätige Politikwissenschaftlerin Karin Stein.")
    assert _roles(result, "Karin Stein") == [("Politikwissenschaftlerin", None, "Graz", False)]
    result = extract("Das sagt der in Wien geborene Schauspieler Karl Stein.")
    assert _roles(result, "Karl Stein") == [("Schauspieler", None, None, False)]


def test_business_person_nouns_are_roles(extract: Extract) -> None:
    result = extract("Maria Kehl spielt die Geschäftsfrau Sabine Wendt, die sich viel erhofft.")
    assert _roles(result, "Sabine Wendt") == [("Geschäftsfrau", None, None, False)]
