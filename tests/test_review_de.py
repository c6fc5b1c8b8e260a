"""The German rules' shared helpers after the review of duplicated logic: one compound matcher,
one country loader, one town list, one origin-abbreviation rule (sentences written for the
project)."""

from __future__ import annotations

import pytest

from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.role_lexicon import _fused_former, role_head
from onrecord.lang.de.sources import compound_of


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("Oberbürgermeister", "Bürgermeister"),
        ("Landesumweltministerin", "Ministerin"),
        ("Ministerin", "Ministerin"),
        ("Tischlampe", None),
        ("Exfinanzminister", "Finanzminister"),
    ],
)
def test_role_head_takes_the_longest_role_tail_as_compound_of_does(word: str, head: str | None) -> None:
    assert role_head(word) == head
    if head is not None and not word.startswith("Ex"):
        assert compound_of(word, lexicon().roles) == head


def test_fused_ex_needs_a_role_or_a_role_compound_after_it() -> None:
    assert _fused_former("Exlandesrat") == "Landesrat"
    assert _fused_former("Exoberbürgermeister") == "Oberbürgermeister"
    assert _fused_former("Extischlampe") is None


def test_role_towns_and_role_places_stay_disjoint() -> None:
    from onrecord.lang.de.role_lexicon import _listed_towns, _place_names

    assert not _listed_towns() & _place_names()


@pytest.mark.parametrize(("word", "place"), [("Bozener", "Bozen"), ("Villacher", "Villach"), ("Grazer", "Graz")])
def test_a_town_adjective_finds_its_town_in_either_list(word: str, place: str) -> None:
    from onrecord.lang.de.role_lexicon import place_adjective

    assert place_adjective(word) == place


def test_an_abbreviated_origin_ends_no_sentence() -> None:
    from onrecord.lang.de.tokens import prepare

    doc = prepare("Jahrestage: Karl Probmann, dt. Maler, wurde 1801 geboren. Danach kam Eva Probst, ital. Bildhauerin.",
                  lemmatize=str)
    assert [" ".join(t.text for t in doc.tokens[b:e]) for b, e in doc.sentences] == [
        "Jahrestage : Karl Probmann , dt . Maler , wurde 1801 geboren .",
        "Danach kam Eva Probst , ital . Bildhauerin .",
    ]


def test_a_full_stop_after_an_ordinary_word_still_ends_the_sentence() -> None:
    from onrecord.lang.de.tokens import prepare

    doc = prepare("Sie kam am Ende. Danach ging sie.", lemmatize=str)
    assert len(doc.sentences) == 2


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Münchnerin", True), ("Grazer", True), ("Villacherin", True), ("Wiener", True), ("Bayerns", False),
     ("Lehrer", False), ("Mutter", False)],
)  # fmt: skip
def test_demonym_reads_the_places_of_place_adjective(word: str, expected: bool) -> None:
    from onrecord.lang.de.entity_names import demonym

    assert demonym(word) is expected


@pytest.mark.parametrize(
    ("words", "kinds", "name"),
    [
        ("rechtskonservative Regierungspartei Nordbund", None, "Nordbund"),
        ("Umweltorganisation Global 2000", None, "Global 2000"),
        ("Partei Nordbund", None, None),  # a bare descriptor names a kind only after an adjective
        ("Prüfinstanz Nordwert Analytics", ("", "ORG", "ORG"), "Nordwert Analytics"),
        ("Prüfinstanz Nordwert Analytics", None, None),  # no tags: only a listed kind noun counts
        ("Bank Austria", ("ORG", "ORG"), None),  # one tagged name
        ("Universität Wien", ("", "LOC"), None),  # a place
        ("Software-Firma für Quellbit", ("", "", "ORG"), None),
        ("Denkfabrik Centre for Alpine Studies", None, "Centre for Alpine Studies"),  # an English name
        ("Umweltorganisation Friends of the Valley", None, "Friends of the Valley"),
    ],
)  # fmt: skip
def test_one_rule_for_a_name_after_a_body_kind_noun(words: str, kinds: tuple[str, ...] | None, name: str) -> None:
    from onrecord.lang.de.role_orgs import name_after_kind

    assert name_after_kind(words.split(), kinds) == name


def test_an_unnamed_speakers_body_is_the_name_after_its_kind_noun() -> None:
    from onrecord.lang import get_extractor

    result = get_extractor("de").extract("Ein Sprecher des betroffenen Unternehmens Quellwerk sagte am Montag, "
                                         "die Anlage stehe still.")
    roles = [(r.title, r.organization) for e in result.entities for r in e.roles]
    assert ("Sprecher", "Quellwerk") in roles, roles


def test_a_kind_noun_before_a_club_name_keeps_the_whole_name() -> None:
    from onrecord.lang import get_extractor

    result = get_extractor("de").extract("Das sei ein Fehler gewesen, sagte Ina Probst vom Zweitligaklub "
                                         "Lindenberger SV am Sonntag.")
    roles = [(r.title, r.organization) for e in result.entities if e.name == "Ina Probst" for r in e.roles]
    assert roles == [(None, "Lindenberger SV")], roles
