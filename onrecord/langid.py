"""Language identification with lingua, restricted to a small set of languages.

The detector knows German and English (the languages onrecord analyses) and a handful of
languages common in European news, so that a French or Turkish article is recognised as
*unsupported* rather than forced into German or English. It is built once, lazily, in lingua's
low-accuracy mode (trigram models only: fast, small in memory, and accurate on article-length
text). Only the first :data:`SAMPLE_CHARS` characters are looked at.

Undecidable text (too short, or numbers only) raises :class:`UnsupportedLanguageError` asking
for an explicit language — guessing would silently run the wrong pipeline.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from onrecord.errors import UnsupportedLanguageError

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: languages onrecord has a pipeline for
SUPPORTED = ("de", "en")
#: further languages the detector can tell apart (recognised, but not analysed)
KNOWN = ("de", "en", "fr", "es", "it", "nl", "pl", "pt", "ru", "tr", "sv", "da")
#: detection looks at this many leading characters
SAMPLE_CHARS = 2000
#: text with fewer letters than this is not detected
MIN_LETTERS = 12


@cache
def _detector() -> LanguageDetector:
    """The lingua detector for :data:`KNOWN`, built on first use."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in KNOWN]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text`` among :data:`KNOWN`, or None if undecidable."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(sample)
    return None if language is None else language.iso_code_639_1.name.lower()


def detect_language(text: str) -> str:
    """The language of ``text``: ``"de"`` or ``"en"``.

    Raises :class:`UnsupportedLanguageError` for any other language and for text whose
    language cannot be decided (then pass the language explicitly).
    """
    code = guess_language(text)
    if code is None:
        raise UnsupportedLanguageError("cannot detect the language (too little text); pass --lang de or en")
    if code not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"the text seems to be in an unsupported language ({code!r}); onrecord analyses de and en"
        )
    return code
