"""Scoring the stance of statements (issue 17) against the hand-labelled stance set.

* Gold statements and predicted quotes are matched one-to-one by character overlap of their
  spans (whitespace ignored), largest overlap first; any overlap counts. **Coverage** = gold
  statements with a matched quote / gold statements.
* On the matched pairs, per field (``stance``, ``negated``, ``source_anonymity``): accuracy,
  macro-F1 over the labels that occur in the gold or the predictions of those pairs, per-label
  precision/recall/F1 and the confusion counts. Unmatched gold statements count for coverage
  only (their labels are not guessed).
* ``about``: on the matched pairs, a predicted entity matches a gold entity of the statement
  when one of its mentions overlaps one of the gold mentions, or its name shares a word of three
  or more letters with the gold label; one-to-one. Precision = matched predicted entities /
  predicted entities, recall = matched gold entities / gold entities.
* The ``about`` sample (``about.jsonl``, :func:`score_about_document`) is scored the same way
  on the statements it holds (system quotes checked by hand), with one stricter rule: a mention
  overlap counts only on a gold **name** mention, not on a gold pronoun (an entity that a
  pronoun was wrongly resolved to overlaps the pronoun but is not the one meant).
* A quote without one of these fields (output from before the stance fields existed) is scored
  as the default (``asserted``, ``False``, ``named``, no entities), and the report counts how
  many matched quotes lacked each field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from onrecord.evaluation.gold import GoldAbout, GoldAboutStatement, GoldStatement
from onrecord.evaluation.metrics import char_set, f1_of
from onrecord.model import Entity, Quote, Span

#: the labelled fields, in report order, and the value a quote without the field is scored as
STANCE_DEFAULTS: dict[str, str | bool] = {"stance": "asserted", "negated": False, "source_anonymity": "named"}
#: every field the scorer reads from a quote (``about`` holds entity ids)
STANCE_FIELDS = (*STANCE_DEFAULTS, "about")

_WORD = re.compile(r"\w{3,}")


@dataclass
class PredEntity:
    """An entity a predicted statement is about: its id, name and mentions in the text."""

    id: str
    name: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class PredStatement:
    """A predicted quote as the stance scorer sees it (defaults filled in, missing fields noted)."""

    spans: list[Span]
    stance: str = "asserted"
    negated: bool = False
    source_anonymity: str = "named"
    about: list[PredEntity] = field(default_factory=list)
    missing: frozenset[str] = frozenset()


def stance_predictions(quotes: Iterable[Quote], entities: Iterable[Entity]) -> list[PredStatement]:
    """Read stance, negation, anonymity and ``about`` from quotes; absent or empty fields become defaults."""
    by_id = {e.id: e for e in entities}
    out: list[PredStatement] = []
    for quote in quotes:
        missing: set[str] = set()
        values: dict[str, str | bool] = {}
        for name, default in STANCE_DEFAULTS.items():
            value = getattr(quote, name, None)
            if value is None:
                missing.add(name)
                value = default
            values[name] = value
        ids = getattr(quote, "about", None)
        if ids is None:
            missing.add("about")
            ids = []
        about = [
            PredEntity(id=i, name=by_id[i].name, mentions=[(int(b), int(e)) for b, e in by_id[i].mentions])
            for i in ids
            if i in by_id
        ]
        out.append(
            PredStatement(
                spans=[(int(b), int(e)) for b, e in quote.spans],
                stance=str(values["stance"]),
                negated=bool(values["negated"]),
                source_anonymity=str(values["source_anonymity"]),
                about=about,
                missing=frozenset(missing),
            )
        )
    return out


def _key(value: str | bool) -> str:
    return str(value).lower() if isinstance(value, bool) else value


@dataclass
class FieldScore:
    """Gold/predicted label pairs of one field over the matched statements."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add_pair(self, gold: str | bool, pred: str | bool) -> None:
        self.pairs[(_key(gold), _key(pred))] += 1

    def add(self, other: FieldScore) -> None:
        self.pairs.update(other.pairs)

    @property
    def total(self) -> int:
        return sum(self.pairs.values())

    @property
    def accuracy(self) -> float:
        return sum(n for (g, p), n in self.pairs.items() if g == p) / self.total if self.total else 0.0

    def labels(self) -> list[str]:
        return sorted({label for pair in self.pairs for label in pair})

    def per_label(self) -> dict[str, dict[str, float | int]]:
        out: dict[str, dict[str, float | int]] = {}
        for label in self.labels():
            right = self.pairs[(label, label)]
            gold = sum(n for (g, _), n in self.pairs.items() if g == label)
            pred = sum(n for (_, p), n in self.pairs.items() if p == label)
            precision = right / pred if pred else 0.0
            recall = right / gold if gold else 0.0
            out[label] = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1_of(precision, recall), 4),
                "gold": gold,
                "predicted": pred,
            }
        return out

    @property
    def macro_f1(self) -> float:
        scores = self.per_label()
        return sum(float(s["f1"]) for s in scores.values()) / len(scores) if scores else 0.0

    def as_dict(self) -> dict[str, object]:
        confusion: dict[str, dict[str, int]] = {}
        for (gold, pred), n in sorted(self.pairs.items()):
            confusion.setdefault(gold, {})[pred] = n
        return {
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "statements": self.total,
            "per_label": self.per_label(),
            "confusion": confusion,
        }


