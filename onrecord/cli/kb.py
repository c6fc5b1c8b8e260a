"""Knowledge-base commands: ``ingest``, ``quotes``, ``entity``, ``entities``, ``search``,
``export``, ``merge``, ``split`` and ``stats``. Each opens the store named by ``--db``."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from onrecord.cli.common import LangOption, dumps, err, fail, handle_errors, out, write_line

if TYPE_CHECKING:
    from onrecord.storage import Store
    from onrecord.storage.records import EntityProfile, QuoteRecord, SearchResults


class Output(StrEnum):
    """Output formats of the query commands."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportKind(StrEnum):
    """What ``export`` writes."""

    analyses = "analyses"
    quotes = "quotes"
    ftm = "ftm"


class Scope(StrEnum):
    """Where ``search`` looks."""

    all = "all"
    quotes = "quotes"
    articles = "articles"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store: a SQLite file (default onrecord.db) or postgresql://user@host/db.",
        envvar="ONRECORD_DB",
    ),
]
OutputOption = Annotated[Output, typer.Option("--format", "-f", help="table, json, jsonl or csv.")]
LimitOption = Annotated[int, typer.Option(min=1, max=10_000, help="At most this many results.")]


@contextmanager
def _store(db: str | None, create: bool = False) -> Iterator[Store]:
    """The store named by ``--db``; only ``ingest`` creates one that does not exist."""
    from onrecord.storage import open_store

    store = open_store(db, create=create)
    try:
        yield store
    finally:
        store.close()


