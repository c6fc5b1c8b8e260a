"""Per-language pipelines. One explicit registry: language code -> loader of its extractor."""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from onrecord.errors import UnsupportedLanguageError
from onrecord.lang.spacy_import import import_spacy

if TYPE_CHECKING:
    from onrecord.extraction import Extractor

#: language code -> module that defines ``load() -> Extractor``
LANGUAGES: dict[str, str] = {
    "de": "onrecord.lang.de",
    "en": "onrecord.lang.en",
}

#: languages whose extractor runs spaCy (imported without its command line first)
SPACY_LANGUAGES = frozenset({"en"})


def ensure_supported(language: str) -> str:
    """``language`` (lower-cased) if onrecord has a pipeline for it, else :class:`UnsupportedLanguageError`."""
    language = language.strip().lower()
    if language not in LANGUAGES:
        supported = ", ".join(sorted(LANGUAGES))
        raise UnsupportedLanguageError(f"unsupported language {language!r} (supported: {supported})")
    return language


@cache
def get_extractor(language: str) -> Extractor:
    """Load (once per process) the extractor of ``language``; spaCy is imported only for those
    that use it (German does not: :mod:`onrecord.lang.de.tokenizer`)."""
    code = ensure_supported(language)
    if code in SPACY_LANGUAGES:
        import_spacy()
    module = importlib.import_module(LANGUAGES[code])
    extractor: Extractor = module.load()
    return extractor
