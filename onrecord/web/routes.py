"""The pages of the web app: analyse, article, entity, search, graph, statements, sources (server-rendered).

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

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
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
from onrecord.storage.records import (
    QuoteFilter,
    SourcesReport,
    StatementOccurrence,
    StatementRecord,
    StatementSort,
)
from onrecord.storage.search import search as run_search
from onrecord.storage.stances import stance_counts
from onrecord.storage.textsearch import MAX_QUERY_CHARS
from onrecord.storage.wire import article_wire
from onrecord.web.diff import word_diff
from onrecord.web.highlight import highlight
from onrecord.web.render import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE = 50
#: statements by others about an entity shown on its page
ABOUT_PAGE = 20
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
    occurs = {  # each quote's statement across articles (issue 18)
        s.index: "/statements/lookup?" + _qs(quote=r.id, article=article_id, entity=r.entity_id)
        for s in view.statements
        if aligned and (r := records[s.index]).entity_id
    }
    wire_of, wire_copies = article_wire(store, article_id)  # issue 18: near-identical bodies
    context = {"nav": "articles", "analysis": analysis, "view": view, "links": links, "stored": True, "occurs": occurs}
    context |= {"wire_of": wire_of, "wire_copies": wire_copies}
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
    # "X is said to …": X's statements per stance; "said about X": others' statements whose words name X
    said_to = stance_counts(store, QuoteFilter(entity_id=entity_id))
    about = list_quotes(store, QuoteFilter(about_entity=entity_id), limit=2 * ABOUT_PAGE)
    said_about = [q for q in about if q.entity_id != entity_id][:ABOUT_PAGE]
    context = {
        "nav": "entities", "profile": profile, "quotes": quotes, "total": profile.quotes,
        "offset": offset, "limit": PAGE, "said_to": said_to, "said_about": said_about,
        "about_more": len(about) == 2 * ABOUT_PAGE,
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


# --------------------------------------------------------------------------- statements, sources (issue 18)

#: how many outlets the sources dashboard breaks down by source kind, and how many months it shows
DASH_OUTLETS = 8
DASH_MONTHS = 24
DASH_SPEAKERS = 15
SORTS = ("occurrences", "first-seen")


def statement_scope(
    entity: Annotated[str, Query(max_length=100)] = "", article: Annotated[str, Query(max_length=300)] = ""
) -> dict[str, str]:
    """The statements of one speaker entity or one article (links from their pages)."""
    return {k: v for k, v in (("entity", entity.strip()), ("article", article.strip())) if v}


def _scoped_filter(q: str, filters: dict[str, str], scope: dict[str, str]) -> QuoteFilter | None:
    """The quote filter of a statements or sources form and its scope (None: no filter)."""
    if not (q or filters or scope):
        return None
    flt = _quote_filter(q, filters)
    return flt.model_copy(update={"entity_id": scope.get("entity"), "article_id": scope.get("article")})


ScopeDep = Annotated[dict[str, str], Depends(statement_scope)]


@router.get("/statements")
def statements(
    request: Request,
    store: StoreDep,
    form: SearchFormDep,
    scope: ScopeDep,
    sort: Field = "occurrences",
    offset: Offset = 0,
) -> Response:
    """Statements across articles (the same words of one speaker, however often run), filtered
    like the search, most occurrences or newest first."""
    q, filters, problems = form.q, form.filters, list(form.problems)
    order: StatementSort = "first-seen" if sort == "first-seen" else "occurrences"
    items: list[StatementRecord] = []
    total = 0
    try:
        flt = _scoped_filter(q, filters, scope)
        items = store.statements(flt, sort=order, limit=PAGE, offset=offset)
        total = store.count_statements(flt)
    except ValueError as exc:  # a query without words to search for
        problems.append(str(exc))
    context = {
        "nav": "statements", "q": q, "filters": filters, "entered": form.entered, "problems": problems,
        "scope": scope, "params": {**filters, **scope, "q": q}, "sort": order, "sorts": SORTS, "items": items,
        "total": total, "offset": offset, "limit": PAGE,
        "kinds": KINDS, "langs": LANGS,
    }  # fmt: skip
    return page(request, "statements.html", context)


@router.get("/statements/lookup")
def statement_lookup(
    store: StoreDep,
    quote: Annotated[str, Query(max_length=300)] = "",
    article: Annotated[str, Query(max_length=300)] = "",
    entity: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    """The statement a quote belongs to: the quote's own ``statement_id``, read with the quotes
    of its speaker in its article (one query, not one statement per candidate)."""
    from onrecord.errors import NotFoundError

    if quote and article and entity:
        flt = QuoteFilter(article_id=article, entity_id=entity)
        found = next((r for r in list_quotes(store, flt, limit=10_000) if r.id == quote), None)
        if found is not None and found.statement_id:
            return RedirectResponse(f"/statements/{found.statement_id}", status_code=303)
    raise NotFoundError("this quote belongs to no statement (its speaker is not known)")


@router.get("/statements/{statement_id}")
def statement(request: Request, statement_id: Annotated[str, Path(max_length=100)], store: StoreDep) -> Response:
    """A statement: all its occurrences side by side, their differences, a timeline by outlet."""
    detail = store.statement(statement_id)
    occurrences = detail.occurrence_list
    reference = next((o for o in occurrences if o.text == detail.text), occurrences[0] if occurrences else None)
    diffs = {o.quote_id: word_diff(detail.text, o.text) for o in occurrences}
    context = {
        "nav": "statements", "st": detail, "occurrences": occurrences, "diffs": diffs,
        "reference": reference.quote_id if reference else None, "timeline": _timeline(occurrences),
    }  # fmt: skip
    return page(request, "statement.html", context)


@dataclass
class OutletLine:
    """The occurrences of a statement in one outlet, oldest first."""

    outlet: str
    occurrences: list[StatementOccurrence]


def _timeline(occurrences: list[StatementOccurrence]) -> dict[str, object]:
    """The occurrences by outlet (outlets in the order they first ran it) and the chart's points."""
    lines: dict[str, OutletLine] = {}
    for occurrence in occurrences:  # oldest first, undated last
        outlet = occurrence.source or "(no outlet)"
        lines.setdefault(outlet, OutletLine(outlet, [])).occurrences.append(occurrence)
    ordered = list(lines.values())
    names = [line.outlet for line in ordered]
    points = [
        {"x": o.date, "y": names.index(line.outlet), "label": o.title or o.article_id, "wire": bool(o.wire_of)}
        for line in ordered
        for o in line.occurrences
        if o.date
    ]
    chart = {"kind": "timeline", "labels": names, "points": points}
    return {"lines": ordered, "chart": chart, "undated": sum(1 for o in occurrences if not o.date)}


