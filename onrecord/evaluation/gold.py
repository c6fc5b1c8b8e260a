"""Readers of gold attribution corpora into one shape: :class:`GoldDoc`.

Two formats are read:

* the German quotation JSON of Petersen-Frey & Biemann (one ``*.json`` per article with
  ``originalText`` and ``annotations``), and
* brat standoff as in PolNeAR (``text/*.txt`` + ``attributions/*.ann``, ``E`` lines joining
  ``Source``, ``Cue`` and ``Content`` text-bound annotations).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.errors import DataError
from onrecord.model import Span

#: gold ``type`` of the German corpus -> contract ``kind``
GERMAN_KINDS = {
    "Direct": "direct",
    "Indirect": "indirect",
    "Reported": "reported",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect",
}


# brat lines start with an id; a covered text containing line breaks continues on lines without one
_TEXT_BOUND = re.compile(r"^T\d+\t")
_EVENT = re.compile(r"^E\d+\t")


@dataclass
class GoldQuote:
    """One gold attribution: quote spans, speaker spans (may be empty), cue spans, kind."""

    spans: list[Span]
    speaker: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    kind: str | None = None
    nested: bool = False
    raw_type: str | None = None


@dataclass
class GoldDoc:
    """One gold article."""

    id: str
    text: str
    quotes: list[GoldQuote]
    language: str


def _spans(obj: dict[str, object]) -> list[Span]:
    spans = obj.get("spans") or []
    assert isinstance(spans, list)
    return [(int(s["charBegin"]), int(s["charEnd"])) for s in spans]


def read_german_doc(path: Path) -> GoldDoc:
    """Read one article of the German quotation corpus."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["originalText"]
        quotes = [
            GoldQuote(
                spans=_spans(a["quote"]),
                speaker=_spans(a["speaker"]),
                cue=_spans(a["cue"]),
                kind=GERMAN_KINDS.get(a.get("type", ""), None),
                nested=bool(a.get("isNested")),
                raw_type=a.get("type"),
            )
            for a in data.get("annotations", [])
            if a.get("quote", {}).get("spans")
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{path}: not a German quotation JSON file ({exc})") from exc
    return GoldDoc(id=path.stem, text=text, quotes=quotes, language="de")


def _brat_spans(field_: str) -> list[Span]:
    out: list[Span] = []
    for part in field_.split(";"):
        begin, end = part.split()
        out.append((int(begin), int(end)))
    return out


def read_brat_doc(text_path: Path, ann_path: Path, language: str = "en") -> GoldDoc:
    """Read one brat article: each ``E`` line is one attribution (Content, Source, Cue)."""
    text = text_path.read_text(encoding="utf-8")
    spans: dict[str, list[Span]] = {}
    quotes: list[GoldQuote] = []
    events: list[str] = []
    for lineno, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            if _TEXT_BOUND.match(line):
                tid, middle, _ = line.split("\t", 2)
                _, offsets = middle.split(" ", 1)
                spans[tid] = _brat_spans(offsets)
            elif _EVENT.match(line):
                events.append(line.split("\t")[1])
        except ValueError as exc:
            raise DataError(f"{ann_path}:{lineno}: malformed brat annotation ({exc})") from exc
    try:
        for event in events:
            args = dict(arg.split(":", 1) for arg in event.split() if ":" in arg)
            content = [s for key in ("Content", "Content2") if key in args for s in spans[args[key]]]
            if not content:
                continue
            quotes.append(
                GoldQuote(
                    spans=sorted(content),
                    speaker=spans.get(args.get("Source", ""), []),
                    cue=spans.get(args.get("Cue", ""), []),
                )
            )
    except (ValueError, KeyError) as exc:
        raise DataError(f"{ann_path}: malformed brat event ({exc})") from exc
    return GoldDoc(id=text_path.stem, text=text, quotes=quotes, language=language)


def detect_format(path: Path) -> str:
    """``german-json`` or ``brat``, from the folder's layout."""
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return "brat"
    if any(path.glob("*.json")):
        return "german-json"
    raise DataError(f"{path}: neither a folder of German quotation JSON nor brat text/ + attributions/")


def resolve_split(path: Path, split: str = "dev") -> Path:
    """A corpus root with ``train``/``dev`` folders resolves to the named split."""
    if not path.exists():
        raise DataError(f"{path}: no such folder")
    if (path / split).is_dir():
        return path / split
    return path


def read_corpus(path: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    """Every gold document of a split folder, in sorted (deterministic) order."""
    fmt = detect_format(path)
    if fmt == "brat":
        texts = sorted((path / "text").glob("*.txt"))[:limit]
        for text_path in texts:
            ann = path / "attributions" / (text_path.stem + ".ann")
            if ann.exists():
                yield read_brat_doc(text_path, ann)
    else:
        for json_path in sorted(path.glob("*.json"))[:limit]:
            yield read_german_doc(json_path)
