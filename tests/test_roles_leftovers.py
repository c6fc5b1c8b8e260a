"""Leftover role classes of issue 13, point 2: the German organisation the tagger took into a
person's name after "von" ("Anna Roth von Greenpeace"), not a noble name's; fixed German title
phrases ("Chefin vom Dienst") name no organisation; clubs in the clause of a description by
origin or age ("Der gebürtige Kroate spielte zuletzt für …") are the person's named before;
English organisations after a country's possessive ("of Italy's la Repubblica") and a possessive
body's unit with its field ("…'s school of public health"). Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("„Das ist zu wenig“, sagte Petra Huber, Chefin vom Dienst im ORF-NÖ.",
         "Petra Huber", ("Chefin vom Dienst", "ORF-NÖ", None)),
        ("Der Chef vom Dienst der Tageszeitung, Karl Brandner, hielt dagegen: „Das stimmt nicht.“",
         "Karl Brandner", ("Chef vom Dienst", "Tageszeitung", None)),
    ],
)
def test_fixed_title_phrase_names_no_organisation(
    de: Extract, text: str, name: str, role: tuple[str, str, None]
) -> None:
    assert role in _roles(de(text), name)


@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        ("Among the guests were editor Maria Rossi of Italy's la Repubblica and a few bankers.",
         "Maria Rossi", "la Repubblica"),
        ("\"We see a clear drop,\" said researcher Tom Wade, of the University of Leeds's school of public health.",
         "Tom Wade", "University of Leeds's school of public health"),
    ],
)
def test_english_organisation_after_a_possessive(en: Extract, text: str, name: str, org: str) -> None:
    assert org in [o for _, o, _ in _roles(en(text), name)]


@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        ("„Wir warnen seit Jahren davor“, sagte Anna Roth von Greenpeace.", "Anna Roth von Greenpeace", "Greenpeace"),
        ("Thomas Berger von Foodwatch kritisierte die Pläne scharf.", "Thomas Berger von Foodwatch", "Foodwatch"),
    ],
)
def test_german_organisation_inside_a_tagged_name(de: Extract, text: str, name: str, org: str) -> None:
    assert org in [o for _, o, _ in _roles(de(text), name)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Das reicht nicht“, sagte Otto Graf von Lambsdorff.", "Otto Graf von Lambsdorff"),
        ("„Das reicht nicht“, sagte Karl von Habsburg.", "Karl von Habsburg"),
        ("„Das reicht nicht“, sagte Ursula von der Leyen am Montag.", "Ursula von der Leyen"),
    ],
)
def test_noble_name_gives_no_organisation(de: Extract, text: str, name: str) -> None:
    assert all(o is None for _, o, _ in _roles(de(text), name))


@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        ("Der FC Beispielstadt hat Stürmer Dario Kovač verpflichtet. Der gebürtige Kroate spielte zuletzt "
         "drei Jahre für den ungarischen Klub Ferencváros Budapest.", "Dario Kovač", "Ferencváros Budapest"),
        ("Der Verein hat Lukas Gruber verpflichtet. Der 24-Jährige wechselt vom SV Horn zu uns.",
         "Lukas Gruber", "SV Horn"),
        ("Der Klub holt Mittelfeldspieler Milan Petrović. Der gebürtige Serbe mit deutschem Pass spielte "
         "zuletzt zwei Jahre für Wacker Innsbruck.", "Milan Petrović", "Wacker Innsbruck"),
    ],
)
def test_club_of_a_description_by_origin_or_age(de: Extract, text: str, name: str, org: str) -> None:
    assert org in [o for _, o, _ in _roles(de(text), name)]
