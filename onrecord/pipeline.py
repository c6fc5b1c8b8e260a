"""The front door: articles in, :class:`~onrecord.model.Analysis` objects out.

The language of an article is, in this order: the article's own ``language`` (from a JSONL
``lang`` field), the ``lang`` argument (``--lang``), or detection (:mod:`onrecord.langid`).
The extractor of each language is loaded once (:func:`onrecord.lang.get_extractor`) and fed in
batches through ``extract_many``. Extractors hold stateful taggers (CRFsuite, spaCy) that are
not safe to share between threads, so extraction runs under one lock per process: threads (a
web server's pool) take turns, processes (Dask workers, uvicorn workers) run in parallel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from onrecord.errors import InputError, ModelError, OnrecordError, UnsupportedLanguageError
from onrecord.extraction import ExtractionResult, Extractor
from onrecord.lang import ensure_supported, get_extractor
from onrecord.langid import detect_language
from onrecord.model import Analysis, Article, Provenance, content_id

__all__ = ["DEFAULT_BATCH_SIZE", "analyze", "analyze_many", "ensure_supported", "resolve_language"]

DEFAULT_BATCH_SIZE = 32
#: extractors are not thread-safe: one extraction at a time per process (see the module)
_EXTRACTION_LOCK = threading.RLock()
ExtractorLoader = Callable[[str], Extractor]


@dataclass(frozen=True)
class _Pending:
    """An article waiting in a batch, with its resolved language."""

    article: Article
    language: str


def analyze(
    article_or_text: Article | str,
    lang: str | None = None,
    extractor_for: ExtractorLoader | None = None,
) -> Analysis:
    """Analyse one article (or a bare body text, whose id becomes its content hash).

    Raises :class:`UnsupportedLanguageError` and the other :class:`OnrecordError` types.
    """
    article = _as_article(article_or_text)
    language = resolve_language(article, lang)
    extractor = _load(extractor_for or get_extractor, language)
    with _EXTRACTION_LOCK:
        found = extractor.extract(article.text)
    return _assemble(article, language, extractor, found)


def analyze_many(
    articles: Iterable[Article | InputError],
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor_for: ExtractorLoader | None = None,
) -> Iterator[Analysis | OnrecordError]:
    """Analyse a stream of articles in input order; a failed article yields its error.

    Errors coming in (from :func:`onrecord.ingest.iter_articles`) pass through in place. An
    extractor that cannot be loaded at all raises (no article of that language could succeed).
    ``extractor_for`` maps a language to its extractor (default: :func:`get_extractor`).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    loader = extractor_for or get_extractor
    batch: list[_Pending | OnrecordError] = []
    for item in articles:
        batch.append(item if isinstance(item, OnrecordError) else _pending(item, lang))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, loader)
            batch = []
    yield from _run_batch(batch, loader)


def resolve_language(article: Article, lang: str | None = None) -> str:
    """The article's language: its own, else ``lang``, else detected; checked to be supported."""
    return ensure_supported(article.language or lang or detect_language(article.text))


def _as_article(article_or_text: Article | str) -> Article:
    if isinstance(article_or_text, Article):
        return article_or_text
    return Article(id=content_id(article_or_text), text=article_or_text)


def _pending(article: Article, lang: str | None) -> _Pending | OnrecordError:
    try:
        return _Pending(article, resolve_language(article, lang))
    except UnsupportedLanguageError as exc:
        return UnsupportedLanguageError(f"{_label(article)}: {exc}")


def _run_batch(
    batch: list[_Pending | OnrecordError], extractor_for: ExtractorLoader
) -> Iterator[Analysis | OnrecordError]:
    """Extract a batch, one ``extract_many`` call per language, and yield in input order."""
    by_language: dict[str, list[tuple[int, _Pending]]] = {}
    for position, item in enumerate(batch):
        if isinstance(item, _Pending):
            by_language.setdefault(item.language, []).append((position, item))
    results: dict[int, Analysis | OnrecordError] = {}
    for language, entries in sorted(by_language.items()):
        outcomes = _extract(_load(extractor_for, language), [item for _, item in entries])
        results.update(zip((position for position, _ in entries), outcomes, strict=True))
    for position, item in enumerate(batch):
        yield item if isinstance(item, OnrecordError) else results[position]


def _extract(extractor: Extractor, pending: list[_Pending]) -> list[Analysis | OnrecordError]:
    """Batch extraction; if the batch fails, each article alone, so one bad text fails alone."""
    try:
        with _EXTRACTION_LOCK:
            extracted = extractor.extract_many([item.article.text for item in pending])
    except OnrecordError:
        raise
    except Exception:
        return [_guarded(item, extractor) for item in pending]
    if len(extracted) != len(pending):
        raise ModelError(f"extractor {extractor.name} returned {len(extracted)} results for {len(pending)} texts")
    return [_guarded(item, extractor, result) for item, result in zip(pending, extracted, strict=True)]


def _guarded(item: _Pending, extractor: Extractor, result: ExtractionResult | None = None) -> Analysis | OnrecordError:
    """The analysis of one article (extracted alone unless ``result`` is given), or its error.

    A bug on one text must not stop the whole run.
    """
    try:
        if result is None:
            with _EXTRACTION_LOCK:
                result = extractor.extract(item.article.text)
        found = result
        return _assemble(item.article, item.language, extractor, found)
    except OnrecordError:
        raise
    except Exception as exc:  # includes invalid results (pydantic ValidationError)
        message = " ".join(str(exc).split())
        return OnrecordError(f"{_label(item.article)}: extraction failed ({type(exc).__name__}: {message})")


def _load(extractor_for: ExtractorLoader, language: str) -> Extractor:
    try:
        return extractor_for(language)
    except ImportError as exc:
        raise ModelError(f"the {language} extractor cannot be loaded: {exc}") from exc


def _assemble(article: Article, language: str, extractor: Extractor, result: ExtractionResult) -> Analysis:
    return Analysis(
        id=article.id,
        language=language,
        meta=article.meta,
        text=article.text,
        quotes=result.quotes,
        entities=result.entities,
        provenance=Provenance(extractor=extractor.name, version=extractor.version),
    )


def _label(article: Article) -> str:
    """How an article is named in messages: where it was read from, else its id."""
    return article.origin or article.id
