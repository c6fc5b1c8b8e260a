"""The data model of an analysis: the public output contract ``onrecord.analysis/1``.

Every derived fact carries character offsets into :attr:`Analysis.text` (end exclusive).
The field names here are the stable contract read by other tools and by our evaluation;
add fields, never rename or remove them without a new schema version.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "onrecord.analysis/1"

Span = tuple[int, int]
QuoteKind = Literal["direct", "indirect", "mixed", "reported", "free_indirect"]
EntityType = Literal["person", "organization", "location", "group", "other"]
#: a finer kind of an entity type: an organisation that is a news outlet (newspaper, agency,
#: broadcaster; see docs/contract-entities.md)
EntityKind = Literal["outlet"]
#: how sure a statement is, as the text marks it (see docs/contract-stance.md)
Stance = Literal["asserted", "hedged", "belief", "claim", "denial", "question", "demand", "prediction"]
#: whether the source is named, a group or role without a name, or explicitly withheld
SourceAnonymity = Literal["named", "unnamed", "anonymous"]
STANCES: tuple[Stance, ...] = ("asserted", "hedged", "belief", "claim", "denial", "question", "demand", "prediction")
ANONYMITIES: tuple[SourceAnonymity, ...] = ("named", "unnamed", "anonymous")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A stretch of text: a cue or a speaker mention, possibly discontinuous."""

    text: str
    spans: list[Span]


class Quote(_Model):
    """One statement: the words, who says them (locally and resolved), and the cue."""

    id: str
    kind: QuoteKind
    text: str
    spans: list[Span]
    cue: Mention | None = None
    speaker: Mention | None = None
    entity: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    #: additive fields of issue 17 (defaults keep analyses written before them valid)
    stance: Stance = "asserted"
    negated: bool = False
    source_anonymity: SourceAnonymity = "named"
    about: list[str] = Field(default_factory=list, description="ids of the entities the words talk about")


class Role(_Model):
    """A role an entity holds in this article, from an apposition or relative clause."""

    title: str | None = None
    organization: str | None = None
    place: str | None = None
    spans: list[Span] = Field(default_factory=list)
    #: the text marks the role as past ("der frühere Minister", "Ex-Chef", "former CEO"); the
    #: title itself is then given without that word (additive field, default False)
    former: bool = False


class Entity(_Model):
    """An entity of the article: all its mentions, its fullest name and its roles."""

    id: str
    name: str
    type: EntityType
    mentions: list[Span] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    #: additive field of issue 13: "outlet" for a news outlet (an organisation), else None
    kind: EntityKind | None = None


class Meta(_Model):
    """Article metadata from a header, a JSONL record or an HTML page."""

    title: str | None = None
    published: str | None = None
    place: str | None = None
    source: str | None = None
    url: str | None = None


class Provenance(_Model):
    """Which extractor produced an analysis (not part of the v1 stable fields)."""

    extractor: str
    version: str


class Analysis(_Model):
    """The analysis of one article."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    language: str
    meta: Meta = Field(default_factory=Meta)
    text: str
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    provenance: Provenance | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, object]:
        """The JSON-ready dict of the contract (``schema`` first)."""
        return self.model_dump(by_alias=True, mode="json")


class Article(_Model):
    """An input article: the body text plus metadata, before analysis."""

    id: str
    text: str
    language: str | None = None
    meta: Meta = Field(default_factory=Meta)
    origin: str | None = None  # file path (and line) it was read from, for error messages


def content_id(text: str, prefix: str = "") -> str:
    """A deterministic id from content: the same text always gets the same id."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}"


def span_text(text: str, spans: list[Span], sep: str = " … ") -> str:
    """The text of (possibly discontinuous) spans."""
    return sep.join(text[b:e] for b, e in spans)
