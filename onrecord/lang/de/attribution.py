"""Join tagged quotes with speakers: post-process quote spans, then rank speaker candidates.

Needs: a PreparedDoc and the tagger's spans. Adds: one :class:`Attribution` per quote with
the chosen speaker candidate (or none), the cue nearest to it and a confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from onrecord.lang.de.features import cue_class
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.ranker import LinearRanker
from onrecord.lang.de.speakers import (
    Candidate,
    candidates_for_quote,
    count_between,
    mention_candidates,
    pair_features,
)
from onrecord.lang.de.tokens import PreparedDoc

_EDGE_PUNCT = frozenset({",", ";", ".", ":", "-", "–", "—"})
MERGE_GAP = 8  # tokens of attribution an indirect quote may be split around


@dataclass
class Attribution:
    """A quote (one or more token spans of one class), its speaker, cue and confidence."""

    parts: list[TokenSpan]
    speaker: Candidate | None
    cue: TokenSpan | None
    speaker_prob: float

    @property
    def cls(self) -> str:
        return self.parts[0].cls

    @property
    def begin(self) -> int:
        return self.parts[0].begin

    @property
    def end(self) -> int:
        return self.parts[-1].end


def trim(doc: PreparedDoc, span: TokenSpan) -> TokenSpan | None:
    """Drop separating punctuation at the edges of a non-direct quote span."""
    b, e = span.begin, span.end
    if span.cls != "DQ":
        while b < e and doc.tokens[b].text in _EDGE_PUNCT:
            b += 1
        while e > b and doc.tokens[e - 1].text in _EDGE_PUNCT:
            e -= 1
    return TokenSpan(span.cls, b, e) if e > b else None


def group_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> list[list[TokenSpan]]:
    """Quote spans in order; an indirect quote split around a short attribution in the same
    sentence ("X sei, so Y, Z") becomes one quote with two parts."""
    lex = lexicon()
    quotes = [t for s in spans if s.cls in QUOTE_CLASSES and (t := trim(doc, s)) is not None]
    groups: list[list[TokenSpan]] = []
    for q in quotes:
        if groups:
            prev = groups[-1][-1]
            gap = doc.tokens[prev.end : q.begin]
            if (
                q.cls != "DQ"
                and prev.cls == q.cls
                and len(gap) <= MERGE_GAP
                and doc.tokens[prev.begin].sent == doc.tokens[q.begin].sent
                and any(cue_class(t, lex) for t in gap)
            ):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def nearest_cue(quote: list[TokenSpan], speaker: Candidate | None, cues: list[TokenSpan], doc: PreparedDoc) -> TokenSpan | None:
    """The tagged cue in the quote's sentences closest to the speaker (or the quote)."""
    sents = {doc.tokens[quote[0].begin].sent, doc.tokens[quote[-1].end - 1].sent}
    if speaker is not None:
        sents.add(doc.tokens[speaker.begin].sent)
    near = [c for c in cues if doc.tokens[c.begin].sent in sents]
    if not near:
        return None
    anchor = speaker.begin if speaker is not None else quote[0].begin
    return min(near, key=lambda c: abs(c.begin - anchor))


@dataclass
class SpanSets:
    """The tagger's spans split by role, plus the speaker-like mentions of the document."""

    crf_speakers: list[TokenSpan]
    cues: list[TokenSpan]
    mentions: list[Candidate]

    @classmethod
    def of(cls, doc: PreparedDoc, spans: list[TokenSpan]) -> SpanSets:
        speakers = [s for s in spans if s.cls == "SPK"]
        return cls(speakers, [s for s in spans if s.cls == "CUE"], mention_candidates(doc, speakers))


def quote_candidates(
    doc: PreparedDoc, parts: list[TokenSpan], sets: SpanSets, prev_speaker: str | None
) -> Iterator[tuple[Candidate, list[str]]]:
    """(candidate, features) for every speaker candidate of one quote."""
    lex = lexicon()
    whole = TokenSpan(parts[0].cls, parts[0].begin, parts[-1].end)
    cands = candidates_for_quote(doc, whole, sets.mentions)
    for cand in cands:
        if parts[0].cls == "DQ" and cand.begin >= whole.begin and cand.end <= whole.end:
            continue  # a direct quote does not name its own speaker
        between = count_between(whole, cand, cands)
        yield cand, pair_features(doc, whole, cand, sets.crf_speakers, sets.cues, between, prev_speaker, lex)


def candidate_text(doc: PreparedDoc, cand: Candidate) -> str:
    return " ".join(t.text for t in doc.tokens[cand.begin : cand.end])


def attribute(doc: PreparedDoc, spans: list[TokenSpan], ranker: LinearRanker) -> list[Attribution]:
    """Choose a speaker for every quote, left to right (the previous speaker is a feature)."""
    sets = SpanSets.of(doc, spans)
    out: list[Attribution] = []
    prev: str | None = None
    for parts in group_quotes(doc, spans):
        best: tuple[float, Candidate] | None = None
        for cand, feats in quote_candidates(doc, parts, sets, prev):
            p = ranker.score(feats)
            if best is None or p > best[0]:
                best = (p, cand)
        speaker = best[1] if best and best[0] >= ranker.threshold else None
        if speaker is not None:
            prev = candidate_text(doc, speaker)
        cue = nearest_cue(parts, speaker, sets.cues, doc)
        out.append(Attribution(parts=parts, speaker=speaker, cue=cue, speaker_prob=best[0] if best else 0.0))
    return out
