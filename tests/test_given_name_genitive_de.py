"""The genitive of a given name standing alone after a role noun ("Prinz Eugens") names the person
by the given name ("Eugen"), not by its genitive. Sentences written for the project."""

from __future__ import annotations

from onrecord.lang import get_extractor


def test_genitive_of_a_given_name_is_the_name() -> None:
    text = (
        "Im ehemaligen Winterpalais Prinz Eugens wird ab Mai eine neue Ausstellung gezeigt. "
        "Die Direktorin sagte, man erwarte viele Besucher."
    )
    names = {e.name for e in get_extractor("de").extract(text).entities if e.type == "person"}
    assert "Eugen" in names and "Eugens" not in names