# --------------------------------------------------------------------------- ingest


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH...", help="Files (.txt, .jsonl, .html), directories, or - for JSONL on stdin."),
    ] = None,
    db: DbOption = None,
    lang: LangOption = None,
    from_batch: Annotated[
        str | None, typer.Option("--from-batch", help="Load the output folder of `onrecord batch` (no re-analysis).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per analysis batch and transaction.")] = 32,
    max_size_mb: Annotated[float, typer.Option(min=0.001, help="Reject a .txt/.html file above this size.")] = 20.0,
) -> None:
    """Analyse articles and store them; re-ingesting changes nothing, a changed article is replaced."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from onrecord.errors import InputError
    from onrecord.ingest import IngestOptions, iter_articles
    from onrecord.pipeline import ensure_supported
    from onrecord.storage import ingest as run_ingest
    from onrecord.storage.loader import load_analyses

    with handle_errors(), _store(db, create=True) as store:
        if bool(paths) == bool(from_batch):
            raise InputError("give either PATH... to analyse or --from-batch OUTPUT to load")
        language = ensure_supported(lang) if lang else None
        options = IngestOptions(max_file_bytes=int(max_size_mb * 1024 * 1024))
        columns = (SpinnerColumn(), TextColumn("{task.completed} articles read"), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("ingest", total=None)
            if from_batch:
                from onrecord.batch import read_output

                report = load_analyses(
                    store, read_output(from_batch), batch_size=max(batch_size, 200),
                    on_progress=lambda n: progress.advance(task, n),
                )  # fmt: skip
            else:
                report = run_ingest(
                    store,
                    iter_articles(paths or [], options),
                    language,
                    batch_size=batch_size,
                    on_progress=lambda n: progress.advance(task, n),
                )
        url = store.url
    for failure in report.failures:
        err.print(f"onrecord: error: {escape(failure)}", soft_wrap=True)
    rate = f", {report.words / report.seconds:,.0f} words/s" if report.seconds and report.words else ""
    summary = (
        f"onrecord: {report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"{report.failed} failed; {report.quotes} quotes, {report.words:,} words in {report.seconds:.1f} s{rate}"
        f" → {url}"
    )
    err.print(escape(summary), soft_wrap=True)
    if report.failed:
        raise typer.Exit(2)
    if not (report.stored or report.unchanged):
        raise fail("no articles in the input", 2)


# --------------------------------------------------------------------------- quotes


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias (part of it is enough).")] = None,
    organization: Annotated[str | None, typer.Option("--org", help="Speaker's organisation.")] = None,
    about: Annotated[str | None, typer.Option(help="Words the quote is about (full-text).")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect, mixed, reported or free_indirect.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="Language of the articles.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date on (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet (source) of the article.")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
    stance: Annotated[
        str | None,
        typer.Option(help="asserted, hedged, belief, claim, denial, question, demand or prediction."),
    ] = None,
    anonymous: Annotated[bool, typer.Option("--anonymous", help="Only sources that are explicitly anonymous.")] = False,
    anonymity: Annotated[str | None, typer.Option(help="Source anonymity: named, unnamed or anonymous.")] = None,
    negated: Annotated[bool, typer.Option("--negated", help="Only negated statements (did not say …).")] = False,
    about_entity: Annotated[str | None, typer.Option(help="Only quotes whose words talk about this entity id.")] = None,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many results (paging).")] = 0,
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """List stored quotes, newest first, filtered by speaker, organisation, words, kind, date, outlet,
    stance, source anonymity and the entities they are about."""
    from pydantic import ValidationError

    from onrecord.errors import InputError
    from onrecord.storage.queries import count_quotes, list_quotes
    from onrecord.storage.records import QuoteFilter

    with handle_errors(), _store(db) as store:
        try:
            flt = QuoteFilter(
                speaker=speaker, organization=organization, about=about, kind=kind, language=lang,  # type: ignore[arg-type]
                since=since, until=until, outlet=outlet, article_id=article, stance=stance,  # type: ignore[arg-type]
                anonymity="anonymous" if anonymous else anonymity,  # type: ignore[arg-type]
                negated=True if negated else None,
                about_entity=about_entity,
            )  # fmt: skip
            if anonymous and anonymity not in (None, "anonymous"):
                raise InputError("--anonymous and --anonymity disagree")
        except ValidationError as exc:
            raise InputError(_validation_message(exc)) from None
        try:
            found = list_quotes(store, flt, limit=limit, offset=offset)
            total = count_quotes(store, flt) if output is Output.table else len(found)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    _print_quotes(found, total, offset, output)


def _validation_message(exc: object) -> str:
    errors = exc.errors()  # type: ignore[attr-defined]
    return "; ".join(f"--{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors)


_QUOTE_COLUMNS = (
    "id", "article_id", "published", "source", "language", "kind", "speaker", "entity_id", "entity_name",
    "roles", "cue", "text", "confidence", "title", "url", "stance", "negated", "source_anonymity", "about",
)  # fmt: skip


def _print_quotes(found: list[QuoteRecord], total: int, offset: int, output: Output) -> None:
    if output is Output.json:
        write_line(dumps([q.model_dump(mode="json") for q in found], pretty=True))
    elif output is Output.jsonl:
        for quote in found:
            write_line(dumps(quote.model_dump(mode="json")))
    elif output is Output.csv:
        write_quotes_csv(found)
    else:
        table = Table(show_lines=True, expand=True)
        for column, options in (
            ("date", {"width": 10}), ("speaker", {"ratio": 3}), ("kind", {"width": 9}), ("quote", {"ratio": 8}),
            ("source", {"ratio": 2}),
        ):  # fmt: skip
            table.add_column(column, **options)  # type: ignore[arg-type]
        for quote in found:
            speaker = quote.entity_name or quote.speaker or "—"
            if quote.roles:
                speaker += f"\n[dim]{escape('; '.join(quote.roles))}[/]"
            source = quote.source or quote.article_id
            stance = f"{quote.stance}{' (negated)' if quote.negated else ''}" if quote.stance else ""
            kind = quote.kind + (f"\n[dim]{stance}[/]" if stance else "")
            table.add_row(quote.published or "—", speaker if quote.roles else escape(speaker), kind,
                          escape(quote.text), escape(source))  # fmt: skip
        out.print(table)
        shown = f"{offset + 1}–{offset + len(found)}" if found else "none"
        err.print(f"[dim]{shown} of {total} quotes[/]")


def write_quotes_csv(found: list[QuoteRecord]) -> None:
    """Quotes as CSV on standard output."""
    writer = csv.writer(sys.stdout)
    writer.writerow(_QUOTE_COLUMNS)
    for quote in found:
        row = quote.model_dump(mode="json")
        row["roles"] = "; ".join(quote.roles)
        row["about"] = "; ".join(ref.id for ref in quote.about)
        writer.writerow(["" if row.get(c) is None else row[c] for c in _QUOTE_COLUMNS])


# --------------------------------------------------------------------------- entities


def entity(
    name: Annotated[str, typer.Argument(help="A name, alias or surname, or an entity id.")],
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """Show one entity: names, roles over time, quote counts, who is quoted and mentioned alongside."""
    from onrecord.errors import NotFoundError
    from onrecord.storage.queries import entity_profile, find_entities

    with handle_errors(), _store(db) as store:
        matches = find_entities(store, name)
        if not matches:
            try:
                profile = entity_profile(store, name)
            except NotFoundError:
                raise NotFoundError(f"no entity named {name!r} in {store.url}") from None
        else:
            profile = entity_profile(store, matches[0].id)
    if output is not Output.table:
        write_line(dumps(profile.model_dump(mode="json"), pretty=output is Output.json))
        return
    _print_profile(profile)
    if len(matches) > 1:
        others = ", ".join(f"{m.name} ({m.id}, {m.quotes} quotes)" for m in matches[1:])
        err.print(f"[dim]also matching: {escape(others)}[/]", soft_wrap=True)


def _print_profile(profile: EntityProfile) -> None:
    seen = " – ".join(d for d in (profile.first_seen, profile.last_seen) if d)
    out.rule(f"[bold]{escape(profile.name)}[/] · {profile.type} · {profile.id}")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(profile.quotes_by_kind.items()))
    out.print(f"{profile.quotes} quotes ({kinds or 'none'}) in {profile.articles} articles {seen}")
    out.print("names: " + escape(", ".join(f"{a.name} ({a.count})" for a in profile.aliases)))
    if profile.roles:
        table = Table(title="roles", expand=True)
        for column in ("title", "organisation", "place", "first seen", "last seen", "articles"):
            table.add_column(column)
        for role in profile.roles:
            title = (role.title or "—") + (" [dim](former)[/]" if role.former else "")
            table.add_row(title, escape(role.organization or "—"), escape(role.place or "—"),
                          role.first_seen or "—", role.last_seen or "—", str(role.articles))  # fmt: skip
        out.print(table)
    for label, companions in (
        ("quoted alongside", profile.quoted_with),
        ("mentioned alongside", profile.mentioned_with),
    ):
        if companions:
            out.print(f"{label}: " + escape(", ".join(f"{c.name} ({c.articles})" for c in companions)))
    out.print("[dim]resolution: " + escape(", ".join(f"{r.name} {r.count}" for r in profile.resolution)) + "[/]")


def entities(
    name: Annotated[str | None, typer.Option(help="Only entities with this name or alias (part of it).")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="person, organization, location, group or other.")] = None,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """List canonical entities, most quoted first."""
    from onrecord.storage.queries import list_entities

    with handle_errors(), _store(db) as store:
        found = list_entities(store, type_=type_, name=name, limit=limit, offset=offset)
    rows = [e.model_dump(mode="json") for e in found]
    if output is Output.table:
        table = Table()
        for column in ("id", "name", "type", "quotes", "articles"):
            table.add_column(column, justify="right" if column in ("quotes", "articles") else "left")
        for row in rows:
            table.add_row(*(escape(str(row[c])) for c in ("id", "name", "type", "quotes", "articles")))
        out.print(table)
    else:
        _write_rows(rows, output)


def _write_rows(rows: list[dict[str, object]], output: Output) -> None:
    if output is Output.json:
        write_line(dumps(rows, pretty=True))
    elif output is Output.jsonl:
        for row in rows:
            write_line(dumps(row))
    elif rows:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


# --------------------------------------------------------------------------- search


def search(
    words: Annotated[str, typer.Argument(help='Words, "a phrase", OR between alternatives, -word to exclude.')],
    scope: Annotated[Scope, typer.Option(help="all, quotes or articles.")] = Scope.all,
    limit: LimitOption = 20,
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """Full-text search over quotes and articles, ranked, with highlighted snippets."""
    from onrecord.errors import InputError
    from onrecord.storage.search import search as run_search

    with handle_errors(), _store(db) as store:
        try:
            results = run_search(store, words, limit=limit, scope=scope.value)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    if output is Output.table:
        _print_search(results)
        return
    hits = [h.model_dump(mode="json") for h in results.quotes + results.articles]
    for hit in hits:
        hit["snippet"] = "".join(f"[{p['text']}]" if p["match"] else p["text"] for p in hit["snippet"])
    if output is Output.json:
        write_line(dumps(results.model_dump(mode="json"), pretty=True))
    else:
        _write_rows(hits, output)


def _print_search(results: SearchResults) -> None:
    for label, hits in (("quotes", results.quotes), ("articles", results.articles)):
        if not hits:
            continue
        out.rule(f"{label} matching {escape(results.query)}")
        for hit in hits:
            snippet = "".join(f"[bold yellow]{escape(p.text)}[/]" if p.match else escape(p.text) for p in hit.snippet)
            who = hit.speaker or hit.title or ""
            facts = " · ".join(x for x in (hit.published, hit.source, hit.article_id) if x)
            out.print(f"[bold]{escape(who)}[/] [dim]{escape(facts)}[/]\n  {snippet}")
    if not results.quotes and not results.articles:
        err.print("no matches")


# --------------------------------------------------------------------------- export / corrections


def export(
    what: Annotated[ExportKind, typer.Argument(help="analyses (JSONL), quotes (CSV) or ftm (FollowTheMoney JSONL).")],
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the store: analysis objects, a quote table, or FollowTheMoney entities."""
    from onrecord.storage.export import export_analyses, export_ftm, export_quotes_csv

    writer = {"analyses": export_analyses, "quotes": export_quotes_csv, "ftm": export_ftm}[what.value]
    with handle_errors(), _store(db) as store:
        if output is None:
            count = writer(store, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as stream:
                count = writer(store, stream)
    err.print(f"[dim]onrecord: {count} records exported[/]")


def merge(
    source: Annotated[str, typer.Argument(help="Entity id to merge away.")],
    target: Annotated[str, typer.Argument(help="Entity id that absorbs it.")],
    db: DbOption = None,
) -> None:
    """Merge two entities into one (a correction kept across re-ingests)."""
    from onrecord.storage.corrections import merge_entities

    with handle_errors(), _store(db) as store:
        kept = merge_entities(store, source, target)
    out.print(f"merged {escape(source)} into {escape(kept)}")


def split(
    entity_id: Annotated[str, typer.Argument(help="Entity id to split.")],
    name: Annotated[
        list[str] | None, typer.Option("--name", help="Move the mentions with this name (repeatable).")
    ] = None,
    article: Annotated[
        list[str] | None, typer.Option("--article", help="Move its mentions in this article (repeatable).")
    ] = None,
    new_name: Annotated[str | None, typer.Option(help="Name of the new entity.")] = None,
    db: DbOption = None,
) -> None:
    """Split mentions off an entity into a new one (a correction kept across re-ingests)."""
    from onrecord.storage.corrections import split_entity

    with handle_errors(), _store(db) as store:
        new_id = split_entity(store, entity_id, names=name or [], article_ids=article or [], new_name=new_name)
    out.print(f"split {escape(new_id)} off {escape(entity_id)}")


def stats(db: DbOption = None, output: OutputOption = Output.table) -> None:
    """Counts of the store's articles, quotes, entities and roles."""
    with handle_errors(), _store(db) as store:
        counts = store.stats()
        url = store.url
    plain = counts.model_dump(exclude={"stances", "anonymity"})
    if output is Output.table:
        out.print(f"{escape(url)}: " + ", ".join(f"{k} {v}" for k, v in plain.items() if k != "negated"))
        out.print("stances: " + (", ".join(f"{k} {v}" for k, v in counts.stances.items()) or "none"))
        out.print("sources: " + (", ".join(f"{k} {v}" for k, v in counts.anonymity.items()) or "none"))
        out.print(f"negated statements: {counts.negated}")
    elif output is Output.csv:  # one flat row: stance_<name>, anonymity_<name> columns
        flat = {**plain, **{f"stance_{k}": v for k, v in counts.stances.items()}}
        _write_rows([{**flat, **{f"anonymity_{k}": v for k, v in counts.anonymity.items()}}], output)
    else:
        _write_rows([counts.model_dump()], output)
