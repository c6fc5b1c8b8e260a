"""Language identification: de/en detected, other languages recognised as unsupported."""

from __future__ import annotations

import pytest

from onrecord.errors import UnsupportedLanguageError
from onrecord.langid import detect_language, guess_language

GERMAN = (
    "Der Leipziger Stadtrat hat die geplante Erhöhung der Ticketpreise im Nahverkehr am Dienstagabend "
    "überraschend vertagt. „Wir haben monatelang verhandelt“, sagte der Oberbürgermeister."
)
ENGLISH = (
    "Cardiff's city council postponed a vote on higher bus fares on Tuesday night. "
    '"We have negotiated for months," the council leader said.'
)


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_supported_languages_are_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le conseil municipal a reporté mardi le vote sur la hausse des tarifs des bus, a déclaré le maire.", "fr"),
        ("El ayuntamiento aplazó el martes la votación sobre la subida de las tarifas de autobús.", "es"),
        ("De gemeenteraad heeft dinsdag de stemming over hogere busprijzen uitgesteld, zei de burgemeester.", "nl"),
        ("Belediye meclisi salı günü otobüs ücretlerine yapılacak zam oylamasını erteledi.", "tr"),
    ],
)
def test_other_languages_are_recognised_and_refused(text: str, code: str) -> None:
    assert guess_language(text) == code
    with pytest.raises(UnsupportedLanguageError, match=f"'{code}'"):
        detect_language(text)


@pytest.mark.parametrize("text", ["", "Ja.", "12.03.2024 – 17:45", "   \n  "])
def test_undecidable_text_asks_for_an_explicit_language(text: str) -> None:
    assert guess_language(text) is None
    with pytest.raises(UnsupportedLanguageError, match="--lang"):
        detect_language(text)


def test_only_the_beginning_of_a_long_text_is_examined() -> None:
    assert detect_language(GERMAN + " " + "x" * 1_000_000) == "de"


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_german_and_english_load_only_the_two_languages(
    text: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onrecord import langid

    built: list[tuple[str, ...]] = []
    original = langid._detector

    def recording(codes: tuple[str, ...] = langid.KNOWN):  # type: ignore[no-untyped-def]
        built.append(codes)
        return original(codes)

    monkeypatch.setattr(langid, "_detector", recording)
    assert detect_language(text) == code
    assert built == [("de", "en")]


def test_a_few_function_words_do_not_make_a_text_english() -> None:
    # Dutch with English loan words: too few English function words for the two-language detector
    text = "De manager van het project zei dat de deadline van de app in de week na Pasen ligt."
    assert guess_language(text) == "nl"


def test_detection_is_not_loaded_by_the_pipeline() -> None:
    import subprocess
    import sys

    code = "import sys, onrecord.pipeline, onrecord.cli; print('lingua' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
