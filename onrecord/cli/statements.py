"""Statement and source commands (issue 18): ``statements`` and ``sources``. Each takes the
filters of ``quotes``, asks the store (:mod:`onrecord.storage.statements`) and prints."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from onrecord.cli.common import dumps, err, handle_errors, out, write_line
from onrecord.cli.kb import DbOption, LimitOption, Output, OutputOption, _store, _validation_message

if TYPE_CHECKING:
    from onrecord.storage.records import QuoteFilter, SourcesReport, StatementRecord

__all__ = ["SortOption", "SourceBy", "StatementOrder", "sources", "statements"]


class StatementOrder(StrEnum):
    """How ``statements`` sorts."""

    occurrences = "occurrences"
    first_seen = "first-seen"


class SourceBy(StrEnum):
    """What ``sources`` groups by."""

    entity = "entity"
    type = "type"
    kind = "kind"
    outlet = "outlet"
    month = "month"


SortOption = Annotated[
    StatementOrder, typer.Option("--sort", help="occurrences (most first) or first-seen (newest first).")
]
Speaker = Annotated[str | None, typer.Option(help="Speaker name or alias (part of it is enough).")]
Org = Annotated[str | None, typer.Option("--org", help="Speaker's organisation.")]
About = Annotated[str | None, typer.Option(help="Words the quote is about (full-text).")]
Kind = Annotated[str | None, typer.Option(help="direct, indirect, mixed, reported or free_indirect.")]
Lang = Annotated[str | None, typer.Option("--lang", "-l", help="Language of the articles.")]
Since = Annotated[str | None, typer.Option(help="From this date on (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")]
Outlet = Annotated[str | None, typer.Option(help="Outlet (source) of the article.")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Only this article id.")]
StanceOpt = Annotated[
    str | None,
    typer.Option("--stance", help="asserted, hedged, belief, claim, denial, question, demand or prediction."),
]
Anonymous = Annotated[bool, typer.Option("--anonymous", help="Only sources that are explicitly anonymous.")]
Anonymity = Annotated[str | None, typer.Option("--anonymity", help="Source anonymity: named, unnamed or anonymous.")]
Negated = Annotated[bool, typer.Option("--negated", help="Only negated statements (did not say …).")]
AboutEntity = Annotated[str | None, typer.Option("--about-entity", help="Only quotes whose words talk about this id.")]


def _filter(**values: object) -> QuoteFilter:
    """The quote filter of the options (as ``quotes`` builds it)."""
    from pydantic import ValidationError

    from onrecord.errors import InputError
    from onrecord.storage.records import QuoteFilter

    anonymous = bool(values.pop("anonymous"))
    anonymity = values.pop("anonymity")
    if anonymous and anonymity not in (None, "anonymous"):
        raise InputError("--anonymous and --anonymity disagree")
    values["anonymity"] = "anonymous" if anonymous else anonymity
    values["negated"] = True if values.pop("negated") else None
    try:
        return QuoteFilter.model_validate(values)
    except ValidationError as exc:
        raise InputError(_validation_message(exc)) from None


def statements(
    speaker: Speaker = None,
    organization: Org = None,
    about: About = None,
    kind: Kind = None,
    lang: Lang = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    article: ArticleOpt = None,
    stance: StanceOpt = None,
    anonymous: Anonymous = False,
    anonymity: Anonymity = None,
    negated: Negated = False,
    about_entity: AboutEntity = None,
    sort: SortOption = StatementOrder.occurrences,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many results (paging).")] = 0,
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """List statements — one speaker's same words across articles — with their occurrences,
    first and last seen; filtered like ``quotes`` (a statement with one matching occurrence counts)."""
    from onrecord.errors import InputError

    with handle_errors():
        flt = _filter(
            speaker=speaker, organization=organization, about=about, kind=kind, language=lang, since=since,
            until=until, outlet=outlet, article_id=article, stance=stance, anonymous=anonymous, anonymity=anonymity,
            negated=negated, about_entity=about_entity,
        )  # fmt: skip
        with _store(db) as store:
            try:
                found = store.statements(flt, sort=sort.value, limit=limit, offset=offset)  # type: ignore[arg-type]
                total = store.count_statements(flt) if output is Output.table else len(found)
            except ValueError as exc:
                raise InputError(str(exc)) from None
    _print_statements(found, total, offset, output)


def _print_statements(found: list[StatementRecord], total: int, offset: int, output: Output) -> None:
    rows = [s.model_dump(mode="json") for s in found]
    if output is Output.table:
        table = Table(show_lines=True, expand=True)
        for column, options in (
            ("n", {"width": 4, "justify": "right"}), ("outlets", {"width": 7, "justify": "right"}),
            ("first seen", {"width": 10}), ("speaker", {"ratio": 2}), ("statement", {"ratio": 7}),
            ("first outlet", {"ratio": 2}),
        ):  # fmt: skip
            table.add_column(column, **options)  # type: ignore[arg-type]
        for s in found:
            table.add_row(str(s.occurrences), str(s.outlets), s.first_seen or "—", escape(s.entity_name or s.entity_id),
                          escape(s.text), escape(s.first_outlet or s.first_article_id))  # fmt: skip
        out.print(table)
        shown = f"{offset + 1}–{offset + len(found)}" if found else "none"
        err.print(f"[dim]{shown} of {total} statements[/]")
    else:
        from onrecord.storage.records import STATEMENT_COLUMNS

        _write(rows, list(STATEMENT_COLUMNS), output)


def sources(
    by: Annotated[SourceBy, typer.Option("--by", help="entity, type, kind (source kind), outlet or month.")] = (
        SourceBy.kind
    ),
    speaker: Speaker = None,
    organization: Org = None,
    about: About = None,
    kind: Kind = None,
    lang: Lang = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    article: ArticleOpt = None,
    stance: StanceOpt = None,
    anonymous: Anonymous = False,
    anonymity: Anonymity = None,
    negated: Negated = False,
    about_entity: AboutEntity = None,
    limit: LimitOption = 50,
    output: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """Who gets quoted: quotes by entity, entity type, source kind, outlet or month, with the share
    of unnamed and anonymous sources; filtered like ``quotes``."""
    from onrecord.errors import InputError

    with handle_errors():
        flt = _filter(
            speaker=speaker, organization=organization, about=about, kind=kind, language=lang, since=since,
            until=until, outlet=outlet, article_id=article, stance=stance, anonymous=anonymous, anonymity=anonymity,
            negated=negated, about_entity=about_entity,
        )  # fmt: skip
        with _store(db) as store:
            try:
                report = store.sources(by.value, flt, limit=limit)  # type: ignore[arg-type]
            except ValueError as exc:
                raise InputError(str(exc)) from None
    _print_sources(report, output)


def _print_sources(report: SourcesReport, output: Output) -> None:
    if output is Output.json:
        write_line(dumps(report.model_dump(mode="json"), pretty=True))
        return
    rows = [row.model_dump(mode="json") for row in report.rows]
    if output is not Output.table:
        from onrecord.storage.records import SOURCE_COLUMNS

        _write(rows, list(SOURCE_COLUMNS), output)
        return
    table = Table(title=f"quotes by {report.by}")
    for column in ("", "quotes", "statements", "speakers", "unnamed", "anonymous"):
        table.add_column(column, justify="left" if not column else "right")
    for row in report.rows:
        unnamed = f"{row.unnamed} ({row.unnamed_share:.0%})"
        anonymous = f"{row.anonymous} ({row.anonymous_share:.0%})"
        table.add_row(escape(row.label), str(row.quotes), str(row.statements), str(row.speakers), unnamed, anonymous)
    out.print(table)
    err.print(
        f"[dim]{len(report.rows)} of {report.groups} groups; {report.quotes} quotes, "
        f"{report.unnamed_share:.1%} unnamed, {report.anonymous_share:.1%} anonymous sources[/]"
    )


def _write(rows: list[dict[str, object]], columns: list[str], output: Output) -> None:
    """Rows as JSON, JSONL or CSV (``columns``, in this order, also when there are none)."""
    if output is Output.json:
        write_line(dumps(rows, pretty=True))
    elif output is Output.jsonl:
        for row in rows:
            write_line(dumps(row))
    else:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
