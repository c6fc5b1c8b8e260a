"""The JSON API (mounted under ``/api``): analyse, ingest, quotes, entities, articles, search,
graph, corrections. Thin: every route calls the library and returns its records."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel

from onrecord.api.deps import SettingsDep, StoreDep, WriterDep
from onrecord.api.schemas import (
    AnalyzeRequest,
    ErrorResponse,
    IngestRequest,
    MergeRequest,
    Page,
    SplitRequest,
    SplitResponse,
)
from onrecord.model import Analysis, Article, Meta, QuoteKind, SourceAnonymity, Stance, content_id
from onrecord.storage import ingest as run_ingest
from onrecord.storage.corrections import merge_entities, split_entity
from onrecord.storage.graph import Graph, entity_graph
from onrecord.storage.queries import (
    count_articles,
    count_entities,
    count_quotes,
    entity_profile,
    get_analysis,
    list_articles,
    list_entities,
    list_quotes,
)
from onrecord.storage.records import (
    SOURCE_COLUMNS,
    STATEMENT_COLUMNS,
    ArticleRecord,
    EntityProfile,
    EntityRecord,
    IngestReport,
    QuoteFilter,
    QuoteRecord,
    SearchResults,
    SourcesReport,
    StatementDetail,
    StatementRecord,
    StoreStats,
)
from onrecord.storage.search import search as run_search
from onrecord.storage.textsearch import MAX_QUERY_CHARS, SEARCHABLE

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "Invalid input"},
    413: {"model": ErrorResponse, "description": "Request body too large"},
    421: {"model": ErrorResponse, "description": "The Host header names a host this server does not answer for"},
    422: {"model": ErrorResponse, "description": "Invalid request"},
    500: {"model": ErrorResponse, "description": "Unexpected error (logged by the server)"},
    503: {"model": ErrorResponse, "description": "The store cannot be reached"},
}
#: what a schema-valid text may still be refused for: analysis needs a language and an article
_ANALYSE: dict[int | str, dict[str, object]] = {
    400: {
        "model": ErrorResponse,
        "description": 'Invalid input, or an HTML page (`"format": "html"`) without article text',
    },
    422: {
        "model": ErrorResponse,
        "description": "Invalid request, or the language of the text cannot be detected (too little text: give "
        '`"lang"`) or is neither German nor English',
    },
}
_NOT_FOUND: dict[int | str, dict[str, object]] = {404: {"model": ErrorResponse, "description": "Not found"}}
_WRITE: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorResponse, "description": "API token required"},
    403: {"model": ErrorResponse, "description": "A write from a page of another origin"},
    409: {"model": ErrorResponse, "description": "The correction contradicts the store"},
}

router = APIRouter(responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=200, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="results to skip")]
Text = Annotated[str | None, Query(max_length=300)]
#: a full-text query needs one word that is not excluded (``-word``)
Words = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=SEARCHABLE)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")]
#: an article id as the store keeps it: any text without NUL (a file's name, a JSONL "id", a
#: content hash), so also with "/", ":", "." and spaces; in the URL percent-encoded or not
ArticleId = Annotated[
    str,
    Path(
        pattern=r"^[^\x00]+$",
        description='the id the article was stored under: any text without NUL ("/" may stay unencoded)',
        examples=["kb-de-1", "reuters/2024-03-12/eu-gipfel.txt", "urn:x-news:4711"],
    ),
]


class FilterParams(BaseModel):
    """The quote filters of ``/quotes``, ``/statements`` and ``/sources`` (all must hold): one set
    of query parameters, declared once (FastAPI flattens the model into them, in this order)."""

    speaker: Text = None
    organization: Text = None
    about: Words = None
    kind: QuoteKind | None = None
    lang: Annotated[Literal["de", "en"] | None, Query()] = None
    since: Date = None
    until: Date = None
    outlet: Text = None
    entity: Annotated[str | None, Query(max_length=100)] = None
    article: Annotated[str | None, Query(max_length=200)] = None
    stance: Stance | None = None
    anonymity: SourceAnonymity | None = None
    negated: bool | None = None
    about_entity: Annotated[str | None, Query(max_length=100)] = None

    def quote_filter(self) -> QuoteFilter:
        """The library's filter of these parameters (``lang`` → ``language``, ``entity`` → ``entity_id``)."""
        return QuoteFilter(
            speaker=self.speaker, organization=self.organization, about=self.about, kind=self.kind,
            language=self.lang, since=self.since, until=self.until, outlet=self.outlet, entity_id=self.entity,
            article_id=self.article, stance=self.stance, anonymity=self.anonymity, negated=self.negated,
            about_entity=self.about_entity,
        )  # fmt: skip


