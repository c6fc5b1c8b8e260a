"""The pages of the web app: analyse, article, entity, search, graph (server-rendered).

Each page reads the store through the library (:mod:`onrecord.storage`) with a handful of
queries and renders a template; data for scripts travels in ``data-*`` attributes. Handlers are
plain ``def`` functions: FastAPI runs them in its thread pool, so analysing a long article does
not block other requests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from onrecord.api.deps import StoreDep
from onrecord.errors import OnrecordError
from onrecord.model import ANONYMITIES, STANCES, Article, Meta, content_id
from onrecord.storage import Store
from onrecord.storage.graph import about_graph, article_graph, entity_graph
from onrecord.storage.queries import (
    count_articles,
    count_entities,
    count_quotes,
    entity_profile,
    find_entities,
    get_analysis,
    list_articles,
    list_entities,
    list_quotes,
)
from onrecord.storage.records import QuoteFilter
from onrecord.storage.search import search as run_search
from onrecord.storage.textsearch import MAX_QUERY_CHARS
from onrecord.web.highlight import highlight
from onrecord.web.render import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE = 50
KINDS = ("direct", "indirect", "mixed", "reported", "free_indirect")
TYPES = ("person", "organization", "location", "group", "other")
LANGS = ("de", "en")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: a form field: the search's cap on the query, and no longer for the other fields
Field = Annotated[str, Query(max_length=MAX_QUERY_CHARS)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


# --------------------------------------------------------------------------- analyse


@router.get("/")
def home(request: Request, store: StoreDep) -> Response:
    """The analyse form: paste or upload an article."""
    return page(request, "analyse.html", {"nav": "analyse", "stats": store.stats(), "form": {}, "error": None})


@router.get("/analyse")
def analyse_get() -> Response:
    """The form lives at ``/``."""
    return RedirectResponse("/", status_code=303)


@router.post("/analyse")
def analyse(
    request: Request,
    store: StoreDep,
    text: Annotated[str, Form(max_length=2_000_000)] = "",
    title: Annotated[str, Form(max_length=500)] = "",
    lang: Annotated[str, Form(max_length=5)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Analyse the pasted text (or the uploaded .txt/.html file) without storing it."""
    form = {"text": text, "title": title, "lang": lang}
    try:
        article = _article_from_form(text, title, lang, file)
        from onrecord.pipeline import analyze as run_analyze

        analysis = run_analyze(article)
    except OnrecordError as exc:
        context = {"nav": "analyse", "stats": store.stats(), "form": form, "error": " ".join(str(exc).split())}
        return page(request, "analyse.html", context, status_code=422)
    view = highlight(analysis)
    links = {s.index: "/entities/lookup?" + _qs(name=s.speaker) for s in view.statements if s.speaker}
    context = {"nav": "analyse", "analysis": analysis, "view": view, "links": links, "stored": False}
    return page(request, "article.html", context)


def _article_from_form(text: str, title: str, lang: str, file: UploadFile | None) -> Article:
    """The article to analyse: the uploaded file when one was chosen, else the pasted text."""
    from onrecord.errors import InputError
    from onrecord.ingest.decode import decode_bytes
    from onrecord.ingest.jsonl import refuse_nul
    from onrecord.ingest.txt import parse_text

    refuse_nul("the text", text)  # refused as the API and JSONL input refuse it
    refuse_nul("the title", title)
    language = lang if lang in LANGS else None
    if file is not None and file.filename:
        name = PurePath(file.filename).name
        raw = decode_bytes(file.file.read(), name)
        if PurePath(name).suffix.lower() in {".html", ".htm"}:
            from onrecord.ingest.html import parse_html

            parsed = parse_html(raw, name)
        elif PurePath(name).suffix.lower() in {".txt", ""}:
            parsed = parse_text(raw)
        else:
            raise InputError("upload a .txt or .html file", name)
        refuse_nul("the file", parsed.body)  # deep in an uploaded file (its first bytes were text)
    else:
        parsed = parse_text(text)
    if not parsed.body.strip():
        raise InputError("there is no text to analyse: paste an article or choose a file")
    meta = parsed.meta if not title.strip() else parsed.meta.model_copy(update={"title": title.strip()})
    return Article(id=content_id(parsed.body, "pasted-"), text=parsed.body, language=language, meta=meta or Meta())


# --------------------------------------------------------------------------- articles


