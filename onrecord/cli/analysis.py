"""Commands that analyse text: ``analyze``, ``eval``, ``train`` and ``bench``.

When some inputs fail, the results of the others are still printed, then a summary names how
many failed and the exit code is non-zero.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from onrecord.cli.common import (
    Format,
    FormatOption,
    LangOption,
    as_dict,
    err,
    fail,
    handle_errors,
    one_line,
    out,
    write_line,
)
from onrecord.errors import InputError, OnrecordError
from onrecord.model import Analysis


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Files (.txt, .jsonl, .html), directories, or - for JSONL on stdin."),
    ],
    lang: LangOption = None,
    output_format: FormatOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per extractor batch.")] = 32,
    max_size_mb: Annotated[
        float, typer.Option(min=0.001, help="Reject a .txt/.html article file above this size.")
    ] = 20.0,
) -> None:
    """Analyse articles: print their quotations, speakers and entities."""
    from onrecord.ingest import IngestOptions, iter_articles
    from onrecord.pipeline import analyze_many, ensure_supported

    fmt = output_format or (Format.text if out.is_terminal else Format.jsonl)
    with handle_errors():
        language = ensure_supported(lang) if lang else None
        options = IngestOptions(max_file_bytes=int(max_size_mb * 1024 * 1024))
        outcomes = analyze_many(iter_articles(paths, options), language, batch_size=batch_size)
        good, failures = _emit(outcomes, fmt)
    _finish(good, failures)


def _emit(outcomes: Iterable[Analysis | OnrecordError], fmt: Format) -> tuple[int, list[OnrecordError]]:
    """Print results as they come (json: at the end), errors to stderr; the counts."""
    failures: list[OnrecordError] = []
    collected: list[dict[str, object]] = []
    good = 0
    with _progress(fmt) as advance:
        for outcome in outcomes:
            advance()
            if isinstance(outcome, OnrecordError):
                failures.append(outcome)
                err.print(f"onrecord: error: {escape(one_line(outcome))}", soft_wrap=True)
                continue
            good += 1
            if fmt is Format.jsonl:
                write_line(json.dumps(outcome.to_dict(), ensure_ascii=False))
            elif fmt is Format.json:
                collected.append(outcome.to_dict())
            else:
                _print_analysis(outcome)
    if fmt is Format.json and collected:
        single = len(collected) == 1 and not failures
        write_line(json.dumps(collected[0] if single else collected, ensure_ascii=False, indent=2))
    return good, failures


def _finish(good: int, failures: list[OnrecordError]) -> None:
    total = good + len(failures)
    noun = "article" if total == 1 else "articles"
    if failures:
        err.print(f"onrecord: {good} of {total} {noun} analysed, {len(failures)} failed")
        raise typer.Exit(failures[0].exit_code)
    if total == 0:
        raise fail("no articles in the input", 2)
    err.print(f"onrecord: {total} {noun} analysed", style="dim")


@contextmanager
def _progress(fmt: Format) -> Iterator[Callable[[], None]]:
    """A transient spinner with a count on a terminal's stderr (not while printing tables)."""
    if fmt is Format.text or not err.is_terminal:
        yield lambda: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("analyse", total=None)
        yield lambda: progress.advance(task)


def _print_analysis(analysis: Analysis) -> None:
    """One article as a readable table of its quotes."""
    meta = analysis.meta
    facts = [analysis.language, meta.published, meta.place, meta.source, meta.title]
    out.rule(f"[bold]{escape(analysis.id)}[/] · " + escape(" · ".join(f for f in facts if f)))
    names = {entity.id: entity.name for entity in analysis.entities}
    table = Table(show_lines=True, expand=True)
    for column, options in (
        ("#", {"justify": "right", "width": 2}),
        ("kind", {"min_width": 8, "max_width": 13, "overflow": "fold"}),
        ("speaker", {"ratio": 3, "min_width": 12}),
        ("cue", {"ratio": 2, "min_width": 8}),
        ("quote", {"ratio": 7}),
        ("conf", {"justify": "right", "width": 4}),
    ):
        table.add_column(column, **options)
    for number, quote in enumerate(analysis.quotes, start=1):
        speaker = quote.speaker.text if quote.speaker else "—"
        resolved = names.get(quote.entity or "")
        if resolved and resolved not in speaker:
            speaker = f"{speaker} → {resolved}"
        cue = quote.cue.text if quote.cue else "—"
        table.add_row(
            str(number),
            quote.kind,
            escape(speaker),
            escape(cue),
            escape(quote.text),
            f"{quote.confidence:.2f}",
        )
    if analysis.quotes:
        out.print(table)
    else:
        out.print("[dim]no quotations found[/]")