#: the quote filters as one query-parameter object
Filter = Annotated[FilterParams, Query()]


@router.post("/analyze", response_model=Analysis, tags=["analyse"], response_model_by_alias=True, responses=_ANALYSE)
def analyze(body: AnalyzeRequest) -> Analysis:
    """Analyse a text or an HTML page without storing it: the analysis object of the output contract."""
    from onrecord.ingest.html import parse_html
    from onrecord.pipeline import analyze as run_analyze

    if body.format == "html":
        parsed = parse_html(body.text, "request")
        text, meta = parsed.body, parsed.meta
    else:
        text, meta = body.text, Meta()
    article = Article(id=body.id or content_id(text), text=text, meta=body.meta or meta, language=body.lang)
    return run_analyze(article)


@router.post("/ingest", response_model=IngestReport, tags=["store"], responses=_WRITE)
def ingest(body: IngestRequest, store: StoreDep, _: WriterDep) -> IngestReport:
    """Analyse and store articles; unchanged ones are skipped, changed ones replaced."""
    articles = [
        Article(
            id=a.id,
            text=a.text,
            language=a.lang,
            origin=f"request article {a.id}",
            meta=Meta(title=a.title, published=a.published, source=a.source, url=a.url),
        )  # fmt: skip
        for a in body.articles
    ]
    return run_ingest(store, articles)


@router.get("/quotes", response_model=Page[QuoteRecord], tags=["query"])
def quotes(
    store: StoreDep,
    settings: SettingsDep,
    filters: Filter,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[QuoteRecord]:
    """Quotes, newest first, filtered (all filters must hold)."""
    flt = filters.quote_filter()
    items = list_quotes(store, flt, limit=min(limit, settings.max_page), offset=offset)
    return Page[QuoteRecord](items=items, total=count_quotes(store, flt), limit=limit, offset=offset)


@router.get("/entities", response_model=Page[EntityRecord], tags=["query"])
def entities(
    store: StoreDep,
    name: Text = None,
    type: Annotated[Literal["person", "organization", "location", "group", "other"] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntityRecord]:
    """Canonical entities, most quoted first."""
    items = list_entities(store, type_=type, name=name, limit=limit, offset=offset)
    return Page[EntityRecord](items=items, total=count_entities(store, type, name), limit=limit, offset=offset)


@router.get("/entities/{entity_id}", response_model=EntityProfile, tags=["query"], responses=_NOT_FOUND)
def entity(entity_id: str, store: StoreDep) -> EntityProfile:
    """An entity's names, roles over time, quote counts and companions (merged ids forward)."""
    return entity_profile(store, entity_id)


@router.get("/entities/{entity_id}/graph", response_model=Graph, tags=["query"], responses=_NOT_FOUND)
def graph(
    entity_id: str,
    store: StoreDep,
    max_nodes: Annotated[int, Query(ge=2, le=100)] = 40,
    min_weight: Annotated[int, Query(alias="min", ge=1, le=10_000)] = 1,
) -> Graph:
    """Who this entity speaks about and who speaks about it (speaker → entity spoken about,
    weighted by statements), and the edges among those entities; edges lighter than ``min``
    statements are left out (counted in ``hidden``)."""
    return entity_graph(store, entity_id, min_weight=min_weight, max_nodes=max_nodes)


@router.post(
    "/entities/{entity_id}/merge", response_model=EntityProfile, tags=["corrections"], responses=_NOT_FOUND | _WRITE
)
def merge(entity_id: str, body: MergeRequest, store: StoreDep, _: WriterDep) -> EntityProfile:
    """Merge this entity into ``into``; returns the surviving entity."""
    return entity_profile(store, merge_entities(store, entity_id, body.into))


@router.post(
    "/entities/{entity_id}/split", response_model=SplitResponse, status_code=status.HTTP_201_CREATED,
    tags=["corrections"], responses=_NOT_FOUND | _WRITE,
)  # fmt: skip
def split(entity_id: str, body: SplitRequest, store: StoreDep, _: WriterDep) -> SplitResponse:
    """Move mentions (by name or article) of this entity to a new entity."""
    return SplitResponse(id=split_entity(store, entity_id, body.names, body.articles, body.new_name))


@router.get("/articles", response_model=Page[ArticleRecord], tags=["query"])
def articles(store: StoreDep, outlet: Text = None, limit: Limit = 50, offset: Offset = 0) -> Page[ArticleRecord]:
    """Stored articles, newest first."""
    items = list_articles(store, limit=limit, offset=offset, outlet=outlet)
    return Page[ArticleRecord](items=items, total=count_articles(store, outlet), limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", response_model=Analysis, tags=["query"], responses=_NOT_FOUND)
def article(article_id: ArticleId, store: StoreDep) -> Analysis:
    """A stored article's analysis object."""
    return get_analysis(store, article_id)


@router.delete(
    "/articles/{article_id:path}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
    tags=["store"], responses=_NOT_FOUND | _WRITE,
)  # fmt: skip
def delete_article(article_id: ArticleId, store: StoreDep, _: WriterDep) -> Response:
    """Remove an article and its facts."""
    store.delete_article(article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/search", response_model=SearchResults, tags=["query"])
def search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=MAX_QUERY_CHARS, pattern=SEARCHABLE, description='words, "phrases", OR, -word'),
    ],
    scope: Annotated[Literal["all", "quotes", "articles"], Query()] = "all",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> SearchResults:
    """Full-text search over quotes and articles, ranked, with highlighted snippets."""
    return run_search(store, q, limit=limit, offset=offset, scope=scope)


@router.get("/stats", response_model=StoreStats, tags=["store"])
def stats(store: StoreDep) -> StoreStats:
    """Row counts of the store."""
    return store.stats()


# --------------------------------------------------------------------------- statements and sources (issue 18)

#: ``format=csv``: the same rows as a CSV table (a header line, then one line per row)
_CSV: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "JSON, or CSV with format=csv"}
}
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]


