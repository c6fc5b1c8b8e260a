"""Ingest: read articles, analyse those that are new or changed, store them.

Articles are handled in batches: the store is asked which fingerprints it already holds, only
new or changed articles are analysed, and each batch is written in one transaction. Killing an
ingest loses at most the batch in flight; running it again skips what was stored (by
fingerprint) and completes the rest. Failed inputs are counted and named in the report while
everything else is stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from onrecord.errors import OnrecordError
from onrecord.model import Analysis, Article
from onrecord.pipeline import ExtractorLoader, analyze_many
from onrecord.storage.facts import article_fingerprint, word_count
from onrecord.storage.records import IngestReport
from onrecord.storage.store import Store

__all__ = ["ingest", "load_analyses"]

Progress = Callable[[int], None]


def ingest(
    store: Store,
    articles: Iterable[Article | OnrecordError],
    lang: str | None = None,
    batch_size: int = 32,
    on_progress: Progress | None = None,
    extractor_for: ExtractorLoader | None = None,
) -> IngestReport:
    """Analyse and store ``articles`` (from :func:`onrecord.ingest.iter_articles`); see the module."""
    from onrecord import __version__

    report = IngestReport()
    started = time.perf_counter()
    for batch in _batches(articles, batch_size):
        errors = [item for item in batch if isinstance(item, OnrecordError)]
        for error in errors:
            _fail(report, error)
        fresh = _unique([item for item in batch if isinstance(item, Article)], report)
        prints = {article.id: article_fingerprint(article, lang, __version__) for article in fresh}
        stored = store.fingerprints(sorted(prints))
        todo = [article for article in fresh if stored.get(article.id) != prints[article.id]]
        report.unchanged += len(fresh) - len(todo)
        analyses: list[tuple[Analysis, str | None]] = []
        for outcome in analyze_many(todo, lang, batch_size=batch_size, extractor_for=extractor_for):
            if isinstance(outcome, Analysis):
                analyses.append((outcome, prints[outcome.id]))
            else:
                _fail(report, outcome)
        _store_batch(store, analyses, report)
        if on_progress is not None:
            on_progress(len(batch))
    if report.stored:
        store.optimize()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def load_analyses(
    store: Store,
    analyses: Iterable[Analysis | tuple[Analysis, str | None] | OnrecordError],
    batch_size: int = 200,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Store ready analyses (e.g. the output of ``onrecord batch``) in bulk, idempotently, in
    the order given.

    An item may carry the fingerprint ``ingest`` computes for its article
    (:func:`article_fingerprint`; :func:`onrecord.batch.worker.read_output` gives it): an
    article stored with that fingerprint, by ``ingest`` or by an earlier load, is unchanged
    and not written (no write transaction for a chunk that changes nothing). Without one the
    store fingerprints the analysis itself. An error item is counted as failed.
    """
    report = IngestReport()
    started = time.perf_counter()
    iterator = iter(analyses)
    while chunk := list(islice(iterator, batch_size)):
        items: list[tuple[Analysis, str | None]] = []
        for item in chunk:
            if isinstance(item, OnrecordError):
                _fail(report, item)
            else:
                items.append(item if isinstance(item, tuple) else (item, None))
        stored = store.fingerprints(sorted({analysis.id for analysis, fingerprint in items if fingerprint}))
        todo = [(analysis, print_) for analysis, print_ in items if not print_ or stored.get(analysis.id) != print_]
        report.unchanged += len(items) - len(todo)
        _store_batch(store, todo, report)
        if on_progress is not None:
            on_progress(len(chunk))
    if report.stored:
        store.optimize()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _store_batch(store: Store, analyses: list[tuple[Analysis, str | None]], report: IngestReport) -> None:
    """Write one batch (one transaction) and count what happened to each article."""
    if not analyses:  # nothing new: do not take the write lock
        return
    for (analysis, _), result in zip(analyses, store.put_many(analyses), strict=True):
        if result == "unchanged":
            report.unchanged += 1
            continue
        setattr(report, result, getattr(report, result) + 1)
        report.quotes += len(analysis.quotes)
        report.words += word_count(analysis)


def _fail(report: IngestReport, error: OnrecordError) -> None:
    report.failed += 1
    report.failures.append(" ".join(str(error).split()))


def _unique(articles: list[Article], report: IngestReport) -> list[Article]:
    """The articles of a batch with distinct ids; a repeated id fails (the last one wins)."""
    last = {article.id: position for position, article in enumerate(articles)}
    for position, article in enumerate(articles):
        if last[article.id] != position:
            _fail(
                report,
                OnrecordError(
                    f"{article.origin or article.id}: duplicate article id {article.id!r}, "
                    "a later article with that id replaces it"
                ),
            )
    return [article for position, article in enumerate(articles) if last[article.id] == position]


def _batches(items: Iterable[Article | OnrecordError], size: int) -> Iterator[list[Article | OnrecordError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
