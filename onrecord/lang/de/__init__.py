"""German attribution: a learned tagger (quotes, cues, speakers) plus a learned speaker ranker,
principled rules for roles and within-article resolution, and German lexicons as data files."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onrecord.lang.de.extractor import GermanExtractor


def load() -> GermanExtractor:
    """The German extractor with the bundled models."""
    from onrecord.lang.de.extractor import GermanExtractor

    return GermanExtractor.from_bundled()
