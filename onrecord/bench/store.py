"""The knowledge-base scale benchmark: ingest throughput and query latency at 100,000 quotes.

Steps, all in this process:

1. analyse the bench corpora once (``bench-de``: the 10kGNAD CSV; ``news-en``: a folder of
   texts; see :mod:`onrecord.bench.analysis`) and note the analysis words/s (extractors loaded first);
2. replicate the analyses under new ids (``id~rN``), their dates spread deterministically over
   2019–2026 and their outlets cycling over a few names, until the store holds at least
   ``quotes_target`` quotes, written with :meth:`Store.put_many` in batches of
   :data:`BATCH_ARTICLES` into a fresh store (timed: the storage ingest alone);
3. run a deterministic mix of queries drawn from the store's own content (its most quoted
   speakers, organisations of roles, frequent words of quotes, kinds × languages, dates,
   outlets) through the library calls the CLI makes, each type timed on its own.

Replicas repeat their originals' words, so a word matches about as many quotes as it would in a
corpus of that size with a narrow vocabulary: full-text queries are, if anything, harder here
than on real news. Every query type runs ``queries`` times after one untimed warm-up round;
``quotes-count`` (the total the table view of ``onrecord quotes`` shows) runs for each quote filter.
"""

from __future__ import annotations

import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import func, select, text

from onrecord.bench.analysis import bench_paths
from onrecord.bench.ingest import OUTLETS, replicate
from onrecord.bench.statements import STATEMENT_QUERIES, statement_calls, timed_grouping
from onrecord.bench.statements import TARGET_P95_MS as STATEMENT_P95_MS
from onrecord.errors import DataError, OnrecordError, StoreError
from onrecord.evaluation.gold import gnad_texts
from onrecord.ingest import iter_articles
from onrecord.lang import get_extractor
from onrecord.model import Analysis, Article
from onrecord.pipeline import analyze_many
from onrecord.storage import schema as t
from onrecord.storage.facts import fact_id
from onrecord.storage.queries import count_quotes, entity_profile, find_entities, list_quotes
from onrecord.storage.records import QuoteFilter
from onrecord.storage.search import search
from onrecord.storage.store import Store, open_store

__all__ = [
    "BATCH_ARTICLES",
    "FILTERED_QUERIES",
    "OUTLETS",
    "QUERY_TYPES",
    "TARGET_P95_MS",
    "AnalysisStats",
    "IngestStats",
    "QueryStats",
    "StoreBenchReport",
    "run_store_bench",
]

#: articles per :meth:`Store.put_many` call (one transaction)
BATCH_ARTICLES = 200
#: the latency target of filtered quote queries and search on SQLite, at p95
TARGET_P95_MS = 100.0
#: the query types, in the order they are run and reported
QUERY_TYPES = (
    "quotes-by-speaker",
    "quotes-by-organization",
    "quotes-about",
    "quotes-kind-language",
    "quotes-date-range",
    "quotes-outlet",
    "quotes-combined",
    "quotes-count",
    "entity-profile",
    "search",
    *STATEMENT_QUERIES,
)
#: the query types the p95 target applies to
FILTERED_QUERIES = tuple(name for name in QUERY_TYPES if name.startswith("quotes-") or name == "search")

_WORD = re.compile(r"[^\W\d_]{6,}")
#: limits as the CLI uses them (``onrecord quotes`` lists 50, ``onrecord search`` 20)
_QUOTE_LIMIT = 50
_SEARCH_LIMIT = 20
_SEED = 20260101

Step = Callable[[str], None]


@dataclass
class AnalysisStats:
    """The in-process analysis of the bench corpora (extractors loaded beforehand, not timed)."""

    articles: int
    words: int
    quotes: int
    seconds: float
    failed: int = 0

    @property
    def words_per_s(self) -> float:
        """Words analysed per second."""
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class IngestStats:
    """Storing the replicas: the time spent in :meth:`Store.put_many` alone."""

    articles: int
    quotes: int
    seconds: float
    batches: int
    entities: int = 0
    article_entities: int = 0
    roles: int = 0
    replicas: int = 0
    #: of ``seconds``, the time spent grouping statements (issue 18: target under 20%)
    grouping_seconds: float = 0.0
    statements: int = 0

    @property
    def grouping_share(self) -> float:
        """The share of the ingest time spent grouping statements."""
        return self.grouping_seconds / self.seconds if self.seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        """Articles stored per second."""
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def quotes_per_s(self) -> float:
        """Quotes stored per second."""
        return self.quotes / self.seconds if self.seconds else 0.0


