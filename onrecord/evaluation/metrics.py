"""The attribution metric: character overlap of quote spans, matched one-to-one.

* Quote spans become sets of character positions, whitespace ignored.
* Predictions and gold quotes are matched one-to-one, largest overlap first.
* A match earns ``overlap/|pred|`` toward precision and ``overlap/|gold|`` toward recall.
* Joint scores count a match only when the speaker is right: the predicted speaker mention
  overlaps the gold speaker span, or the resolved entity's name shares a word of three or more
  letters with it; a gold quote without speaker needs a prediction without speaker.
* Nested gold quotes are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from onrecord.evaluation.gold import GoldDoc, GoldQuote
from onrecord.model import Entity, Quote, Span

_WORD = re.compile(r"\w{3,}")


@dataclass
class PredQuote:
    """A predicted quote as the scorer sees it."""

    spans: list[Span]
    speaker: list[Span] = field(default_factory=list)
    entity_name: str | None = None
    kind: str | None = None


@dataclass
class Score:
    """Accumulated precision/recall credit."""

    p_credit: float = 0.0
    r_credit: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.p_credit / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.r_credit / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.p_credit += other.p_credit
        self.r_credit += other.r_credit
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass
class DocScore:
    """Quote-only and joint scores, plus recall per gold kind, for one or many documents."""

    quote: Score = field(default_factory=Score)
    joint: Score = field(default_factory=Score)
    recall_by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))

    def add(self, other: DocScore) -> None:
        self.quote.add(other.quote)
        self.joint.add(other.joint)
        for kind, score in other.recall_by_kind.items():
            self.recall_by_kind[kind].add(score)


def char_set(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """Positions of the non-whitespace characters inside ``spans``."""
    return frozenset(i for b, e in spans for i in range(b, min(e, len(text))) if not text[i].isspace())


def speaker_correct(text: str, gold: GoldQuote, pred: PredQuote) -> bool:
    """Whether the predicted speaker counts as right for this gold quote."""
    if not gold.speaker:
        return not pred.speaker and not pred.entity_name
    gold_chars = char_set(text, gold.speaker)
    if pred.speaker and gold_chars & char_set(text, pred.speaker):
        return True
    if pred.entity_name:
        gold_words = {w.lower() for b, e in gold.speaker for w in _WORD.findall(text[b:e])}
        pred_words = {w.lower() for w in _WORD.findall(pred.entity_name)}
        return bool(gold_words & pred_words)
    return False


def score_document(text: str, gold: list[GoldQuote], pred: list[PredQuote]) -> DocScore:
    """Score one document's predictions against its (top-level) gold quotes."""
    gold = [g for g in gold if not g.nested]
    gold_sets = [char_set(text, g.spans) for g in gold]
    pred_sets = [char_set(text, p.spans) for p in pred]
    pairs = sorted(
        (
            (len(gs & ps), gi, pi)
            for gi, gs in enumerate(gold_sets)
            for pi, ps in enumerate(pred_sets)
            if gs and ps and not gs.isdisjoint(ps)
        ),
        reverse=True,
    )
    result = DocScore()
    result.quote.n_gold = result.joint.n_gold = len(gold)
    result.quote.n_pred = result.joint.n_pred = len(pred)
    for g in gold:
        result.recall_by_kind[g.kind or "all"].n_gold += 1
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for overlap, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        p_credit = overlap / len(pred_sets[pi])
        r_credit = overlap / len(gold_sets[gi])
        result.quote.p_credit += p_credit
        result.quote.r_credit += r_credit
        result.recall_by_kind[gold[gi].kind or "all"].r_credit += r_credit
        if speaker_correct(text, gold[gi], pred[pi]):
            result.joint.p_credit += p_credit
            result.joint.r_credit += r_credit
    return result


def predictions(quotes: Iterable[Quote], entities: Iterable[Entity]) -> list[PredQuote]:
    """Turn extracted quotes into scorer predictions (speaker mention + resolved name)."""
    names = {e.id: e.name for e in entities}
    return [
        PredQuote(
            spans=list(q.spans),
            speaker=list(q.speaker.spans) if q.speaker else [],
            entity_name=names.get(q.entity) if q.entity else None,
            kind=q.kind,
        )
        for q in quotes
    ]


def score_corpus(pairs: Iterable[tuple[GoldDoc, list[PredQuote]]]) -> DocScore:
    """Sum of document scores over a corpus (micro-averaged)."""
    total = DocScore()
    for gold_doc, preds in pairs:
        total.add(score_document(gold_doc.text, gold_doc.quotes, preds))
    return total
