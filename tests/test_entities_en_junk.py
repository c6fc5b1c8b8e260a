"""English entity names without junk (issue 13, point 5; brief entpers): a name the tagger runs
over a possessive is the possessor ("Dave Leip's Atlas" → Dave Leip), or the person after it
("Breitbart's Joel Pollak"); a social-media handle is no part of a name and a platform is an
organisation ("Twitter @handle"); "pro-Cruz" is an adjective, no person. Sentences written for
these tests; each failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("en").extract


def _types(result: ExtractionResult) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Voters in the county have picked the winner since 1980, according to Dave Leip’s Atlas of U.S. "
         "Presidential Elections.", "Dave Leip"),
        ("Follow Breitbart’s Joel Pollak for more. The senator said the bill would pass.", "Joel Pollak"),
        ("Welcome to Donald Trump’s America, the columnist wrote.", "Donald Trump"),
        ("Hank Greenberg’s C. V. Starr Company gave the most money.", "Hank Greenberg"),
    ],
)  # fmt: skip
def test_a_name_run_over_a_possessive_is_one_person(extract: Extract, text: str, name: str) -> None:
    types = _types(extract(text))
    assert types.get(name) == "person", types
    assert not any(name in other and other != name for other in types), types


def test_a_handle_is_no_part_of_a_name_and_a_platform_is_an_organisation(extract: Extract) -> None:
    types = _types(extract("Follow Mark Delaney on Twitter @MarkDelaneyNews. He covers the statehouse for the paper."))
    assert types.get("Twitter") == "organization" and not any("@" in name for name in types), types


def test_a_stance_adjective_is_no_person(extract: Extract) -> None:
    types = _types(extract("A pro-Cruz super PAC spent two million dollars on television ads in Iowa, officials said."))
    assert not any(name.startswith("pro-") for name in types), types
