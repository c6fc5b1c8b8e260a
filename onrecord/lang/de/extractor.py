"""The German extractor: prepare → tag (CRF) → group quotes → rank speakers → entities → late roles.

Confidence of a quote is the speaker ranker's probability for the chosen speaker (or its
complement when no candidate passed the threshold), so a low value flags a doubtful speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from onrecord.extraction import ExtractionResult
from onrecord.extraction.known_names import add_known_names
from onrecord.extraction.outlets import OwnOutlet, using_own_outlet
from onrecord.extraction.product_names import add_product_names
from onrecord.lang.de import common_words
from onrecord.lang.de.attribution import Attribution, SpanSets, attribute
from onrecord.lang.de.entities import build_entities
from onrecord.lang.de.entity_names import _gazetteer, kind_at
from onrecord.lang.de.labels import CLASS_TO_KIND, TokenSpan
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.lexicon import word_set
from onrecord.lang.de.ner import COMMON_WORDS_FILE, NamedSpan, NerTagger
from onrecord.lang.de.ranking import SpeakerRanker, load_ranker
from onrecord.lang.de.role_additions import add_roles
from onrecord.lang.de.sentences import SentenceClassifier
from onrecord.lang.de.sources import speaker_mention_span
from onrecord.lang.de.speakers import Candidate
from onrecord.lang.de.stance import annotate_quotes, declined_noun
from onrecord.lang.de.tagger import Tagger, Tagging
from onrecord.lang.de.tokens import PreparedDoc, prepare
from onrecord.lang.de.train import (
    GAZETTEER_FILE,
    LEMMA_FILE,
    MODEL_DIR,
    NER_FILE,
    RANKER_FILE,
    SENTENCE_FILE,
    TAGGER_FILE,
)
from onrecord.model import Mention, Quote, QuoteKind

VERSION = "0.1.0"


def _char_spans(doc: PreparedDoc, spans: list[TokenSpan]) -> list[tuple[int, int]]:
    return [(doc.tokens[s.begin].start, doc.tokens[s.end - 1].end) for s in spans]


def _kind(doc: PreparedDoc, att: Attribution) -> QuoteKind:
    """Contract kind; an indirect quote that embeds a quoted fragment is ``mixed``."""
    kind = CLASS_TO_KIND.get(att.cls, "indirect")
    if kind in ("indirect", "reported") and any(
        doc.tokens[i].quoted >= 0 for p in att.parts for i in range(p.begin, p.end)
    ):
        return "mixed"
    return kind  # type: ignore[return-value]


def _entity(
    att: Attribution, entity_of: dict[Candidate, str], by_span: dict[tuple[int, int], str] | None = None
) -> str | None:
    """The speaker's entity, looked up by the mention's tokens (a speaker carried over from the
    quote before is the same mention, found again as a candidate of kind "prev"); for a mention
    that names nobody ("Demnach") or stands for another ("nach eigenen Angaben"), its referent's.
    ``by_span`` is :func:`_entity_by_span` of ``entity_of``, when the caller has it."""
    if att.speaker is None:
        return None
    spans = by_span if by_span is not None else _entity_by_span(entity_of)
    if att.refers_to is not None:
        referent = spans.get((att.refers_to.begin, att.refers_to.end))
        if referent is not None:
            return referent
    return spans.get((att.speaker.begin, att.speaker.end))


def _entity_by_span(entity_of: dict[Candidate, str]) -> dict[tuple[int, int], str]:
    """The entity of each mention span (the first candidate of a span, in token order, wins)."""
    out: dict[tuple[int, int], str] = {}
    for cand in sorted(entity_of, key=lambda c: (c.begin, c.end, c.source)):
        out.setdefault((cand.begin, cand.end), entity_of[cand])
    return out


class GermanExtractor:
    """Quotes and entities from German news text."""

    name = "onrecord-de"
    version = VERSION
    language = "de"

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self.lemmas = LemmaTable.load(model_dir / LEMMA_FILE)
        self.tagger = Tagger(model_dir / TAGGER_FILE, SentenceClassifier.load(model_dir / SENTENCE_FILE))
        self.ranker: SpeakerRanker = load_ranker(model_dir / RANKER_FILE)
        self.ner = NerTagger(model_dir / NER_FILE) if (model_dir / NER_FILE).exists() else None
        common_path = model_dir / COMMON_WORDS_FILE
        self.common_words = common_words.shared(common_path) if common_path.exists() else None

    @classmethod
    def from_bundled(cls) -> GermanExtractor:
        return cls(MODEL_DIR)

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
        """Quotes and entities of one body text; ``outlet`` is the outlet that publishes it, from
        the article's metadata (its mentions are an outlet, never a speaker; without one the
        lexicon's ``own_outlets.txt`` names it: :mod:`onrecord.extraction.outlets`)."""
        with using_own_outlet(outlet):
            doc = prepare(text, self.lemmas)
            names = self.ner.spans(doc) if self.ner is not None else []
            return self.extract_tagged(text, doc, self.tagger.tag(doc), names)

    def extract_tagged(self, text: str, doc: PreparedDoc, tagging: Tagging, names: list[NamedSpan]) -> ExtractionResult:
        """The stages after tagging (rules, speaker ranking, entities) on a prepared, tagged
        document; cross-validation of the speaker ranker reuses stored taggings through it."""
        sets = SpanSets.of(doc, tagging, names)
        atts = attribute(doc, sets, self.ranker)
        speakers = {c for a in atts for c in (a.speaker, a.refers_to) if c is not None}
        entities, entity_of = build_entities(
            doc, sets.mentions, speakers, self.model_dir / GAZETTEER_FILE, sets.name_type, sets.quoted_mentions
        )
        by_span = _entity_by_span(entity_of)
        quotes: list[Quote] = []
        for att in atts:
            spans_c = _char_spans(doc, att.parts)
            speaker = cue = None
            if att.speaker is not None:
                shown_b, shown_e = speaker_mention_span(doc, att.speaker.begin, att.speaker.end)
                sb, se = doc.tokens[shown_b].start, doc.tokens[shown_e - 1].end
                speaker = Mention(text=text[sb:se], spans=[(sb, se)])
            if att.cue is not None:
                cb, ce = _char_spans(doc, [att.cue])[0]
                cue = Mention(text=text[cb:ce], spans=[(cb, ce)])
            conf = att.speaker_prob if att.speaker is not None else 1.0 - att.speaker_prob
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    kind=_kind(doc, att),
                    text=" … ".join(text[b:e] for b, e in spans_c),
                    spans=spans_c,
                    cue=cue,
                    speaker=speaker,
                    entity=_entity(att, entity_of, by_span),
                    confidence=round(min(1.0, max(0.0, conf)), 3),
                )
            )
        common = None if self.common_words is None else partial(declined_noun, self.common_words)
        entities = add_known_names(text, quotes, entities, common)
        entities = add_product_names(text, quotes, entities, word_set("camel_non_names.txt"), common)
        annotated = annotate_quotes(text, quotes, entities, self.lemmas, self.common_words)
        # roles that only add role fields, read once quotes and speakers are final (they steer no speaker)
        kinds = kind_at(sets.name_type, doc, _gazetteer(self.model_dir / GAZETTEER_FILE))
        return ExtractionResult(quotes=annotated, entities=add_roles(doc, entities, kinds, annotated))

    def extract_many(
        self, texts: list[str], outlets: Sequence[OwnOutlet | None] | None = None
    ) -> list[ExtractionResult]:
        own = list(outlets) if outlets is not None else [None] * len(texts)
        if len(own) != len(texts):
            raise ValueError("extract_many needs one outlet (or None) per text")
        return [self.extract(t, o) for t, o in zip(texts, own, strict=True)]
