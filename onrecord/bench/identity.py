"""Proof that a speed-up changes no output: compare two runs of ``onrecord analyze``.

``python -m onrecord.bench.identity OLD.jsonl NEW.jsonl`` compares two JSONL outputs of
``onrecord analyze DIR --format jsonl`` over the same texts (e.g. all 924 PolNeAR train+dev
texts of ``attribution-en``, analysed once by the code before a change and once after) article
by article, keyed by id, and prints how many are byte-identical and which differ (quotes,
entities or other fields). Exit status 0 only when every article is identical. Not a timed test:
it reads the two files given and nothing else.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Comparison:
    """The outcome of comparing two analysis runs."""

    identical: int = 0
    #: article id -> the top-level fields that differ
    differing: dict[str, list[str]] = field(default_factory=dict)
    only_old: list[str] = field(default_factory=list)
    only_new: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.differing or self.only_old or self.only_new)


def read_analyses(lines: Iterable[str]) -> dict[str, dict[str, object]]:
    """Analyses by article id from JSONL lines (blank lines skipped)."""
    out: dict[str, dict[str, object]] = {}
    for line in lines:
        if line.strip():
            obj = json.loads(line)
            out[str(obj["id"])] = obj
    return out


def compare(old: dict[str, dict[str, object]], new: dict[str, dict[str, object]]) -> Comparison:
    """Article-by-article comparison of two runs (field by field, in canonical JSON)."""
    result = Comparison(only_old=sorted(set(old) - set(new)), only_new=sorted(set(new) - set(old)))
    for key in sorted(set(old) & set(new)):
        a, b = old[key], new[key]
        fields = sorted(name for name in set(a) | set(b) if _canonical(a.get(name)) != _canonical(b.get(name)))
        if fields:
            result.differing[key] = fields
        else:
            result.identical += 1
    return result


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m onrecord.bench.identity OLD.jsonl NEW.jsonl", file=sys.stderr)
        return 2
    old, new = (read_analyses(Path(p).read_text(encoding="utf-8").splitlines()) for p in argv)
    result = compare(old, new)
    print(json.dumps({
        "articles": len(set(old) | set(new)),
        "identical": result.identical,
        "differing": result.differing,
        "only_old": result.only_old,
        "only_new": result.only_new,
    }, indent=1))  # fmt: skip
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
