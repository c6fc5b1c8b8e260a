"""The front door: articles in, :class:`~onrecord.model.Analysis` objects out.

The language of an article is, in this order: the article's own ``language`` (from a JSONL
``lang`` field), the ``lang`` argument (``--lang``), or detection (:mod:`onrecord.langid`).
The extractor of each language is loaded once (:func:`onrecord.lang.get_extractor`) and fed in
batches through ``extract_many``. Extractors hold stateful taggers (CRFsuite, spaCy) that are
not safe to share between threads, so extraction runs under one lock per process: threads (a
web server's pool) take turns, processes (Dask workers, uvicorn workers) run in parallel.

A text longer than :data:`MAX_CHUNK_CHARS` is analysed in pieces cut at paragraph boundaries
(else after a sentence, else at a space): spaCy refuses texts over one million characters and its
parser needs about 1 GB of memory per 100,000. The pieces' quotes and entities are put together
with their offsets shifted into the whole text; entities of the same name and type are one.
Quotes whose speaker is named only in an earlier piece stay without that speaker.

The outlet that publishes an article, as its metadata names it (``source``, the host of ``url``:
:func:`onrecord.extraction.outlets.own_outlet`), goes to the extractor with its text: its
mentions are an outlet, never a speaker ("sagte sie dem KURIER"). An article without them is
extracted exactly as before (the extractor's own lexicon names its outlet).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from onrecord.errors import InputError, ModelError, OnrecordError, UnsupportedLanguageError
from onrecord.extraction import ExtractionResult, Extractor
from onrecord.extraction.outlets import OwnOutlet, own_outlet
from onrecord.lang import ensure_supported, get_extractor
from onrecord.langid import detect_language
from onrecord.model import Analysis, Article, Entity, Mention, Provenance, Quote, Role, Span, content_id

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "MAX_CHUNK_CHARS",
    "analyze",
    "analyze_many",
    "ensure_supported",
    "resolve_language",
    "split_text",
]

DEFAULT_BATCH_SIZE = 32
#: longer texts are analysed in pieces of at most this many characters (see the module)
MAX_CHUNK_CHARS = 100_000
#: where a piece may end, best first: after a blank line, after a line break, after a sentence
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”‘’)\]]*\s+")
_SPACE = re.compile(r"\s+")
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
    max_chunk_chars: int = MAX_CHUNK_CHARS,
) -> Analysis:
    """Analyse one article (or a bare body text, whose id becomes its content hash).

    Raises :class:`UnsupportedLanguageError` and the other :class:`OnrecordError` types.
    """
    article = _as_article(article_or_text)
    language = resolve_language(article, lang)
    extractor = _load(extractor_for or get_extractor, language)
    found = _extract_text(extractor, article.text, max_chunk_chars, own_outlet(article.meta))
    return _assemble(article, language, extractor, found)


def analyze_many(
    articles: Iterable[Article | InputError],
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor_for: ExtractorLoader | None = None,
    max_chunk_chars: int = MAX_CHUNK_CHARS,
) -> Iterator[Analysis | OnrecordError]:
    """Analyse a stream of articles in input order; a failed article yields its error.

    Errors coming in (from :func:`onrecord.ingest.iter_articles`) pass through in place. An
    extractor that cannot be loaded at all raises (no article of that language could succeed).
    ``extractor_for`` maps a language to its extractor (default: :func:`get_extractor`).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if max_chunk_chars < 1:
        raise ValueError("max_chunk_chars must be at least 1")
    loader = extractor_for or get_extractor
    batch: list[_Pending | OnrecordError] = []
    for item in articles:
        batch.append(item if isinstance(item, OnrecordError) else _pending(item, lang))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, loader, max_chunk_chars)
            batch = []
    yield from _run_batch(batch, loader, max_chunk_chars)


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
    batch: list[_Pending | OnrecordError], extractor_for: ExtractorLoader, max_chunk_chars: int
) -> Iterator[Analysis | OnrecordError]:
    """Extract a batch, one ``extract_many`` call per language, and yield in input order."""
    by_language: dict[str, list[tuple[int, _Pending]]] = {}
    for position, item in enumerate(batch):
        if isinstance(item, _Pending):
            by_language.setdefault(item.language, []).append((position, item))
    results: dict[int, Analysis | OnrecordError] = {}
    for language, entries in sorted(by_language.items()):
        outcomes = _extract(_load(extractor_for, language), [item for _, item in entries], max_chunk_chars)
        results.update(zip((position for position, _ in entries), outcomes, strict=True))
    for position, item in enumerate(batch):
        yield item if isinstance(item, OnrecordError) else results[position]


