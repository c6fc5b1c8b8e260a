"""Extraction stages shared by the languages, and the interface a language extractor implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from onrecord.extraction.outlets import OwnOutlet
from onrecord.model import Entity, Quote


@dataclass
class ExtractionResult:
    """What an extractor finds in one body text: quotes and the entities they refer to."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


class Extractor(Protocol):
    """A language's attribution extractor.

    ``name`` and ``version`` go into each analysis' provenance. ``extract`` takes the body
    text and returns quotes and entities whose offsets point into that very string.
    ``extract_many`` may batch (e.g. ``nlp.pipe``) and must return one result per text, in order.
    ``outlet`` (``outlets``: one per text) is the outlet that publishes the text, from the
    article's metadata (:func:`onrecord.extraction.outlets.own_outlet`), or None: its mentions
    are an outlet, never a speaker (an extractor makes it :func:`~onrecord.extraction.outlets.current_own_outlet`
    while it extracts that text).
    """

    name: str
    version: str
    language: str

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult: ...

    def extract_many(
        self, texts: list[str], outlets: Sequence[OwnOutlet | None] | None = None
    ) -> list[ExtractionResult]: ...