@dataclass
class QueryStats:
    """Latencies of one query type, in milliseconds; ``rows``: results returned, summed."""

    name: str
    count: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    mean_ms: float
    rows: int
    slowest: str = ""

    @classmethod
    def of(cls, name: str, timings: Sequence[tuple[float, int, str]]) -> QueryStats:
        """Statistics of ``(seconds, rows, description)`` measurements."""
        if not timings:
            return cls(name, 0, 0.0, 0.0, 0.0, 0.0, 0)
        ms = sorted(seconds * 1000 for seconds, _, _ in timings)
        slowest = max(timings, key=lambda timing: timing[0])[2]
        return cls(
            name=name,
            count=len(ms),
            p50_ms=round(percentile(ms, 50), 2),
            p95_ms=round(percentile(ms, 95), 2),
            max_ms=round(ms[-1], 2),
            mean_ms=round(sum(ms) / len(ms), 2),
            rows=sum(rows for _, rows, _ in timings),
            slowest=slowest,
        )


@dataclass
class StoreBenchReport:
    """Everything one store benchmark measured, with the machine and store it ran on."""

    store: str
    dialect: str
    analysis: AnalysisStats
    ingest: IngestStats
    queries: list[QueryStats]
    store_bytes: int | None
    peak_rss_mb: float
    target_p95_ms: float = TARGET_P95_MS
    machine: dict[str, str] = field(default_factory=dict)

    def over_target(self) -> list[str]:
        """Filtered quote queries and search whose p95 exceeds the target (statement queries:
        their own target, 150 ms)."""
        return [
            q.name
            for q in self.queries
            if (q.name in FILTERED_QUERIES and q.p95_ms > self.target_p95_ms)
            or (q.name in STATEMENT_QUERIES and q.p95_ms > STATEMENT_P95_MS)
        ]

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict (rates included)."""
        return {
            "store": self.store,
            "dialect": self.dialect,
            "analysis": asdict(self.analysis) | {"words_per_s": round(self.analysis.words_per_s, 1)},
            "ingest": asdict(self.ingest)
            | {
                "articles_per_s": round(self.ingest.articles_per_s, 1),
                "quotes_per_s": round(self.ingest.quotes_per_s, 1),
                "grouping_share": round(self.ingest.grouping_share, 4),
            },
            "queries": [asdict(q) for q in self.queries],
            "store_bytes": self.store_bytes,
            "store_mb": round(self.store_bytes / 1024 / 1024, 1) if self.store_bytes is not None else None,
            "peak_rss_mb": self.peak_rss_mb,
            "target_p95_ms": self.target_p95_ms,
            "over_target": self.over_target(),
            "machine": self.machine,
        }


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile of ascending values, linearly interpolated between ranks."""
    if not sorted_values:
        return 0.0
    rank = (len(sorted_values) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


def run_store_bench(
    db: str | None,
    data: Path | None,
    quotes_target: int = 100_000,
    queries: int = 200,
    step: Step | None = None,
    limit: int | None = None,
) -> StoreBenchReport:
    """Build a store of at least ``quotes_target`` quotes and time queries against it (see the module).

    ``db``: the store to fill (a SQLite path or a database URL; it must be empty); default a
    temporary SQLite file, deleted afterwards. ``data``: the folder with ``bench-de/`` and
    ``news-en/`` (default ``../shared/data``). ``queries``: runs of each query type. ``limit``:
    analyse only the first N articles of each corpus. ``step`` is told what happens next.
    """
    if quotes_target < 1 or queries < 1:
        raise ValueError("quotes_target and queries must be at least 1")
    tell = step or (lambda _message: None)
    if db is not None:  # fail before the minutes of analysis
        with open_store(db) as store:
            _refuse_filled(store)
    analyses, analysis_stats = _analyse_corpora(data, limit, tell)
    if db is not None:
        return _bench_store(db, analyses, analysis_stats, quotes_target, queries, tell)
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-store-") as tmp:
        return _bench_store(str(Path(tmp) / "bench.db"), analyses, analysis_stats, quotes_target, queries, tell)


# --------------------------------------------------------------------------- analysis


def _analyse_corpora(data: Path | None, limit: int | None, tell: Step) -> tuple[list[Analysis], AnalysisStats]:
    csv_path, news_dir = bench_paths(data)
    german = [
        Article(id=f"gnad-{index}", text=body, language="de")
        for index, body in enumerate(gnad_texts(csv_path))
        if limit is None or index < limit
    ]
    english: list[Article] = []
    for item in iter_articles([news_dir]):
        if isinstance(item, Article) and (limit is None or len(english) < limit):
            english.append(item.model_copy(update={"language": "en"}))
    tell("loading the extractors")
    for language in ("de", "en"):
        get_extractor(language)
    tell(f"analysing {len(german)} + {len(english)} articles of bench-de and news-en")
    analyses: list[Analysis] = []
    failed = 0
    started = time.perf_counter()
    for outcome in analyze_many([*german, *english]):
        if isinstance(outcome, OnrecordError):
            failed += 1
        else:
            analyses.append(outcome)
    seconds = time.perf_counter() - started
    stats = AnalysisStats(
        articles=len(analyses),
        words=sum(len(analysis.text.split()) for analysis in analyses),
        quotes=sum(len(analysis.quotes) for analysis in analyses),
        seconds=round(seconds, 3),
        failed=failed,
    )
    if not stats.quotes:
        raise DataError(f"the bench corpora in {csv_path.parent.parent} yielded no quotes to store")
    return analyses, stats


# --------------------------------------------------------------------------- ingest


def replicas(analyses: Sequence[Analysis], quotes_target: int) -> Iterator[tuple[Analysis, str]]:
    """Copies of ``analyses`` under new ids, with their fingerprints, until ``quotes_target`` quotes.

    Copy ``k`` (counting from 0 over all rounds) of round ``n`` gets the id ``<id>~r<n>``, the date
    ``2019-01-01 + (k * 7919 mod 2922)`` days and the outlet ``OUTLETS[k mod 6]``; its other
    metadata, text and facts are the original's.
    """
    if not any(analysis.quotes for analysis in analyses):
        raise DataError("no quotes to replicate")
    # the scheme lives in onrecord.bench.ingest, which runs inside older checkouts too
    yield from replicate(analyses, [fact_id("A", analysis.to_dict()) for analysis in analyses], quotes_target)


def _ingest(store: Store, analyses: Sequence[Analysis], quotes_target: int, tell: Step) -> IngestStats:
    stats = IngestStats(articles=0, quotes=0, seconds=0.0, batches=0)
    batch: list[tuple[Analysis, str | None]] = []
    seconds = 0.0

    def flush() -> None:
        nonlocal seconds
        started = time.perf_counter()
        store.put_many(batch)
        seconds += time.perf_counter() - started
        stats.batches += 1
        stats.articles += len(batch)
        stats.quotes += sum(len(analysis.quotes) for analysis, _ in batch)
        rate = stats.quotes / seconds if seconds else 0.0
        tell(f"storing: {stats.quotes:,} of {quotes_target:,} quotes ({rate:,.0f} quotes/s)")
        batch.clear()

    rounds: set[str] = set()
    with timed_grouping() as grouping:
        for copy, fingerprint in replicas(analyses, quotes_target):
            rounds.add(copy.id.rsplit("~", 1)[1])
            batch.append((copy, fingerprint))
            if len(batch) >= BATCH_ARTICLES:
                flush()
        if batch:
            flush()
    stats.seconds = round(seconds, 3)
    stats.grouping_seconds = round(grouping[0], 3)
    stats.statements = store.count_statements()
    stats.replicas = len(rounds)
    counts = store.stats()
    stats.entities, stats.roles = counts.entities, counts.roles
    with store.reading() as conn:
        stats.article_entities = int(conn.execute(select(func.count()).select_from(t.article_entities)).scalar_one())
    if counts.quotes < quotes_target:
        raise StoreError(f"{store.url}: holds {counts.quotes} quotes after the ingest, expected {quotes_target}")
    return stats


# --------------------------------------------------------------------------- queries


@dataclass
class _Pools:
    """What the queries are drawn from: the store's own content."""

    speakers: list[str]
    organizations: list[str]
    words: list[str]
    phrases: list[str]
    kinds_languages: list[tuple[str, str]]
    outlets: list[str]
    years: list[int]


def _pools(store: Store) -> _Pools:
    q, e, r, a = t.quotes.c, t.entities.c, t.roles.c, t.articles.c
    with store.reading() as conn:
        speakers = [
            row.name
            for row in conn.execute(
                select(e.name, func.count().label("n"))
                .select_from(t.quotes.join(t.entities, e.id == q.entity_id))
                .where(e.type == "person", e.merged_into.is_(None))
                .group_by(e.id, e.name)
                .order_by(text("n DESC"), e.name)
                .limit(50)
            )
        ]
        organizations = [
            row.organization
            for row in conn.execute(
                select(r.organization, func.count().label("n"))
                .where(r.organization.is_not(None))
                .group_by(r.organization)
                .order_by(text("n DESC"), r.organization)
                .limit(50)
            )
        ]
        texts = conn.execute(select(q.text).order_by(q.seq).limit(5000)).scalars().all()
        kinds_languages = [
            (row.kind, row.language)
            for row in conn.execute(select(q.kind, q.language).distinct().order_by(q.kind, q.language))
        ]
        outlets = sorted(conn.execute(select(a.source).distinct().where(a.source.is_not(None))).scalars().all())
        first, last = conn.execute(select(func.min(a.date_from), func.max(a.date_to))).one()
    counts: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for quote in texts:
        words = [word.lower() for word in _WORD.findall(quote)]
        counts.update(words)
        bigrams.update(f"{one} {two}" for one, two in zip(words, words[1:], strict=False))
    # frequent words, but past the very top (which are function words of six letters and more)
    ranked = [word for word, _ in counts.most_common(400)]
    words = ranked[10:210:2] or ranked
    phrases = [phrase for phrase, n in bigrams.most_common(100) if n > 1][:50] or [f"{w}" for w in words[:10]]
    years = list(range(int(first[:4]), int(last[:4]) + 1)) if first and last else [2024]
    if not speakers or not words:
        raise DataError(f"{store.url}: too little content to draw queries from")
    return _Pools(
        speakers=speakers,
        organizations=organizations or speakers,
        words=words,
        phrases=phrases,
        kinds_languages=kinds_languages,
        outlets=[outlet.split()[-1].lower() for outlet in outlets] or ["none"],
        years=years,
    )


def _filters(pools: _Pools, rng: random.Random, index: int) -> dict[str, QuoteFilter]:
    """The ``index``-th quote filter of each quote query type."""

    def pick(items: Sequence[str]) -> str:
        return items[index % len(items)]

    kind, language = pools.kinds_languages[index % len(pools.kinds_languages)]
    year = rng.choice(pools.years)
    month = rng.randint(1, 12)
    span = rng.choice((0, 2, 11))  # one month, a quarter, a year
    end_month = month + span
    since = f"{year:04d}-{month:02d}"
    until = f"{year + (end_month - 1) // 12:04d}-{(end_month - 1) % 12 + 1:02d}"
    combined = (
        QuoteFilter(speaker=pick(pools.speakers), since=f"{year}", kind="direct")
        if index % 2 == 0
        else QuoteFilter(organization=pick(pools.organizations), about=pick(pools.words), language=language)
    )
    return {
        "quotes-by-speaker": QuoteFilter(speaker=pick(pools.speakers)),
        "quotes-by-organization": QuoteFilter(organization=pick(pools.organizations)),
        "quotes-about": QuoteFilter(about=pick(pools.words)),
        "quotes-kind-language": QuoteFilter(kind=kind, language=language),  # type: ignore[arg-type]
        "quotes-date-range": QuoteFilter(since=since, until=until),
        "quotes-outlet": QuoteFilter(outlet=pick(pools.outlets)),
        "quotes-combined": combined,
    }


def _search_query(pools: _Pools, index: int) -> str:
    """Single words, phrases, alternatives and exclusions, in turn."""
    word = pools.words[index % len(pools.words)]
    other = pools.words[(index * 7 + 3) % len(pools.words)]
    form = index % 4
    if form == 0:
        return word
    if form == 1:
        return f'"{pools.phrases[index % len(pools.phrases)]}"'
    if form == 2:
        return f"{word} OR {other}"
    return f"{word} -{other}"


def _describe(flt: QuoteFilter) -> str:
    return " ".join(f"--{key}={value!r}" for key, value in flt.model_dump(exclude_none=True).items())


def _time_queries(store: Store, queries: int, tell: Step) -> list[QueryStats]:
    pools = _pools(store)
    rng = random.Random(_SEED)
    timings: dict[str, list[tuple[float, int, str]]] = {name: [] for name in QUERY_TYPES}
    for index in range(-1, queries):  # round -1 warms the caches up and is not recorded
        if index % 20 == 0:
            tell(f"querying: round {index + 1} of {queries}")
        position = max(index, 0)
        calls: list[tuple[str, str, Callable[[], int]]] = []
        for name, flt in _filters(pools, rng, position).items():
            calls.append((name, _describe(flt), partial(_list, store, flt)))
            # the table view of ``onrecord quotes`` also counts the matches
            calls.append(("quotes-count", _describe(flt), partial(count_quotes, store, flt)))
        speaker = pools.speakers[position % len(pools.speakers)]
        calls.append(("entity-profile", speaker, partial(_profile, store, speaker)))
        words = _search_query(pools, position)
        calls.append(("search", words, partial(_search, store, words)))
        filters = list(_filters(pools, random.Random(position), position).values())
        calls += statement_calls(store, filters[position % len(filters)], position)
        for name, description, call in calls:
            started = time.perf_counter()
            rows = call()
            seconds = time.perf_counter() - started
            if index >= 0:
                timings[name].append((seconds, rows, description))
    return [QueryStats.of(name, timings[name]) for name in QUERY_TYPES]


def _list(store: Store, flt: QuoteFilter) -> int:
    """What ``onrecord quotes`` asks: one page of matching quotes."""
    return len(list_quotes(store, flt, limit=_QUOTE_LIMIT))


def _profile(store: Store, name: str) -> int:
    """What ``onrecord entity NAME`` asks: the matching entities, then the first one's profile."""
    matches = find_entities(store, name)
    if not matches:
        return 0
    profile = entity_profile(store, matches[0].id)
    return 1 + len(profile.roles) + len(profile.quoted_with) + len(profile.mentioned_with)


def _search(store: Store, words: str) -> int:
    results = search(store, words, limit=_SEARCH_LIMIT)
    return len(results.quotes) + len(results.articles)


# --------------------------------------------------------------------------- the run


def _bench_store(
    db: str, analyses: list[Analysis], analysis: AnalysisStats, quotes_target: int, queries: int, tell: Step
) -> StoreBenchReport:
    tell("opening the store")
    with open_store(db) as store:
        _refuse_filled(store)
        ingest = _ingest(store, analyses, quotes_target, tell)
        stats = _time_queries(store, queries, tell)
        size = _store_bytes(store)
        return StoreBenchReport(
            store=store.url,
            dialect=store.dialect,
            analysis=analysis,
            ingest=ingest,
            queries=stats,
            store_bytes=size,
            peak_rss_mb=_peak_rss_mb(),
            machine=_machine(store),
        )


def _refuse_filled(store: Store) -> None:
    """Raise :class:`StoreError` unless ``store`` is empty (the benchmark must not mix with real data)."""
    existing = store.stats()
    if existing.articles or existing.entities:
        raise StoreError(
            f"{store.url} is not empty ({existing.articles} articles, {existing.entities} entities): "
            "the store benchmark needs a fresh store"
        )


def _store_bytes(store: Store) -> int | None:
    """The database's size on disk (SQLite: after a WAL checkpoint; PostgreSQL: ``pg_database_size``)."""
    with store.reading() as conn:
        if store.dialect == "postgresql":
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database = store.engine.url.database
    if not database:
        return None
    return sum(os.path.getsize(path) for path in (database, f"{database}-wal") if os.path.exists(path))


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1)


def _machine(store: Store) -> dict[str, str]:
    with store.reading() as conn:
        server = (
            conn.execute(text("SHOW server_version")).scalar_one()
            if store.dialect == "postgresql"
            else conn.execute(text("SELECT sqlite_version()")).scalar_one()
        )
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "processor": platform.processor() or platform.machine(),
        "database": f"{store.dialect} {server}",
    }
