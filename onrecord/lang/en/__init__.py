"""The English extractor: spaCy ``en_core_web_sm`` plus attribution and entity rules.

``load()`` returns an :class:`EnglishExtractor`; the spaCy pipeline is loaded once per
extractor (the registry in :mod:`onrecord.lang` keeps one per process).

Stages per document:

1. spaCy: tokens, tags, dependencies, sentences (always started at a line break), named
   entities (the lemmatizer runs lazily, only on verbs, to save time);
2. :mod:`quotemarks`: quote-mark pairing on the raw text;
3. :mod:`attribution`: cue, content and local source of each attribution;
4. :mod:`entities` and :mod:`roles`: entity clusters, resolution of sources, roles;
5. assembly into :class:`onrecord.model.Quote` and :class:`onrecord.model.Entity`.
"""

from __future__ import annotations

from onrecord.extraction import ExtractionResult
from onrecord.lang.en.pipeline import PARSE_BATCH, EnglishExtractor

__all__ = ["EnglishExtractor", "load", "ExtractionResult"]


def load(batch_size: int = PARSE_BATCH) -> EnglishExtractor:
    """The English extractor (loads en_core_web_sm once)."""
    return EnglishExtractor(batch_size=batch_size)