@router.get("/articles")
def articles(request: Request, store: StoreDep, outlet: Field = "", offset: Offset = 0) -> Response:
    """Stored articles, newest first."""
    items = list_articles(store, limit=PAGE, offset=offset, outlet=outlet or None)
    total = count_articles(store, outlet or None)
    context = {"nav": "articles", "items": items, "total": total, "offset": offset, "limit": PAGE, "outlet": outlet}
    return page(request, "articles.html", context)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str, store: StoreDep) -> Response:
    """A stored article, highlighted, with its statements and links to the speakers."""
    analysis = get_analysis(store, article_id)
    records = list_quotes(store, QuoteFilter(article_id=article_id), limit=max(1, len(analysis.quotes)))
    aligned = len(records) == len(analysis.quotes)
    roles = {i: r.roles for i, r in enumerate(records)} if aligned else None
    view = highlight(analysis, roles)
    links: dict[int, str] = {}
    for statement in view.statements:
        record = records[statement.index] if aligned else None
        if record is not None and record.entity_id:
            links[statement.index] = f"/entities/{record.entity_id}"
        elif statement.speaker:
            links[statement.index] = "/entities/lookup?" + _qs(name=statement.speaker)
    context = {"nav": "articles", "analysis": analysis, "view": view, "links": links, "stored": True}
    return page(request, "article.html", context)


# --------------------------------------------------------------------------- entities


@router.get("/entities")
def entities(request: Request, store: StoreDep, name: Field = "", type: Field = "", offset: Offset = 0) -> Response:
    """Canonical entities, most quoted first, optionally filtered by name and type."""
    type_ = type if type in TYPES else None
    items = list_entities(store, type_=type_, name=name or None, limit=PAGE, offset=offset)
    total = count_entities(store, type_, name or None)
    context = {
        "nav": "entities", "items": items, "total": total, "offset": offset, "limit": PAGE,
        "name": name, "type": type_ or "", "types": TYPES,
    }  # fmt: skip
    return page(request, "entities.html", context)


@router.get("/entities/lookup")
def entity_lookup(store: StoreDep, name: Field = "") -> Response:
    """The page of the entity a name most likely refers to, or the entity list filtered by it."""
    found = find_entities(store, name, limit=2) if name.strip() else []
    if len(found) == 1 or (len(found) > 1 and found[0].quotes > found[1].quotes):
        return RedirectResponse(f"/entities/{found[0].id}", status_code=303)
    return RedirectResponse("/entities?" + _qs(name=name), status_code=303)


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str, store: StoreDep, offset: Offset = 0) -> Response:
    """An entity: names and aliases, roles over time, statements, companions."""
    profile = entity_profile(store, entity_id)
    if profile.id != entity_id:  # merged into another entity
        return RedirectResponse(f"/entities/{profile.id}", status_code=307)
    quotes = list_quotes(store, QuoteFilter(entity_id=entity_id), limit=PAGE, offset=offset)
    context = {
        "nav": "entities", "profile": profile, "quotes": quotes, "total": profile.quotes,
        "offset": offset, "limit": PAGE,
    }  # fmt: skip
    return page(request, "entity.html", context)


# --------------------------------------------------------------------------- search


@dataclass
class SearchForm:
    """The words and filters of a search or graph form: valid filters only, with messages about
    the invalid ones, and every value as entered (the form shows it again, valid or not)."""

    q: str
    filters: dict[str, str]
    problems: list[str]
    entered: dict[str, str]


def search_form(
    q: Field = "",
    speaker: Field = "",
    organization: Field = "",
    kind: Field = "",
    lang: Field = "",
    since: Field = "",
    until: Field = "",
    outlet: Field = "",
    stance: Field = "",
    anonymity: Field = "",
) -> SearchForm:
    """Read the search form's query parameters (a dependency of the search and graph pages)."""
    given = {
        "speaker": speaker.strip(), "organization": organization.strip(), "kind": kind, "lang": lang,
        "since": since.strip(), "until": until.strip(), "outlet": outlet.strip(), "stance": stance,
        "anonymity": anonymity,
    }  # fmt: skip
    entered = {k: v for k, v in given.items() if v}
    problems: list[str] = []
    for key, allowed in (("stance", STANCES), ("anonymity", ANONYMITIES)):
        if given[key] and given[key] not in allowed:
            problems.append(f"unknown {key} {given[key]!r}")
            given[key] = ""
    if given["kind"] and given["kind"] not in KINDS:
        problems.append(f"unknown kind {given['kind']!r}")
        given["kind"] = ""
    if given["lang"] and given["lang"] not in LANGS:
        problems.append(f"unknown language {given['lang']!r}")
        given["lang"] = ""
    for key in ("since", "until"):
        if given[key] and not _DATE.match(given[key]):
            problems.append(f"{key}: write a date as YYYY, YYYY-MM or YYYY-MM-DD")
            given[key] = ""
    return SearchForm(q.strip(), {k: v for k, v in given.items() if v}, problems, entered)