@router.get("/sources")
def sources(request: Request, store: StoreDep, form: SearchFormDep, scope: ScopeDep) -> Response:
    """Who gets quoted: source kinds per outlet, named and unnamed sources by month, the top
    speakers, for all statements or those of a search."""
    q, filters, problems = form.q, form.filters, list(form.problems)
    context: dict[str, object] = {
        "nav": "sources", "q": q, "filters": filters, "entered": form.entered, "problems": problems,
        "scope": scope, "params": {**filters, **scope, "q": q},
        "kinds": KINDS, "langs": LANGS, "report": None,
    }  # fmt: skip
    try:
        context.update(_dashboard(store, _scoped_filter(q, filters, scope) or QuoteFilter()))
    except ValueError as exc:  # a query without words to search for
        problems.append(str(exc))
    return page(request, "sources.html", context)


def _dashboard(store: Store, flt: QuoteFilter) -> dict[str, object]:
    """The dashboard's reports and charts for the quotes matching ``flt``.

    The kinds of every outlet come from one grouping by outlet and kind (not one query per
    outlet), keyed by the exact outlet, so each column counts that outlet only."""
    from onrecord.statements.sources import SOURCE_KINDS
    from onrecord.storage.statements import source_reports_per

    every = len(SOURCE_KINDS) + 1
    report = store.sources(by="kind", flt=flt, limit=every)
    outlets = store.sources(by="outlet", flt=flt, limit=DASH_OUTLETS)
    kinds_of = source_reports_per(store, "outlet", "kind", flt, limit=every)
    per_outlet = []
    for row in outlets.rows:
        if row.key and row.key in kinds_of:
            kinds = kinds_of[row.key]
            per_outlet.append((row, kinds, kinds.quotes != row.quotes))
    months = sorted(store.sources(by="month", flt=flt, limit=100_000).rows, key=lambda r: r.key)
    undated = next((r for r in months if not r.key), None)
    months = [r for r in months if r.key][-DASH_MONTHS:]
    speakers = [r for r in store.sources(by="entity", flt=flt, limit=DASH_SPEAKERS + 1).rows if r.key][:DASH_SPEAKERS]
    types = store.sources(by="type", flt=flt, limit=10)
    order: list[str] = [kind for kind in SOURCE_KINDS if any(r.key == kind for r in report.rows)]
    order += [r.key for r in report.rows if r.key not in order]

    def shares(rep: SourcesReport) -> list[float]:
        counts = {r.key: r.quotes for r in rep.rows}
        return [round(100 * counts.get(kind, 0) / rep.quotes, 1) if rep.quotes else 0 for kind in order]

    rows = [("All outlets", report), *((row.label, kinds) for row, kinds, _ in per_outlet)]
    by_outlet = {
        "kind": "share", "labels": [label for label, _ in rows],
        "datasets": [
            {"key": kind or "none", "label": (kind or "(none)").replace("_", " "),
             "data": [shares(rep)[i] for _, rep in rows]}
            for i, kind in enumerate(order)
        ],
    }  # fmt: skip
    by_month = {
        "kind": "stacked", "labels": [r.key for r in months],
        "datasets": [
            {"key": "named", "label": "named", "data": [r.quotes - r.unnamed - r.anonymous for r in months]},
            {"key": "unnamed", "label": "unnamed", "data": [r.unnamed for r in months]},
            {"key": "anonymous", "label": "anonymous", "data": [r.anonymous for r in months]},
        ],
    }  # fmt: skip
    top = {
        "kind": "bars", "labels": [r.label for r in speakers],
        "datasets": [{"key": "quotes", "label": "quotes", "data": [r.quotes for r in speakers]}],
    }  # fmt: skip
    return {
        "report": report, "kind_order": order, "per_outlet": per_outlet, "outlets": outlets, "months": months,
        "undated": undated, "speakers": speakers, "types": types,
        "charts": {"outlets": by_outlet, "months": by_month, "speakers": top},
    }  # fmt: skip


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
