"""German entity types that `about` read wrongly (issue 17 point 1): a name of several words that
the gazetteer writes as a place is a place even when the tagger calls it a person, so that "er"
does not go to it. Names chosen for these tests; each place case failed before its rule."""

from __future__ import annotations

import pytest

from onrecord.lang.de.entity_names import Gazetteer, entity_type
from onrecord.lang.de.train import GAZETTEER_FILE, MODEL_DIR


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(MODEL_DIR / GAZETTEER_FILE)


@pytest.mark.parametrize("words", [["Buenos", "Aires"], ["Los", "Angeles"], ["Sri", "Lanka"]])
def test_a_place_of_several_words_tagged_as_a_person_is_a_place(gaz: Gazetteer, words: list[str]) -> None:
    assert entity_type(words, gaz, False, {"PER"}) == "location"


@pytest.mark.parametrize("words", [["Paris", "Hilton"], ["Anna", "Berger"]])
def test_a_person_named_after_a_place_stays_a_person(gaz: Gazetteer, words: list[str]) -> None:
    assert entity_type(words, gaz, False, {"PER"}) == "person"