@dataclass
class AboutScore:
    """Entity-level precision/recall of ``about`` over the matched statements."""

    pred_right: int = 0
    predicted: int = 0
    gold_found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.pred_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def add(self, other: AboutScore) -> None:
        self.pred_right += other.pred_right
        self.predicted += other.predicted
        self.gold_found += other.gold_found
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class StanceScore:
    """Coverage, per-field label scores and ``about`` scores, for one or many documents."""

    gold: int = 0
    matched: int = 0
    predicted: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in STANCE_DEFAULTS})
    about: AboutScore = field(default_factory=AboutScore)
    #: matched quotes that lacked a field (scored as its default)
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def coverage(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def add(self, other: StanceScore) -> None:
        self.gold += other.gold
        self.matched += other.matched
        self.predicted += other.predicted
        for name, score in other.fields.items():
            self.fields[name].add(score)
        self.about.add(other.about)
        self.missing.update(other.missing)

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_statements": self.gold,
            "matched": self.matched,
            "coverage": round(self.coverage, 4),
            "predicted_quotes": self.predicted,
            **{name: score.as_dict() for name, score in self.fields.items()},
            "about": self.about.as_dict(),
            "missing_fields": {name: self.missing[name] for name in STANCE_FIELDS if self.missing[name]},
        }


def match_statements(
    text: str, gold: list[GoldStatement] | list[GoldAboutStatement], preds: list[PredStatement]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, largest character overlap first."""
    gold_sets = [char_set(text, g.spans) for g in gold]
    pred_sets = [char_set(text, p.spans) for p in preds]
    candidates = sorted(
        (
            (-len(gs & ps), gi, pi)
            for gi, gs in enumerate(gold_sets)
            for pi, ps in enumerate(pred_sets)
            if not gs.isdisjoint(ps)
        )
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _words(value: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(value)}


#: third-person pronouns (German and English): a gold mention of one of these is matched by name only
GOLD_PRONOUNS = frozenset(
    "er sie es ihn ihm ihr ihre ihrer ihren ihrem ihres sein seine seiner seinen seinem seines ihnen "
    "he him his himself she her hers herself it its itself they them their theirs themselves".split()
)


def _about_match(gold: GoldAbout, pred: PredEntity, text: str | None = None) -> bool:
    mentions = gold.mentions
    if text is not None:
        mentions = [(b, e) for b, e in mentions if text[b:e].casefold() not in GOLD_PRONOUNS]
    if any(b < pe and pb < e for b, e in mentions for pb, pe in pred.mentions):
        return True
    return bool(_words(gold.label) & _words(pred.name))


def score_about(gold: list[GoldAbout], pred: list[PredEntity], text: str | None = None) -> AboutScore:
    """Entity-level about score of one statement (one-to-one, in gold order); with ``text``, a gold
    pronoun mention is matched by name only (the ``about`` sample's rule)."""
    distinct: list[PredEntity] = []
    for entity in pred:
        if all(entity.id != seen.id for seen in distinct):
            distinct.append(entity)
    used: set[int] = set()
    found = 0
    for g in gold:
        for index, entity in enumerate(distinct):
            if index not in used and _about_match(g, entity, text):
                used.add(index)
                found += 1
                break
    return AboutScore(pred_right=len(used), predicted=len(distinct), gold_found=found, gold=len(gold))


def score_stance_document(text: str, gold: list[GoldStatement], preds: list[PredStatement]) -> StanceScore:
    """Score one document's predicted quotes against its labelled statements."""
    result = StanceScore(gold=len(gold), predicted=len(preds))
    for gi, pi in match_statements(text, gold, preds):
        g, p = gold[gi], preds[pi]
        result.matched += 1
        result.fields["stance"].add_pair(g.stance, p.stance)
        result.fields["negated"].add_pair(g.negated, p.negated)
        result.fields["source_anonymity"].add_pair(g.source_anonymity, p.source_anonymity)
        if g.about is not None:  # statements labelled without ``about`` (heldout2) leave it out
            result.about.add(score_about(g.about, p.about))
        result.missing.update(p.missing)
    return result


@dataclass
class AboutSetScore:
    """Coverage and ``about`` precision/recall on the hand-checked ``about`` sample."""

    gold: int = 0
    matched: int = 0
    predicted: int = 0
    about: AboutScore = field(default_factory=AboutScore)

    @property
    def coverage(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def add(self, other: AboutSetScore) -> None:
        self.gold += other.gold
        self.matched += other.matched
        self.predicted += other.predicted
        self.about.add(other.about)

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_statements": self.gold,
            "matched": self.matched,
            "coverage": round(self.coverage, 4),
            "predicted_quotes": self.predicted,
            "about": self.about.as_dict(),
        }


def score_about_document(text: str, gold: list[GoldAboutStatement], preds: list[PredStatement]) -> AboutSetScore:
    """Score one document's predicted ``about`` against the sample's hand-checked statements."""
    result = AboutSetScore(gold=len(gold), predicted=len(preds))
    for gi, pi in match_statements(text, gold, preds):
        result.matched += 1
        result.about.add(score_about(gold[gi].about, preds[pi].about, text))
    return result
