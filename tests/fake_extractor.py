"""A tiny, deterministic extractor for tests that must not depend on the real language models.

It finds text between „…“ / "…" quote marks and reports each as a direct quote without speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from onrecord.extraction import ExtractionResult
from onrecord.extraction.outlets import OwnOutlet
from onrecord.model import Quote

_QUOTED = re.compile(r"[„\"“](?P<words>[^„\"“”]{3,}?)[“\"”]")


@dataclass
class FakeExtractor:
    """Implements the :class:`onrecord.extraction.Extractor` protocol with a regular expression."""

    language: str = "de"
    name: str = "fake"
    version: str = "0"
    calls: list[int] = field(default_factory=list)  # batch sizes seen by extract_many
    outlets: list[OwnOutlet | None] = field(default_factory=list)  # the own outlet of each text seen

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
        self.outlets.append(outlet)
        quotes = [
            Quote(id=f"q{n}", kind="direct", text=m["words"], spans=[m.span("words")], confidence=0.5)
            for n, m in enumerate(_QUOTED.finditer(text), start=1)
        ]
        return ExtractionResult(quotes=quotes)

    def extract_many(
        self, texts: list[str], outlets: Sequence[OwnOutlet | None] | None = None
    ) -> list[ExtractionResult]:
        self.calls.append(len(texts))
        own = list(outlets) if outlets is not None else [None] * len(texts)
        return [self.extract(text, outlet) for text, outlet in zip(texts, own, strict=True)]


def fake_loader(language: str) -> FakeExtractor:
    """A loader for :func:`onrecord.pipeline.analyze_many` (any supported language)."""
    return FakeExtractor(language=language)
