"""German sources around the outlet itself (cross-genre heldout errors): a source phrase owned by
the outlet that writes the article ("Laut Informationen des STANDARD") is the writer's own voice,
no statement, and the one asked in an inquiry ("Laut einer STANDARD-Nachfrage beim
Bürgermeister") is the source. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.de.narration import own_outlet_source
from onrecord.lang.de.speaker_rules import inquiry_target
from onrecord.lang.de.tokens import prepare


def _speakers(text: str) -> list[tuple[str, str | None]]:
    result = get_extractor("de").extract(text)
    return [(q.text, q.speaker.text if q.speaker else None) for q in result.quotes]


def test_own_outlet_information_is_no_statement() -> None:
    text = (
        "Die Gemeinde plant einen neuen Radweg entlang der Traun. Laut Informationen des STANDARD "
        "sollen die Bauarbeiten erst im Herbst beginnen, weil die Förderung fehlt."
    )
    assert _speakers(text) == []


def test_other_owner_information_stays_a_statement() -> None:
    text = "Die Firma schweigt. Laut Informationen der Gewerkschaft sollen bis zu 200 Stellen wegfallen."
    quotes = _speakers(text)
    assert len(quotes) == 1 and "Gewerkschaft" in (quotes[0][1] or "")


@pytest.mark.parametrize(
    ("text", "begin", "end", "expected"),
    [
        ("Laut Informationen des STANDARD war die Kandidatensuche mühsam.", 0, 2, True),
        ("Nach STANDARD-Recherchen sei der Vertrag nie unterschrieben worden.", 0, 2, True),
        ("Laut Informationen der Gewerkschaft war die Kandidatensuche mühsam.", 0, 2, False),
        # the outlet as addressee after the speaker, and an inquiry with the one asked
        ("Er sagte dem STANDARD, das Projekt sei gescheitert.", 0, 1, False),
        ("Laut einer STANDARD-Nachfrage beim Land seien drei Schulen betroffen.", 1, 3, False),
        # a person of the outlet stays a source
        ("Wie der STANDARD-Korrespondent Jan Weber schreibt, sei die Lage ruhig.", 1, 5, False),
        ("Wie der STANDARD erfuhr, wird die Schule im Sommer geschlossen.", 1, 3, True),
    ],
)
def test_own_outlet_source(text: str, begin: int, end: int, expected: bool) -> None:
    assert own_outlet_source(prepare(text), begin, end) is expected


def test_inquiry_target_is_the_one_asked() -> None:
    doc = prepare("Laut einer STANDARD- Nachfrage beim Bürgermeister in spe wären nur zwei Leistungen betroffen.")
    words = [t.text for t in doc.tokens]
    inquiry = (1, words.index("Nachfrage") + 1)
    asked = words.index("Bürgermeister")
    spans = [inquiry, (asked, asked + 3)]
    assert inquiry_target(doc, inquiry, spans) == 1
    assert inquiry_target(doc, (asked, asked + 3), spans) is None


def test_inquiry_speaker_in_the_article() -> None:
    text = (
        "Mit diesem Vorschlag ließ der künftige Bürgermeister Karl Steininger aufhorchen. "
        "Laut einer STANDARD- Nachfrage beim Bürgermeister in spe wären davon ohnehin nur zwei "
        "Zuschüsse betroffen: das Schulstartgeld und der Heizkostenzuschuss."
    )
    speakers = [s for _, s in _speakers(text)]
    assert speakers and all(s is not None and "Nachfrage" not in s for s in speakers)
