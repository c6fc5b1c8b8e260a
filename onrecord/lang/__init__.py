"""Per-language pipelines. One explicit registry: language code -> loader of its extractor."""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from onrecord.errors import UnsupportedLanguageError

if TYPE_CHECKING:
    from onrecord.extraction import Extractor

#: language code -> module that defines ``load() -> Extractor``
LANGUAGES: dict[str, str] = {
    "de": "onrecord.lang.de",
    "en": "onrecord.lang.en",
}


@cache
def get_extractor(language: str) -> Extractor:
    """Load (once per process) the extractor of ``language``."""
    module_name = LANGUAGES.get(language)
    if module_name is None:
        supported = ", ".join(sorted(LANGUAGES))
        raise UnsupportedLanguageError(f"unsupported language {language!r} (supported: {supported})")
    module = importlib.import_module(module_name)
    extractor: Extractor = module.load()
    return extractor