# --------------------------------------------------------------------------- eval / train


def evaluate(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Gold corpus: a split folder or a root with train/ dev/. With --crossgenre or --roles: "
            "the folder of the corpora behind the bundled sets (default ../shared/data).",
        ),
    ] = None,
    lang: LangOption = None,
    split: Annotated[
        list[str] | None,
        typer.Option(
            "--split",
            help="Split(s) to evaluate (repeatable). The bundled sets have the parts dev (roles, stance, about, "
            "cross-genre), dev2 (cross-genre), heldout (roles, stance, about, cross-genre), heldout2 (roles, "
            "stance, about, cross-genre), heldout3 (roles, stance, about, cross-genre), heldout4 (roles, stance, "
            "about), heldout5 (roles, stance, about), heldout6 (roles, stance, about), heldout7 (roles, stance, "
            "about), heldout8 (roles, stance, about), heldout9 (roles, stance, about), heldout10 (roles, stance, "
            "about), heldout11 (roles, stance), heldout12 (roles), and all: every part but the ones still held back.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Evaluate only the first N documents.")] = None,
    crossgenre: Annotated[
        str | None,
        typer.Option("--crossgenre", metavar="LANG", help="Score the bundled cross-genre quote set of de or en."),
    ] = None,
    roles: Annotated[
        bool, typer.Option("--roles", help="Score roles (title, organisation, place) on the roles set.")
    ] = False,
    stance: Annotated[
        bool,
        typer.Option("--stance", help="Score stance, negation, source anonymity and 'about' on the stance set."),
    ] = False,
    about: Annotated[
        bool,
        typer.Option("--about", help="Score 'about' (precision, recall, F1) on the hand-checked about sample."),
    ] = False,
    output_format: FormatOption = None,
) -> None:
    """Score the extractor against gold annotations: precision, recall and F1."""
    with handle_errors():
        from onrecord.evaluation import run_about, run_crossgenre, run_eval, run_roles, run_stance
        from onrecord.pipeline import ensure_supported

        language = ensure_supported(lang) if lang else None
        names = split or ["dev"]
        if about:
            reports = {name: as_dict(run_about(name, data, language)) for name in names}
        elif stance:
            reports = {name: as_dict(run_stance(name, data, language)) for name in names}
        elif roles:
            reports = {name: as_dict(run_roles(name, data, language)) for name in names}
        elif crossgenre:
            set_language = ensure_supported(crossgenre)
            reports = {name: as_dict(run_crossgenre(set_language, name, data)) for name in names}
        elif data is None:
            raise InputError("give --data (a gold corpus), --crossgenre LANG, --roles, --stance or --about")
        else:
            reports = {name: as_dict(run_eval(data, language, split=name, limit=limit)) for name in names}
    if output_format in (Format.json, Format.jsonl):
        write_line(json.dumps(reports, ensure_ascii=False, indent=2 if output_format is Format.json else None))
        return
    if about:
        _print_about_scores(reports)
    elif stance:
        _print_stance_scores(reports)
    elif roles:
        _print_role_scores(reports)
    else:
        _print_scores(reports)


def _score_cells(score: dict[str, Any]) -> list[str]:
    """A score's table cells: precision, recall and F1 (three decimals), predicted and gold counts."""
    return [
        *(f"{score.get(key, 0):.3f}" for key in ("precision", "recall", "f1")),
        *(str(score.get(key, "")) for key in ("predicted", "gold")),
    ]


_DETAILS = ("data", "documents", "seconds", "extractor")


def _print_details(split: str, report: dict[str, Any], keys: tuple[str, ...] = _DETAILS) -> None:
    """One dim line of a split's run details (data, documents, seconds, extractor) that the report has."""
    details = ", ".join(f"{key} {report[key]}" for key in keys if key in report)
    out.print(f"[dim]{escape(split)}: {escape(details)}[/]")


