"""What the store answers: pydantic records shared by the CLI, the exporters and the HTTP API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from onrecord.model import EntityType, QuoteKind, SourceAnonymity, Span, Stance

__all__ = [
    "SOURCE_COLUMNS",
    "STATEMENT_COLUMNS",
    "ArticleRecord",
    "Companion",
    "EntityProfile",
    "EntityRecord",
    "EntityRef",
    "Highlight",
    "IngestReport",
    "NameCount",
    "QuoteFilter",
    "QuoteRecord",
    "RoleSpan",
    "SearchHit",
    "SearchResults",
    "SourceRow",
    "SourcesReport",
    "StatementDetail",
    "StatementOccurrence",
    "StatementRecord",
    "StoreStats",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuoteFilter(_Record):
    """Which quotes to list; every given field must hold (AND)."""

    speaker: str | None = Field(default=None, description="name or alias of the speaking entity (part of it is enough)")
    organization: str | None = Field(
        default=None, description="the speaker's organisation in that article, or an organisation speaking itself"
    )
    about: str | None = Field(default=None, description="words the quote is about (full-text search over its words)")
    kind: QuoteKind | None = None
    language: str | None = None
    since: str | None = Field(default=None, description="earliest publication date, YYYY[-MM[-DD]]")
    until: str | None = Field(default=None, description="latest publication date, YYYY[-MM[-DD]]")
    outlet: str | None = Field(default=None, description="the outlet (source) of the article, part of its name")
    entity_id: str | None = None
    article_id: str | None = None
    stance: Stance | None = Field(default=None, description="how sure the statement is (issue 17)")
    anonymity: SourceAnonymity | None = Field(default=None, description="named, unnamed or anonymous source")
    negated: bool | None = Field(default=None, description="only negated (true) or only affirmed (false) statements")
    about_entity: str | None = Field(default=None, description="id of an entity the quote's words talk about")


class EntityRef(_Record):
    """An entity by id and name."""

    id: str
    name: str


class RoleSpan(_Record):
    """A role of an entity over time: the first and last article dates it was seen with."""

    title: str | None = None
    organization: str | None = None
    place: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0
    former: bool = Field(
        default=False,
        description="the text marks the role as past (der frühere Minister, Ex-Chef, former CEO); German titles "
        "leave the marker out",
    )


class QuoteRecord(_Record):
    """One stored quote with its article's metadata and its speaker's roles in that article."""

    id: str
    article_id: str
    kind: QuoteKind
    language: str
    text: str
    spans: list[Span]
    cue: str | None = None
    speaker: str | None = Field(default=None, description="the words naming the speaker in the text (may be a pronoun)")
    entity_id: str | None = None
    entity_name: str | None = None
    entity_type: EntityType | None = None
    roles: list[str] = Field(default_factory=list)
    confidence: float
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    stance: Stance | None = Field(default=None, description="null for quotes stored before stances existed")
    negated: bool | None = None
    source_anonymity: SourceAnonymity | None = None
    about: list[EntityRef] = Field(default_factory=list, description="the entities the words talk about, in order")
    statement_id: str | None = Field(
        default=None, description="the statement across articles this quote belongs to; null without a speaker"
    )


class NameCount(_Record):
    """A name with how often it occurs."""

    name: str
    count: int


class Companion(_Record):
    """An entity seen together with another one, and in how many articles."""

    id: str
    name: str
    type: EntityType
    articles: int


class EntityRecord(_Record):
    """A canonical entity with its counts."""

    id: str
    name: str
    type: EntityType
    quotes: int = 0
    articles: int = 0


class EntityProfile(_Record):
    """Everything the store knows about one canonical entity."""

    id: str
    name: str
    type: EntityType
    aliases: list[NameCount]
    roles: list[RoleSpan]
    quotes: int
    quotes_by_kind: dict[str, int]
    articles: int
    first_seen: str | None = None
    last_seen: str | None = None
    quoted_with: list[Companion] = Field(description="entities quoted in the same articles")
    mentioned_with: list[Companion] = Field(description="entities mentioned in the same articles")
    resolution: list[NameCount] = Field(description="how the article entities were linked here (rule: count)")
    merged_from: list[str] = Field(default_factory=list, description="ids of entities merged into this one")


class Highlight(_Record):
    """A piece of a search snippet; ``match`` marks the words that matched the query."""

    text: str
    match: bool = False


class SearchHit(_Record):
    """One full-text search result: a quote or an article, ranked (higher score first)."""

    type: Literal["quote", "article"]
    id: str
    article_id: str
    score: float
    snippet: list[Highlight]
    speaker: str | None = None
    entity_id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


class SearchResults(_Record):
    """Ranked quotes and articles for a query."""

    query: str
    quotes: list[SearchHit]
    articles: list[SearchHit]


class ArticleRecord(_Record):
    """A stored article's metadata and counts (its full analysis is available separately)."""

    id: str
    language: str
    title: str | None = None
    published: str | None = None
    place: str | None = None
    source: str | None = None
    url: str | None = None
    words: int
    quotes: int
    extractor: str
    extractor_version: str
    ingested_at: str
    wire_of: str | None = Field(
        default=None, description="the canonical article this one is a wire copy of (near-identical body), or null"
    )