def _extract(extractor: Extractor, pending: list[_Pending], max_chunk_chars: int) -> list[Analysis | OnrecordError]:
    """Batch extraction; if the batch fails, each article alone, so one bad text fails alone.

    Texts longer than ``max_chunk_chars`` are not batched: each is extracted piece by piece.
    """
    short = [item for item in pending if len(item.article.text) <= max_chunk_chars]
    try:
        with _EXTRACTION_LOCK:
            texts = [item.article.text for item in short]
            outlets = [own_outlet(item.article.meta) for item in short]
            extracted = extractor.extract_many(texts, outlets) if short else []
    except OnrecordError:
        raise
    except Exception:
        return [_guarded(item, extractor, max_chunk_chars) for item in pending]
    if len(extracted) != len(short):
        raise ModelError(f"extractor {extractor.name} returned {len(extracted)} results for {len(short)} texts")
    results = {id(item): result for item, result in zip(short, extracted, strict=True)}
    return [_guarded(item, extractor, max_chunk_chars, results.get(id(item))) for item in pending]


def _guarded(
    item: _Pending, extractor: Extractor, max_chunk_chars: int, result: ExtractionResult | None = None
) -> Analysis | OnrecordError:
    """The analysis of one article (extracted alone unless ``result`` is given), or its error.

    A bug on one text must not stop the whole run.
    """
    try:
        if result is None:
            result = _extract_text(extractor, item.article.text, max_chunk_chars, own_outlet(item.article.meta))
        found = result
        return _assemble(item.article, item.language, extractor, found)
    except OnrecordError:
        raise
    except Exception as exc:  # includes invalid results (pydantic ValidationError)
        message = " ".join(str(exc).split())
        return OnrecordError(f"{_label(item.article)}: extraction failed ({type(exc).__name__}: {message})")


def _extract_text(
    extractor: Extractor, text: str, max_chunk_chars: int, outlet: OwnOutlet | None = None
) -> ExtractionResult:
    """Extract one text (published by ``outlet``), in pieces when it is longer than ``max_chunk_chars``."""
    pieces = split_text(text, max_chunk_chars)
    with _EXTRACTION_LOCK:
        if len(pieces) == 1:
            return extractor.extract(text, outlet)
        return merge_results([(start, extractor.extract(text[start:end], outlet)) for start, end in pieces])


def split_text(text: str, max_chars: int) -> list[Span]:
    """Consecutive ``(start, end)`` pieces that cover ``text``, each at most ``max_chars`` long.

    A piece ends after a paragraph break (a blank line) where it can, else after a line break,
    else after a sentence's final punctuation, else at a space, else after ``max_chars``. The
    whitespace at a cut stays with the piece before it, so every piece starts with its text.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    pieces: list[Span] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece from ``start`` ends: the best boundary after ``start`` and at most ``limit``."""
    for boundary in (_PARAGRAPH_END, _LINE_END, _SENTENCE_END, _SPACE):
        ends = [m.end() for m in boundary.finditer(text, start, limit)]
        if ends:
            return ends[-1]
    return limit


def merge_results(parts: list[tuple[int, ExtractionResult]]) -> ExtractionResult:
    """One result from the results of consecutive pieces that start at the given offsets.

    Quotes are renumbered q1, q2 … in order; entities of the same name and type become one,
    numbered e1, e2 … in order of their first piece, with all their mentions and roles; each
    quote's ``entity`` and ``about`` ids follow the renumbering.
    """
    entities: dict[tuple[str, str], Entity] = {}
    quotes: list[Quote] = []
    for offset, result in parts:
        new_id: dict[str, str] = {}
        for entity in result.entities:
            key = (entity.name, entity.type)
            merged = entities.get(key)
            if merged is None:
                merged = entities[key] = Entity(
                    id=f"e{len(entities) + 1}", name=entity.name, type=entity.type, kind=entity.kind
                )
            merged.mentions.extend(_shift(entity.mentions, offset))
            for role in entity.roles:
                _add_role(merged.roles, role, offset)
            new_id[entity.id] = merged.id
        for quote in result.quotes:
            quotes.append(quote.model_copy(update={
                "id": f"q{len(quotes) + 1}",
                "spans": _shift(quote.spans, offset),
                "cue": _shift_mention(quote.cue, offset),
                "speaker": _shift_mention(quote.speaker, offset),
                "entity": new_id.get(quote.entity) if quote.entity is not None else None,
                "about": list(dict.fromkeys(new_id[a] for a in quote.about if a in new_id)),
            }))  # fmt: skip
    for entity in entities.values():
        entity.mentions.sort()
    return ExtractionResult(quotes=quotes, entities=list(entities.values()))


def _add_role(roles: list[Role], role: Role, offset: int) -> None:
    """Add ``role`` (shifted by ``offset``) to ``roles``; the same role again only adds its spans."""
    spans = _shift(role.spans, offset)
    for known in roles:
        if (known.title, known.organization, known.place, known.former) == (
            role.title, role.organization, role.place, role.former
        ):
            known.spans.extend(spans)
            return
    roles.append(role.model_copy(update={"spans": spans}))


def _shift(spans: list[Span], offset: int) -> list[Span]:
    return [(start + offset, end + offset) for start, end in spans]


def _shift_mention(mention: Mention | None, offset: int) -> Mention | None:
    return None if mention is None else Mention(text=mention.text, spans=_shift(mention.spans, offset))


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