def _print_scores(reports: dict[str, dict[str, Any]]) -> None:
    table = Table(title="onrecord evaluation")
    for column in ("split", "level", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="left" if column in ("split", "level") else "right")
    for split, report in reports.items():
        for level in ("quote", "joint"):
            score = report.get(level) or {}
            table.add_row(
                split,
                level,
                *_score_cells(score),
            )
    out.print(table)
    for split, report in reports.items():
        counts = report.get("counts")
        if counts:
            out.print(
                f"{escape(split)}: quote precision (counted) {counts['quote_precision']:.3f}, "
                f"speaker accuracy of correct quotes {counts['speaker_accuracy']:.3f} "
                f"({counts['speaker_right']}/{counts['correct_quotes']} of {counts['predicted']} predicted)"
            )
        _print_details(split, report, ("data", "documents", "words", "seconds", "extractor"))


def _print_role_scores(reports: dict[str, dict[str, Any]]) -> None:
    table = Table(title="onrecord role evaluation")
    for column in ("split", "language", "field", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="left" if column in ("split", "language", "field") else "right")
    for split, report in reports.items():
        for language in ("all", "de", "en"):
            fields = report.get(language)
            if not isinstance(fields, dict):
                continue
            for name in ("title", "organization", "place", "former"):
                score = fields.get(name)
                if not isinstance(score, dict):
                    continue
                table.add_row(
                    split,
                    language,
                    name,
                    *_score_cells(score),
                )
    out.print(table)
    for split, report in reports.items():
        _print_details(split, report)


def _print_about_scores(reports: dict[str, dict[str, Any]]) -> None:
    table = Table(title="onrecord about evaluation")
    for column in ("split", "lang", "precision", "recall", "F1", "predicted", "gold", "coverage"):
        table.add_column(column, justify="left" if column in ("split", "lang") else "right")
    for split, report in reports.items():
        for language in ("all", "de", "en"):
            scores = report.get(language)
            if not isinstance(scores, dict):
                continue
            score = scores.get("about") or {}
            table.add_row(
                split,
                language,
                *_score_cells(score),
                f"{scores.get('coverage', 0):.3f}",
            )
    out.print(table)
    out.print("[dim]predicted/gold: entities on the matched statements; coverage: statements matched by a quote[/]")
    for split, report in reports.items():
        _print_details(split, report)


def _print_stance_scores(reports: dict[str, dict[str, Any]]) -> None:
    table = Table(title="onrecord stance evaluation")
    for column in ("split", "lang", "field", "accuracy", "macro-F1", "P", "R", "n"):
        table.add_column(column, justify="left" if column in ("split", "lang", "field") else "right")
    labels = {"stance": "stance", "negated": "negated", "source_anonymity": "anonymity"}
    for split, report in reports.items():
        for language in ("all", "de", "en"):
            scores = report.get(language)
            if not isinstance(scores, dict):
                continue
            for name, label in labels.items():
                score = scores.get(name) or {}
                accuracy, macro = score.get("accuracy", 0), score.get("macro_f1", 0)
                table.add_row(
                    split, language, label, f"{accuracy:.3f}", f"{macro:.3f}", "", "", str(score.get("statements", ""))
                )
            about = scores.get("about") or {}
            precision, recall = about.get("precision", 0), about.get("recall", 0)
            gold = str(about.get("gold", ""))
            table.add_row(split, language, "about", "", "", f"{precision:.3f}", f"{recall:.3f}", gold)
    out.print(table)
    out.print("[dim]n: matched statements (about: gold entities in them)[/]")
    for split, report in reports.items():
        scores = report.get("all") or {}
        out.print(
            f"{escape(split)}: coverage {scores.get('coverage', 0):.3f} "
            f"({scores.get('matched', 0)} of {scores.get('gold_statements', 0)} gold statements matched a quote)"
        )
        missing = scores.get("missing_fields") or {}
        if missing:
            names = ", ".join(f"{name} ({count})" for name, count in missing.items())
            out.print(
                f"[yellow]{escape(split)}: fields absent from the output, scored as their defaults "
                f"(asserted / false / named / no entities): {escape(names)}[/]"
            )
        _print_details(split, report)