class IngestReport(_Record):
    """The outcome of an ingest run."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[str] = Field(default_factory=list)

    @property
    def stored(self) -> int:
        """Articles written (added or replaced)."""
        return self.added + self.replaced


class StoreStats(_Record):
    """Row counts of a store."""

    articles: int
    quotes: int
    entities: int
    roles: int
    revision: str | None
    stances: dict[str, int] = Field(default_factory=dict, description="quotes per stance (unknown: stored before 0005)")
    anonymity: dict[str, int] = Field(default_factory=dict, description="quotes per source anonymity")
    negated: int = 0


# --------------------------------------------------------------------------- statements (issue 18)

#: how ``statements`` are ordered: most occurrences first, or newest first seen first
StatementSort = Literal["occurrences", "first-seen"]
#: what ``sources`` groups quotes by
SourceBy = Literal["entity", "type", "kind", "outlet", "month"]


class StatementRecord(_Record):
    """One statement: the quotes of one speaker entity with the same or nearly the same words."""

    id: str = Field(description="content hash of the speaker and the representative words")
    entity_id: str
    entity_name: str | None = None
    entity_type: EntityType | None = None
    text: str = Field(description="the representative words (the longest occurrence)")
    mode: Literal["direct", "reported"]
    language: str
    occurrences: int = Field(description="quotes of the statement, in all articles")
    articles: int
    outlets: int
    first_seen: str | None = Field(default=None, description="first article date (YYYY-MM-DD), undated last")
    first_outlet: str | None = None
    first_article_id: str
    first_quote_id: str
    last_seen: str | None = None
    matched: int = Field(description="occurrences matching the filter (all of them without one)")


#: a statement's columns in CSV and TSV output (``GET /api/statements?format=csv``, ``onrecord statements``)
STATEMENT_COLUMNS = (
    "id", "entity_id", "entity_name", "entity_type", "mode", "language", "occurrences", "matched", "articles",
    "outlets", "first_seen", "first_outlet", "first_article_id", "first_quote_id", "last_seen", "text",
)  # fmt: skip


class StatementOccurrence(_Record):
    """One occurrence of a statement: a quote in one article, with its article's metadata."""

    quote_id: str
    article_id: str
    position: int = Field(description="the quote's position among its article's quotes")
    kind: QuoteKind
    text: str
    spans: list[Span] = Field(description="offsets of the quoted words in the article text")
    speaker: str | None = None
    cue: str | None = None
    published: str | None = None
    date: str | None = Field(default=None, description="the article's first possible date (YYYY-MM-DD)")
    source: str | None = Field(default=None, description="the outlet")
    title: str | None = None
    url: str | None = None
    source_kind: str | None = None
    source_anonymity: SourceAnonymity | None = None
    wire_of: str | None = Field(default=None, description="the article this one is a wire copy of")


class StatementDetail(StatementRecord):
    """A statement with all its occurrences, oldest first (undated last)."""

    occurrence_list: list[StatementOccurrence] = Field(default_factory=list)


class SourceRow(_Record):
    """Quotes of one group (entity, entity type, source kind, outlet or month)."""

    key: str = Field(description="the entity id, type, kind, outlet or YYYY-MM; empty: none")
    label: str = Field(description="what to show: the entity's name, or the key")
    quotes: int
    statements: int = Field(description="distinct statements among the quotes")
    speakers: int = Field(description="distinct speaker entities among the quotes")
    unnamed: int
    anonymous: int
    unnamed_share: float
    anonymous_share: float


#: a source group's columns in CSV and TSV output (``GET /api/sources?format=csv``, ``onrecord sources``)
SOURCE_COLUMNS = (
    "key", "label", "quotes", "statements", "speakers", "unnamed", "anonymous", "unnamed_share", "anonymous_share",
)  # fmt: skip


class SourcesReport(_Record):
    """Who gets quoted: quotes grouped by ``by``, most quoted first, with the shares of unnamed
    and anonymous sources."""

    by: SourceBy
    quotes: int = Field(description="all quotes matching the filter")
    unnamed: int
    anonymous: int
    unnamed_share: float
    anonymous_share: float
    groups: int = Field(description="how many groups there are (rows lists at most limit of them)")
    rows: list[SourceRow]
