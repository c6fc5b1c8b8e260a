"""Roles (issue 13, point 2: recall on recurring constructions). English: a definite
description without a name ("the former secretary of state", "the Vermont senator") is a role of
the person it describes — the one holding its title noun, else the most mentioned person named
in its sentence or the one before that is not the subject of its own clause (only a subject,
object or possessor refers back; no "next"/"first" type descriptions, no party or place clash); occupation nouns
("entertainer", "contributor", "mogul"); "retired" tagged as a verb before a title marks it former.
German: a body's unit after a hyphenated body ("Facebook-Tochter
Oculus VR" → title Tochter, organisation Facebook); "Ein Sprecher der Ministerin X" is an unnamed
spokesman (title Sprecher), not a role of X. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, Quad
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_former_description_in_the_next_sentence(en: Extract) -> None:
    text = ("Voters keep asking Maria Lopez about her record. "
            "The former secretary of state pushed the plan during the convention.")
    assert ("secretary of state", None, None, True) in _roles(en(text), "Maria Lopez")


def test_description_goes_to_the_holder_of_its_title(en: Extract) -> None:
    text = ("Sen. Bernie Sanders spoke about guns on Monday. Roof is accused of a massacre. "
            "Clinton has hammered the Vermont senator for his vote.")
    result = en(text)
    assert ("senator", None, "Vermont", False) in _roles(result, "Bernie Sanders")
    assert _roles(result, "Roof") == []


def test_subject_of_the_clause_is_not_the_described_person(en: Extract) -> None:
    text = ("Jane Roe walked onto the stage. "
            "Later that night, John Smith praised the Republican presidential nominee.")
    result = en(text)
    assert ("presidential nominee", "Republican", None, False) in _roles(result, "Jane Roe")
    assert _roles(result, "John Smith") == []


_LEAD = ("Voters keep asking Maria Lopez about her record. "
         "The former secretary of state pushed the plan during the convention. ")


@pytest.mark.parametrize(
    "text",
    [
        # a bare noun says too little
        "The president spoke on Monday.",
        # inside another role phrase: someone else's office
        "Claudio Rossi, undersecretary to the prime minister, said the table will open.",
        # the sheriff's office is a body
        "Maria Lopez went to the East Side sheriff's station on Monday.",
        # a type or someone to come, not a person named before
        "The next president will have to decide.",
    ],
)
def test_descriptions_that_name_no_one(en: Extract, text: str) -> None:
    result = en(_LEAD + text)
    assert ("secretary of state", None, None, True) in _roles(result, "Maria Lopez")
    for entity in result.entities:
        assert not any(r.title in ("president", "next president", "prime minister", "sheriff")
                       for r in entity.roles), entity


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The letter was sent to the apartment of entertainer Dana Whitfield on Monday.",
         "Dana Whitfield", ("entertainer", None, None, False)),
        ("Fox News contributor George Wills wrote a column on Monday.",
         "George Wills", ("contributor", "Fox News", None, False)),
        ("Investigators questioned Bryan Paglia, a former campaign employee, on Friday.",
         "Bryan Paglia", ("campaign employee", None, None, True)),
    ],
)
def test_occupation_nouns(en: Extract, text: str, name: str, role: Quad) -> None:
    assert role in _roles(en(text), name)


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def test_subsidiary_after_a_hyphenated_body(de: Extract) -> None:
    result = de("Die neue Brille stammt von der Siemens-Tochter Helix Optics, berichtete das Blatt.")
    assert ("Tochter", "Siemens", None, False) in _roles(result, "Helix Optics")


def test_daughter_alone_is_kinship(de: Extract) -> None:
    result = de("Die Siemens-Tochter Helix Optics baut Brillen. Seine Tochter Anna Berger kam ebenfalls.")
    assert ("Tochter", "Siemens", None, False) in _roles(result, "Helix Optics")
    assert _roles(result, "Anna Berger") == []


def test_spokesman_of_a_named_person_is_an_unnamed_holder(de: Extract) -> None:
    result = de("Ein Sprecher der Bildungsministerin Petra Lindner erklärte am Montag, die Regeln seien klar.")
    spokesman = next(e for e in result.entities if e.name.startswith("Sprecher"))
    assert [(r.title, r.organization) for r in spokesman.roles] == [("Sprecher", None)]
    assert ("Bildungsministerin", None, None, False) in _roles(result, "Petra Lindner")
    assert not any(r.title == "Sprecher" for e in result.entities if e.name == "Petra Lindner" for r in e.roles)


def test_president_of_a_body_before_his_name_stays_his_role(de: Extract) -> None:
    result = de("Ein Sprecher der Bildungsministerin Petra Lindner erklärte, die Regeln seien klar. "
                "Der Präsident des Verbands Max Muster sagte am Montag, sie seien unklar.")
    assert any(e.name.startswith("Sprecher") for e in result.entities)
    assert ("Präsident", "Verband", None, False) in _roles(result, "Max Muster")


def test_retired_tagged_as_a_verb_marks_former(en: Extract) -> None:
    result = en("On Friday, the senator was joined by her husband, retired pilot Carl Weston.")
    assert ("pilot", None, None, True) in _roles(result, "Carl Weston")
