"""Error classes of the roles set, counted without showing a single item (issue 13, point 2).

For each field (title, organization, place) a gold value is, against the entity the scorer
matches to its mention (:func:`~onrecord.evaluation.metrics.match_role_entities`):

* ``exact``: one of the entity's predicted values (what the scorer credits);
* ``boundary``: not exact, but a predicted value overlaps it (a shared word, or one string
  inside the other): a convention mismatch (articles, modifiers, a body kept in the title …);
* ``wrong``: the entity has values for the field, none overlapping;
* ``other_field``: no value for the field, but another field of the entity overlaps it
  (an organisation left inside the title);
* ``missing``: the entity gives nothing for the field; ``no_entity``: no entity overlaps the
  mention.

A predicted value the gold of its entity lacks is ``fp_boundary`` (it overlaps a gold value of
that entity), ``fp_wrong`` (the entity has other gold values) or ``fp_spurious``. Only the
counts are printed, so held-out parts can be inspected by class without reading their errors:

    python -m onrecord.evaluation.role_errors --data ../shared/data heldout7 heldout8
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from onrecord.evaluation.gold import HELD_BACK, GoldRole, read_roles
from onrecord.evaluation.metrics import match_role_entities, normalise
from onrecord.model import Entity

FIELDS = ("title", "organization", "place")
CLASSES = (
    "exact", "boundary", "wrong", "other_field", "missing", "no_entity", "fp_boundary", "fp_wrong", "fp_spurious"
)


def _words(value: str) -> set[str]:
    return {w.lower().strip(".,'’") for w in value.split()} - {""}


def overlaps(a: str, b: str) -> bool:
    """Whether two field values share a word or one holds the other ("Sprecher",
    "Außenamtssprecher")."""
    if _words(a) & _words(b):
        return True
    low_a, low_b = a.lower(), b.lower()
    return len(low_a) >= 3 and low_a in low_b or len(low_b) >= 3 and low_b in low_a


def _values(entity: Entity, name: str) -> set[str]:
    return {v for v in (normalise(getattr(r, name)) for r in entity.roles) if v}


def classify_role_errors(gold: list[GoldRole], entities: list[Entity]) -> Counter[tuple[str, str]]:
    """The (field, class) counts of one document's predicted roles against its gold roles."""
    counts: Counter[tuple[str, str]] = Counter()
    matches = match_role_entities(gold, entities)
    for name in FIELDS:
        gold_values: dict[int, set[str]] = {}
        for role, match in zip(gold, matches, strict=True):
            value = normalise(getattr(role, name))
            if value is None:
                continue
            if match is None:
                counts[name, "no_entity"] += 1
                continue
            gold_values.setdefault(match, set()).add(value)
            predicted = _values(entities[match], name)
            others = {v for other in FIELDS if other != name for v in _values(entities[match], other)}
            if value in predicted:
                kind = "exact"
            elif any(overlaps(p, value) for p in predicted):
                kind = "boundary"
            elif predicted:
                kind = "wrong"
            elif any(overlaps(o, value) for o in others):
                kind = "other_field"
            else:
                kind = "missing"
            counts[name, kind] += 1
        for index, entity in enumerate(entities):
            wanted = gold_values.get(index, set())
            for value in _values(entity, name) - wanted:
                if any(overlaps(value, g) for g in wanted):
                    counts[name, "fp_boundary"] += 1
                else:
                    counts[name, "fp_wrong" if wanted else "fp_spurious"] += 1
    return counts


def _split_counts(split: str, data: Path) -> dict[str, Counter[tuple[str, str]]]:
    from onrecord.lang import get_extractor  # (the extractors load models: only when run)

    by_language: dict[str, Counter[tuple[str, str]]] = {}
    docs = read_roles(split, data)
    for lang in sorted({d.language for d in docs}):
        mine = [d for d in docs if d.language == lang]
        results = get_extractor(lang).extract_many([d.text for d in mine])
        total: Counter[tuple[str, str]] = Counter()
        for doc, result in zip(mine, results, strict=True):
            total.update(classify_role_errors(doc.roles, list(result.entities)))
        by_language[lang] = total
    return by_language


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="+", help="parts of the roles set, pooled (never a held-back one)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    held = [s for s in args.splits if ("roles.jsonl", s) in HELD_BACK or s == "all"]
    if held:
        parser.error(f"held-back or pooled parts are not inspected: {', '.join(held)}")
    pooled: dict[str, Counter[tuple[str, str]]] = {}
    for split in args.splits:
        for lang, counts in _split_counts(split, args.data).items():
            pooled.setdefault(lang, Counter()).update(counts)
    print("field        lang " + " ".join(f"{c:>11}" for c in CLASSES))
    for name in FIELDS:
        for lang, counts in sorted(pooled.items()):
            print(f"{name:<12} {lang:<4} " + " ".join(f"{counts[name, c]:>11}" for c in CLASSES))


if __name__ == "__main__":
    main()