def _csv(rows: list[dict[str, object]], columns: tuple[str, ...]) -> Response:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return Response(stream.getvalue(), media_type="text/csv; charset=utf-8")


@router.get("/statements", response_model=Page[StatementRecord], tags=["query"], responses=_CSV)
def statements(
    store: StoreDep,
    settings: SettingsDep,
    filters: Filter,
    sort: Annotated[Literal["occurrences", "first-seen"], Query()] = "occurrences",
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Page[StatementRecord] | Response:
    """Statements — one speaker's same or nearly the same words across articles — with a quote
    matching the filters (those of ``/quotes``), most occurrences or newest first seen first."""
    flt = filters.quote_filter()
    items = store.statements(flt, sort=sort, limit=min(limit, settings.max_page), offset=offset)
    if format == "csv":
        return _csv([item.model_dump(mode="json") for item in items], STATEMENT_COLUMNS)
    return Page[StatementRecord](items=items, total=store.count_statements(flt), limit=limit, offset=offset)


@router.get("/statements/{statement_id}", response_model=StatementDetail, tags=["query"], responses=_NOT_FOUND)
def statement(statement_id: Annotated[str, Path(max_length=100)], store: StoreDep) -> StatementDetail:
    """One statement with all its occurrences (article, outlet, date, offsets, words), oldest first."""
    return store.statement(statement_id)


@router.get("/sources", response_model=SourcesReport, tags=["query"], responses=_CSV)
def sources(
    store: StoreDep,
    by: Annotated[Literal["entity", "type", "kind", "outlet", "month"], Query()] = "kind",
    *,
    filters: Filter,
    limit: Annotated[int, Query(ge=1, le=500, description="at most this many groups")] = 50,
    format: Format = "json",
) -> SourcesReport | Response:
    """Who gets quoted: the quotes matching the filters grouped by entity, entity type, source
    kind, outlet or month, with the shares of unnamed and anonymous sources (CSV: the groups)."""
    flt = filters.quote_filter()
    report = store.sources(by, flt, limit=limit)
    if format == "csv":
        return _csv([row.model_dump(mode="json") for row in report.rows], SOURCE_COLUMNS)
    return report
