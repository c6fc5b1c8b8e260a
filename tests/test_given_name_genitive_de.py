"""The genitive of a given name after a title of given names ("Prinz Eugens") names the person by
the given name ("Eugen"); after other roles a name in -s is a surname ("Bundespräsident
Carstens"). Sentences written for the project."""

from __future__ import annotations

from onrecord.lang import get_extractor


def _persons(text: str) -> set[str]:
    return {e.name for e in get_extractor("de").extract(text).entities if e.type == "person"}


def test_genitive_of_a_given_name_after_a_title_is_the_name() -> None:
    eugen = _persons(
        "Im ehemaligen Winterpalais Prinz Eugens wird ab Mai eine neue Ausstellung gezeigt. "
        "Die Direktorin sagte, man erwarte viele Besucher."
    )
    assert "Eugen" in eugen and "Eugens" not in eugen
    surname = _persons(
        "Der damalige Bundespräsident Carstens hatte den Vertrag unterzeichnet. "
        "Er sagte, das Land brauche Stabilität."
    )
    assert "Carsten" not in surname