def train(
    data: Annotated[Path, typer.Option("--data", help="Training corpus (e.g. ../shared/data/quotes-de).")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Where to write the models (default: bundled).")] = None,
    ner_data: Annotated[
        Path | None, typer.Option("--ner-data", help="GermEval 2014 NER folder (default: ner-de beside --data).")
    ] = None,
    folds: Annotated[
        int | None,
        typer.Option(
            "--folds",
            min=2,
            help="Cross-validate on the training split with K folds instead of writing models; prints scores.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=2, help="With --folds: use only the first N articles.")] = None,
    fold_models: Annotated[
        Path | None,
        typer.Option(
            "--fold-models",
            help="With --folds: keep each fold's models below DIR and reuse them on later runs (only rescoring).",
        ),
    ] = None,
    ner_only: Annotated[
        bool,
        typer.Option(
            "--ner-only", help="Rebuild only the NER tagger and its word classes (quote tagger and ranker stay)."
        ),
    ] = False,
    output_format: FormatOption = None,
) -> None:
    """Train the German attribution models (or, with --folds, cross-validate them)."""
    from rich.status import Status

    if folds is not None and out_dir is not None:
        raise fail("--folds scores models in a temporary folder; it writes nothing to --out", 2)
    if limit is not None and folds is None:
        raise fail("--limit goes with --folds (training always uses the whole split)", 2)
    if fold_models is not None and folds is None:
        raise fail("--fold-models goes with --folds (it keeps the models of the folds)", 2)
    if ner_only and folds is not None:
        raise fail("--ner-only writes models; it does not go with --folds", 2)

    with handle_errors(), Status("training", console=err) as status:
        if folds is not None:
            from onrecord.lang.de.crossval import cross_validate

            reports = cross_validate(
                data, folds, ner_data, limit, progress=lambda message: status.update(message), models=fold_models
            )
        else:
            from onrecord.lang.de.train import train as train_de

            result = train_de(
                data, out_dir, ner_data=ner_data, progress=lambda message: status.update(message), ner_only=ner_only
            )
    if folds is None:
        write_line(json.dumps(as_dict(result), ensure_ascii=False, indent=2, default=str))
        return
    scores = {name: as_dict(report) for name, report in reports.items()}
    if output_format in (Format.json, Format.jsonl):
        write_line(json.dumps(scores, ensure_ascii=False, indent=2 if output_format is Format.json else None))
        return
    _print_scores(scores)


def bench(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder with bench-de/ and news-en/ (default: ../shared/data)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only the first N articles of each set.")] = None,
    peer: Annotated[bool, typer.Option(help="Also measure spaCy en_core_web_sm + textacy.")] = True,
    repeat: Annotated[int, typer.Option(min=1, help="Run everything N times; report medians.")] = 1,
    en_texts: Annotated[int, typer.Option(min=1, help="English texts measured (attribution-en train).")] = 300,
    output_format: FormatOption = None,
) -> None:
    """Measure words/s, peak memory and start-up time, against a spaCy + textacy peer."""
    from rich.status import Status

    from onrecord.bench.analysis import run_bench

    with handle_errors(), Status("benchmark", console=err) as status:
        report = run_bench(data, limit=limit, peer=peer, repeat=repeat, en_texts=en_texts,
                           step=lambda message: status.update(f"measuring {message}"))
    if output_format in (Format.json, Format.jsonl):
        write_line(json.dumps(report.as_dict(), indent=2 if output_format is Format.json else None))
        return
    table = Table(title="onrecord bench")
    for column in ("run", "articles", "words", "seconds", "words/s", "peak RSS MB", "quotes"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for run in report.runs:
        table.add_row(
            run.name, str(run.articles), str(run.words), f"{run.seconds:.1f}", f"{run.words_per_s:,.0f}",
            f"{run.peak_rss_mb:.0f}", "—" if run.quotes is None else str(run.quotes),
        )  # fmt: skip
    out.print(table)
    out.print(f"start-up (analyse one sentence): de {report.startup_s:.2f} s, en {report.startup_en_s:.2f} s; "
              f"`onrecord --help`: {report.help_s:.2f} s (medians of {report.repeat})")
    notes = [(run.name, run.note) for run in report.runs] + [("start-up", report.startup_note)]
    for name, note in notes:
        if note:
            out.print(f"[yellow]{escape(name)}: {escape(note)}[/]")
    out.print(f"[dim]{escape(', '.join(f'{k} {v}' for k, v in report.machine.items()))}[/]")
