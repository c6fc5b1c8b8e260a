"""Helpers the English attribution tests share (the extractor itself is the ``en_extractor``
fixture of ``conftest.py``)."""

from __future__ import annotations

from onrecord.extraction import Extractor


def quotes_and_speakers(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """Each quote of ``text`` as (quote words, speaker mention or None), in order."""
    return [(q.text, q.speaker.text if q.speaker else None) for q in extractor.extract(text).quotes]
