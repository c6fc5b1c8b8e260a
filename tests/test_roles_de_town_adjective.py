"""German roles from the unlabelled-store audit: the place of a town's
"-er" adjective before a role noun (GUIDELINES B place)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
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




@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Der Villacher Stadtrat Georg Blau lehnte den Antrag ab.", "Georg Blau", "Villach"),
        ("Das Projekt sei zu teuer, sagte die Feldkircher Bürgermeisterin Lena Moos.", "Lena Moos", "Feldkirch"),
        ("Die Traiskirchner Vizebürgermeisterin Ute Grau widersprach am Montag.", "Ute Grau", "Traiskirchen"),
        ("Der Karlsruher Informatiker Jonas Reh warnte vor den Folgen.", "Jonas Reh", "Karlsruhe"),
        ("Der Mailänder Architekt Paolo Verdi stellte den Entwurf vor.", "Paolo Verdi", "Mailand"),
        ("Der Kieler Meeresbiologe Sven Brack erklärte die Messungen.", "Sven Brack", "Kiel"),
    ],
)
def test_town_adjective_before_a_title_gives_the_town(extract: Extract, text: str, name: str, place: str) -> None:
    assert [r[2] for r in _roles(extract(text), name)] == [place]


def test_a_surname_in_er_is_no_town() -> None:
    from onrecord.lang.de.role_lexicon import place_adjective

    assert [place_adjective(w) for w in ("Müller", "Fischer", "Koller", "Zeller", "Kinder")] == [None] * 5
