"""Language identification with lingua, restricted to a small set of languages.

Detection is lazy and starts with the two languages onrecord analyses: a text whose words are
to at least :data:`FUNCTION_WORD_SHARE` common German or English function words (data files
``data/langid-de.txt``, ``data/langid-en.txt``) is decided by a lingua detector that knows
German and English only, and the answer stands when both agree. Any other text goes to a
detector that also knows a handful of languages common in European news, so that a French or
Turkish article is recognised as *unsupported* rather than forced into German or English; its
models are loaded only then (a fifth of a second against nearly one second). Both detectors are
built once, on first use, in lingua's low-accuracy mode (trigram models only: fast, small in
memory, and accurate on article-length text). Only the first :data:`SAMPLE_CHARS` characters
are looked at.

Undecidable text (too short, or numbers only) raises :class:`UnsupportedLanguageError` asking
for an explicit language — guessing would silently run the wrong pipeline.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
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
#: the share of a text's words that must be function words of German or English (and at least
#: twice those of the other) for the two-language detector to decide it
FUNCTION_WORD_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _detector(codes: tuple[str, ...] = KNOWN) -> LanguageDetector:
    """The lingua detector for these languages, built on first use."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@cache
def function_words(code: str) -> frozenset[str]:
    """The common function words of a supported language (its ``data/langid-CODE.txt``)."""
    path = resources.files("onrecord") / "data" / f"langid-{code}.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text`` among :data:`KNOWN`, or None if undecidable."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    likely = _likely_supported(sample)
    if likely is not None and _detect(sample, SUPPORTED) == likely:
        return likely
    return _detect(sample, KNOWN)


def _likely_supported(sample: str) -> str | None:
    """German or English if function words of one of them are frequent in ``sample``, else None."""
    words = [word.lower() for word in _WORD.findall(sample)]
    if not words:
        return None
    vocab = {code: function_words(code) for code in SUPPORTED}
    shares = {code: sum(word in vocab[code] for word in words) / len(words) for code in SUPPORTED}
    best, other = sorted(SUPPORTED, key=lambda code: (-shares[code], code))
    if shares[best] < FUNCTION_WORD_SHARE or shares[best] < 2 * shares[other]:
        return None
    return best


def _detect(sample: str, codes: tuple[str, ...]) -> str | None:
    language = _detector(codes).detect_language_of(sample)
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
