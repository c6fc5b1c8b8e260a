"""An analysis as highlighted text: non-overlapping segments tagged quote, cue and speaker.

:func:`highlight` is pure: it reads an :class:`~onrecord.model.Analysis` and returns plain
data. The page template renders every segment's text escaped (Jinja autoescape), so article
text never becomes markup. Each tagged segment refers to statements by their index in
:attr:`Highlighted.statements` (the analysis' quote order).

Overlaps are allowed in the input: a cue may contain its speaker (``Berger verwies darauf``),
two quotes may share a cue, a quote may (rarely) lie inside another. The text is cut at every
span boundary; a segment inside several quotes belongs to the innermost (shortest) one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from onrecord.model import Analysis, Entity, Quote, Span

__all__ = ["Highlighted", "Segment", "Statement", "highlight", "role_label", "statements"]


@dataclass(frozen=True)
class Statement:
    """One quote as the page shows it: who (name, role), what, how sure."""

    index: int
    id: str
    kind: str
    text: str
    start: int
    confidence: float
    speaker: str | None = None
    speaker_text: str | None = None
    entity: str | None = None
    roles: tuple[str, ...] = ()
    cue: str | None = None
    stance: str = "asserted"
    negated: bool = False
    anonymity: str = "named"

    @property
    def percent(self) -> int:
        """The confidence in whole percent."""
        return round(self.confidence * 100)

    @property
    def role(self) -> str | None:
        """The first role label, if any."""
        return self.roles[0] if self.roles else None

    @property
    def summary(self) -> str:
        """A one-line plain-text description (for ``title`` tooltips)."""
        who = self.speaker or "unknown speaker"
        stance = (
            [self.stance + (", negated" if self.negated else "")] if self.stance != "asserted" or self.negated else []
        )
        parts = [who, *(self.roles[:1]), self.kind.replace("_", " "), *stance, f"confidence {self.percent}%"]
        return " · ".join(parts)


@dataclass(frozen=True)
class Segment:
    """A stretch ``text[start:end]`` with its tags (empty tags: plain text)."""

    start: int
    end: int
    text: str
    quote: int | None = None
    kind: str | None = None
    cue: tuple[int, ...] = ()
    speaker: tuple[int, ...] = ()
    first: bool = False  # the first segment of its quote (an anchor for links)

    @property
    def tags(self) -> tuple[str, ...]:
        """Which of ``quote``, ``cue``, ``speaker`` apply."""
        found = ("quote",) if self.quote is not None else ()
        return found + (("cue",) if self.cue else ()) + (("speaker",) if self.speaker else ())

    @property
    def refs(self) -> tuple[int, ...]:
        """Every statement this segment belongs to (its quote first), without repeats."""
        ordered = ((self.quote,) if self.quote is not None else ()) + self.cue + self.speaker
        return tuple(dict.fromkeys(ordered))


@dataclass(frozen=True)
class Highlighted:
    """The segments of the whole text, in order, and the statements they refer to."""

    segments: list[Segment]
    statements: list[Statement] = field(default_factory=list)


def role_label(title: str | None, organization: str | None, place: str | None) -> str:
    """``title, organization, place`` without the missing parts."""
    return ", ".join(part for part in (title, organization, place) if part)


def statements(analysis: Analysis, roles: Mapping[int, Sequence[str]] | None = None) -> list[Statement]:
    """The analysis' quotes as statements; ``roles`` (by quote index) overrides the article's roles."""
    entities: dict[str, Entity] = {entity.id: entity for entity in analysis.entities}
    found: list[Statement] = []
    for index, quote in enumerate(analysis.quotes):
        entity = entities.get(quote.entity) if quote.entity else None
        if roles is not None and index in roles:
            labels = tuple(roles[index])
        elif entity is not None:
            labels = tuple(
                dict.fromkeys(label for r in entity.roles if (label := role_label(r.title, r.organization, r.place)))
            )
        else:
            labels = ()
        found.append(
            Statement(
                index=index,
                id=quote.id,
                kind=quote.kind,
                text=quote.text,
                start=_first_start(quote, len(analysis.text)),
                confidence=quote.confidence,
                speaker=entity.name if entity is not None else (quote.speaker.text if quote.speaker else None),
                speaker_text=quote.speaker.text if quote.speaker else None,
                entity=quote.entity,
                roles=labels,
                cue=quote.cue.text if quote.cue else None,
                stance=quote.stance,
                negated=quote.negated,
                anonymity=quote.source_anonymity,
            )
        )
    return found


def highlight(analysis: Analysis, roles: Mapping[int, Sequence[str]] | None = None) -> Highlighted:
    """Cut ``analysis.text`` into tagged segments covering it exactly once, in order."""
    text = analysis.text
    size = len(text)
    # layer, quote index, span: every valid span clamped to the text
    marks: list[tuple[str, int, Span]] = []
    for index, quote in enumerate(analysis.quotes):
        layers: list[tuple[str, list[Span]]] = [("quote", quote.spans)]
        if quote.cue:
            layers.append(("cue", quote.cue.spans))
        if quote.speaker:
            layers.append(("speaker", quote.speaker.spans))
        for layer, spans in layers:
            for begin, end in spans:
                begin, end = max(0, begin), min(size, end)
                if begin < end:
                    marks.append((layer, index, (begin, end)))
    cuts = sorted({0, size, *(b for _, _, (b, _) in marks), *(e for _, _, (_, e) in marks)})
    starts: dict[int, list[tuple[str, int, Span]]] = {}
    ends: dict[int, list[tuple[str, int, Span]]] = {}
    for mark in marks:
        starts.setdefault(mark[2][0], []).append(mark)
        ends.setdefault(mark[2][1], []).append(mark)
    active: dict[tuple[str, int, Span], int] = {}
    seen_quotes: set[int] = set()
    segments: list[Segment] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        for mark in ends.get(begin, ()):
            active[mark] -= 1
            if not active[mark]:
                del active[mark]
        for mark in starts.get(begin, ()):
            active[mark] = active.get(mark, 0) + 1
        inner = _innermost(active)
        first = inner is not None and inner not in seen_quotes
        if inner is not None:
            seen_quotes.add(inner)
        segment = Segment(
            start=begin,
            end=end,
            text=text[begin:end],
            quote=inner,
            kind=analysis.quotes[inner].kind if inner is not None else None,
            cue=tuple(sorted({i for layer, i, _ in active if layer == "cue"})),
            speaker=tuple(sorted({i for layer, i, _ in active if layer == "speaker"})),
            first=first,
        )
        segments.append(segment)
    return Highlighted(segments=_merged(segments), statements=statements(analysis, roles))


def _innermost(active: Mapping[tuple[str, int, Span], int]) -> int | None:
    """The quote of the shortest active quote span (lowest index on ties)."""
    quotes = [(span[1] - span[0], index) for layer, index, span in active if layer == "quote"]
    return min(quotes)[1] if quotes else None


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbours with the same tags joined into one segment (a quote's first segment starts anew)."""
    joined: list[Segment] = []
    for segment in segments:
        last = joined[-1] if joined else None
        if (
            last is not None
            and not segment.first
            and (last.quote, last.cue, last.speaker) == (segment.quote, segment.cue, segment.speaker)
        ):
            joined[-1] = replace(last, end=segment.end, text=last.text + segment.text)
        else:
            joined.append(segment)
    return joined


def _first_start(quote: Quote, size: int) -> int:
    """Where a quote's highlighted words begin: its first span clamped to the text (0 without one)."""
    valid = [max(0, b) for b, e in quote.spans if max(0, b) < min(size, e)]
    return min(valid) if valid else 0