SearchFormDep = Annotated[SearchForm, Depends(search_form)]


def _quote_filter(q: str, filters: dict[str, str]) -> QuoteFilter:
    """The statement filter of a search form (``lang`` is the filter's ``language``)."""
    fields = {("language" if key == "lang" else key): value for key, value in filters.items()}
    return QuoteFilter.model_validate({"about": q or None, **fields})


@router.get("/search")
def search(request: Request, store: StoreDep, form: SearchFormDep, offset: Offset = 0) -> Response:
    """Full-text search (ranked, highlighted) or filtered statements, plus matching articles."""
    q, filters, problems = form.q, form.filters, form.problems
    context: dict[str, object] = {
        "nav": "search", "q": q, "filters": filters, "entered": form.entered, "problems": problems,
        "kinds": KINDS, "langs": LANGS, "stances": STANCES, "anonymities": ANONYMITIES,
        "offset": offset, "limit": PAGE, "hits": None, "quotes": None, "articles": [], "total": None,
    }  # fmt: skip
    try:
        if filters:
            flt = _quote_filter(q, filters)
            context["quotes"] = list_quotes(store, flt, limit=PAGE, offset=offset)
            context["total"] = count_quotes(store, flt)
            if q:
                context["articles"] = run_search(store, q, limit=10, scope="articles").articles
        elif q:
            results = run_search(store, q, limit=PAGE, offset=offset)
            context["hits"] = results.quotes
            context["articles"] = results.articles if offset == 0 else []
    except ValueError as exc:  # a query without words to search for
        problems.append(str(exc))
    return page(request, "search.html", context)


# --------------------------------------------------------------------------- graph


@router.get("/graph")
def graph(
    request: Request,
    store: StoreDep,
    form: SearchFormDep,
    entity: Annotated[str, Query(max_length=100)] = "",
    article: Annotated[str, Query(max_length=300)] = "",
    min_weight: Annotated[str, Query(alias="min", max_length=6)] = "",
) -> Response:
    """Who speaks about whom: around an entity, in an article, in a search's articles, or over
    the whole store (heaviest edges), with edges lighter than ``min`` statements left out."""
    q, filters, problems = form.q, form.filters, form.problems
    weight, problem = _min_weight(min_weight, default=1 if (entity or article or q or filters) else 2)
    problems = [*problems, *problem]
    title = "Graph"
    subject: dict[str, str] = {}
    if entity:
        result = entity_graph(store, entity, min_weight=weight)
        center = next((n for n in result.nodes if n.center), None)
        title = f"Around {center.name}" if center else "Around an entity"
        subject = {"entity": entity}
    elif article:
        analysis = get_analysis(store, article)  # 404 when unknown
        result = article_graph(store, [article], min_weight=weight)
        title = f"In {analysis.meta.title or analysis.id}"
        subject = {"article": article}
    elif q or filters:
        try:
            ids = _search_articles(store, q, filters)
        except ValueError as exc:
            ids, problems = [], [*problems, str(exc)]
        result = article_graph(store, ids, min_weight=weight)
        title = "Search results"
        subject = {"q": q, **filters}
    else:
        result = about_graph(store, min_weight=weight)
    names = {node.id: node.name for node in result.nodes}
    context = {
        "nav": "graph", "graph": result, "names": names, "title": title, "subject": subject,
        "problems": problems, "payload": result.model_dump(mode="json"), "min": weight,
        "weights": _weight_choices(weight),
    }  # fmt: skip
    return page(request, "graph.html", context)


def _min_weight(value: str, default: int) -> tuple[int, list[str]]:
    """The graph form's minimum weight (statements per edge), or the default with a message."""
    if not value.strip():
        return default, []
    if value.strip().isdigit() and 1 <= int(value) <= 10_000:
        return int(value), []
    return default, [f"minimum statements: write a whole number from 1, not {value!r}"]


def _weight_choices(current: int) -> list[int]:
    """The minimum weights the graph form offers (the current one included)."""
    return sorted({1, 2, 3, 5, 10, 20, current})


def _search_articles(store: Store, q: str, filters: dict[str, str]) -> list[str]:
    """The articles of a search's statements (and, for a plain search, its matching articles)."""
    if filters:
        quotes = list_quotes(store, _quote_filter(q, filters), limit=300)
        return list(dict.fromkeys(quote.article_id for quote in quotes))
    results = run_search(store, q, limit=100)
    return list(dict.fromkeys(hit.article_id for hit in [*results.quotes, *results.articles]))


def _qs(**values: object) -> str:
    """A query string from the non-empty values."""
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in values.items() if v not in (None, "")})
