"""Leftover role classes of issue 13, point 2: fixed German title phrases ("Chefin vom Dienst")
name no organisation. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


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
