"""The attribution metric: character overlap of quote spans, matched one-to-one.

* Quote spans become sets of character positions, whitespace ignored.
* Predictions and gold quotes are matched one-to-one, largest overlap first.
* A match earns ``overlap/|pred|`` toward precision and ``overlap/|gold|`` toward recall.
* Joint scores count a match only when the speaker is right: the predicted speaker mention
  overlaps the gold speaker span, or the resolved entity's name shares a word of three or more
  letters with it; a gold quote without speaker needs a prediction without speaker.
* Nested gold quotes are skipped.
* Counted, not by characters (the measure of "how many found quotes are real and how many of
  those have the right speaker"): a prediction is a *correct quote* when it is matched to a
  gold quote and at least half of its characters lie in it; ``speaker accuracy`` is the share
  of correct quotes whose speaker is right.
* Gold quotes of the hand-annotated sets carry a ``speaker_label`` (the name a pronoun or a
  role noun stands for); a resolved entity name sharing a word with it also counts as right.

Roles (the roles set): per field (title, organization, place), each gold role is matched to
the predicted entity with the largest overlap between its mentions and the role's mention;
exact match after whitespace normalisation. Precision counts the distinct values an entity's
roles give for the field; recall the gold roles with a value for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from onrecord.evaluation.gold import GoldDoc, GoldQuote, GoldRole
from onrecord.model import Entity, Quote, Span

_WORD = re.compile(r"\w{3,}")
_SPACE = re.compile(r"\s+")
#: the share of a prediction's characters that must lie in its gold quote to count as a correct quote
CORRECT_SHARE = 0.5
#: the fields of a role that are scored
ROLE_FIELDS = ("title", "organization", "place", "former")


@dataclass
class PredQuote:
    """A predicted quote as the scorer sees it."""

    spans: list[Span]
    speaker: list[Span] = field(default_factory=list)
    entity_name: str | None = None
    kind: str | None = None


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of a precision and a recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


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
        return f1_of(self.precision, self.recall)

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
class QuoteCounts:
    """Counts of predictions: how many are correct quotes, and of those how many have the right speaker."""

    predicted: int = 0
    correct: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.correct if self.correct else 0.0

    def add(self, other: QuoteCounts) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.speaker_right += other.speaker_right

    def as_dict(self) -> dict[str, float | int]:
        return {
            "quote_precision": round(self.precision, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "predicted": self.predicted,
            "correct_quotes": self.correct,
            "speaker_right": self.speaker_right,
        }


@dataclass
class DocScore:
    """Quote-only and joint scores, plus recall per gold kind, for one or many documents."""

    quote: Score = field(default_factory=Score)
    joint: Score = field(default_factory=Score)
    recall_by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    counts: QuoteCounts = field(default_factory=QuoteCounts)

    def add(self, other: DocScore) -> None:
        self.quote.add(other.quote)
        self.joint.add(other.joint)
        for kind, score in other.recall_by_kind.items():
            self.recall_by_kind[kind].add(score)
        self.counts.add(other.counts)


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
        gold_words |= _label_words(gold.speaker_label)
        pred_words = {w.lower() for w in _WORD.findall(pred.entity_name)}
        return bool(gold_words & pred_words)
    return False


def _label_words(label: str | None) -> set[str]:
    """The words of a speaker label (``document:`` marks a document source and is no name)."""
    if not label:
        return set()
    return {w.lower() for w in _WORD.findall(label.removeprefix("document:"))}


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
    result.counts.predicted = len(pred)
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
        right_speaker = speaker_correct(text, gold[gi], pred[pi])
        if right_speaker:
            result.joint.p_credit += p_credit
            result.joint.r_credit += r_credit
        if p_credit >= CORRECT_SHARE:
            result.counts.correct += 1
            result.counts.speaker_right += int(right_speaker)
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


# --------------------------------------------------------------------------- roles


def normalise(value: str | None) -> str | None:
    """A role field compared exactly after whitespace normalisation (``None`` for empty)."""
    if value is None:
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _role_value(role: object, name: str) -> str | None:
    """The compared value of one role field; ``former`` counts as the value "former" when set
    (scored per entity: an entity with a former role, gold or predicted)."""
    if name == "former":
        return "former" if getattr(role, "former", False) else None
    return normalise(getattr(role, name))


@dataclass
class RoleScore:
    """Count-based precision/recall per role field, for one or many documents."""

    fields: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in ROLE_FIELDS})
    gold_roles: int = 0
    matched_roles: int = 0

    def add(self, other: RoleScore) -> None:
        for name, score in other.fields.items():
            self.fields[name].add(score)
        self.gold_roles += other.gold_roles
        self.matched_roles += other.matched_roles

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_roles": self.gold_roles,
            "matched_to_an_entity": self.matched_roles,
            **{name: score.as_dict() for name, score in self.fields.items()},
        }


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_role_entities(gold: list[GoldRole], entities: list[Entity]) -> list[int | None]:
    """For each gold role, the index of the entity whose mentions overlap its mention most."""
    matches: list[int | None] = []
    for role in gold:
        best: tuple[int, int] | None = None
        for index, entity in enumerate(entities):
            overlap = max((_overlap(role.span, tuple(m)) for m in entity.mentions), default=0)  # type: ignore[arg-type]
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, index)
        matches.append(best[1] if best else None)
    return matches


def score_roles(gold: list[GoldRole], entities: list[Entity]) -> RoleScore:
    """Score the roles of one document's predicted entities against its (exhaustive) gold roles."""
    result = RoleScore(gold_roles=len(gold))
    matches = match_role_entities(gold, entities)
    result.matched_roles = sum(m is not None for m in matches)
    for name in ROLE_FIELDS:
        score = result.fields[name]
        predicted: dict[int, set[str]] = {}
        for index, entity in enumerate(entities):
            values = {v for v in (_role_value(r, name) for r in entity.roles) if v}
            if values:
                predicted[index] = values
        score.n_pred = sum(len(v) for v in predicted.values())
        gold_values: dict[int, set[str]] = defaultdict(set)
        for role, match in zip(gold, matches, strict=True):
            value = _role_value(role, name)
            if value is None:
                continue
            score.n_gold += 1
            if match is not None:
                gold_values[match].add(value)
                score.r_credit += int(value in predicted.get(match, set()))
        score.p_credit = sum(len(values & gold_values.get(index, set())) for index, values in predicted.items())
    return result
