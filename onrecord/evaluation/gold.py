"""Readers of gold attribution corpora into one shape: :class:`GoldDoc`.

Three formats are read:

* the German quotation JSON of Petersen-Frey & Biemann (one ``*.json`` per article with
  ``originalText`` and ``annotations``),
* brat standoff as in PolNeAR (``text/*.txt`` + ``attributions/*.ann``, ``E`` lines joining
  ``Source``, ``Cue`` and ``Content`` text-bound annotations), and
* our own hand-annotated sets bundled in ``evaluation/data`` (the cross-genre quote sets and
  the roles set): JSON lines of document ids, offsets and short labels only; the texts are
  read from the corpora they come from (``../shared/data`` layout), see :class:`CorpusTexts`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from onrecord.errors import DataError
from onrecord.model import ANONYMITIES, STANCES, Span

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
    speaker_label: str | None = None


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


# --------------------------------------------------------------------------- bundled hand-annotated sets

#: folder of the bundled sets (``crossgenre-de.jsonl``, ``crossgenre-en.jsonl``, ``roles.jsonl``)
BUNDLED = Path(__file__).parent / "data"
#: the splits of the bundled sets: ``dev`` (and ``dev2``, a second development part of the cross-genre
#: sets) and the parts ``heldout`` … ``heldout12``, each annotated after
#: the part before it had been scored (each set has as many as its README section lists); ``all``
#: is every part of a set but those in :data:`HELD_BACK`
BUNDLED_SPLITS = (
    "dev",
    "dev2",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "all",
)
#: (file, split) of the parts still held back: ``all`` leaves them out, so only naming the split
#: scores them. Roles ``heldout7``/``heldout8``, stance ``heldout6``/``heldout7`` and about
#: ``heldout5``/``heldout6`` were each scored once on 2026-12-07 (the first three at 05:20 UTC, the
#: others at 06:05 UTC, at the end of the two waves of that session); roles ``heldout9``, stance
#: ``heldout8`` and about ``heldout7`` (drawn by session gold8) at 12:40 UTC, at the end of the first
#: wave of the next session; roles ``heldout10``, stance ``heldout9`` and about ``heldout8`` (drawn by
#: session gold9) at 13:31 UTC, at the end of its waves 2 and 3. All of them are development data
#: since, as the parts before them. Roles ``heldout11``, stance ``heldout10`` and about ``heldout9``
#: (``about`` for the statements of stance ``heldout10``) were drawn on 2026-12-07 (session gold10,
#: while the parts above were still held back and unscored) from documents in no bundled file (the
#: roles part and the stance part share none), and never scored: they are held back with the
#: cross-genre ``heldout2`` parts, for the next rounds. Roles ``heldout12``, stance ``heldout11`` and about
#: ``heldout10`` (``about`` for the statements of stance ``heldout11``) were drawn on 2026-12-07 by session
#: gold11 (while the parts above were still held back and unscored), from the upper halves of the free
#: pools (the roles part and the stance part share no document), and never scored: held back next to them.
#: The cross-genre ``heldout3`` parts (German bench-de, English PolNeAR train) were drawn and annotated on
#: 2026-12-07 (session cg3) from the lower halves of the same free pools, before any system ran on them.
#: Roles ``heldout11``, stance ``heldout10`` and about ``heldout9`` were scored at the start and the end of
#: that session (14:40 and 15:49 UTC, errors never read) and are development data since; so is the
#: cross-genre ``heldout2``, scored at the ends of several rounds (errors never read), now that
#: ``heldout3`` replaces it. Roles ``heldout12``, stance ``heldout11``, about ``heldout10`` and the
#: cross-genre ``heldout3`` were scored at the same two moments (aggregate numbers only) and stay held back;
#: so after the rounds of 2026-12-07 night and 2026-12-08 (00:30, 00:54, 02:50 and 03:00 UTC), aggregate only.
HELD_BACK = frozenset(
    {
        ("roles.jsonl", "heldout12"),
        ("stance.jsonl", "heldout11"),
        ("about.jsonl", "heldout10"),
        ("crossgenre-de.jsonl", "heldout3"),
        ("crossgenre-en.jsonl", "heldout3"),
    }
)
#: corpus prefix of a bundled document id -> language of its text (the train splits: statement pairs,
#: and the stance set's ``heldout3`` and the about sample's ``heldout2``, drawn after the dev splits ran out)
CORPUS_LANGUAGE = {
    "bench-de": "de",
    "quotes-de-dev": "de",
    "quotes-de-train": "de",
    "news-en": "en",
    "attribution-en-dev": "en",
    "attribution-en-train": "en",
}


@dataclass
class GoldRole:
    """One hand-annotated role: the mention it belongs to and the role's fields."""

    span: Span
    type: str
    name: str
    title: str | None = None
    organization: str | None = None
    place: str | None = None
    former: bool = False


@dataclass
class RoleDoc:
    """One document of the roles set: its text and every role the text gives (exhaustive)."""

    id: str
    text: str
    language: str
    roles: list[GoldRole]


class CorpusTexts:
    """The texts a bundled set points to, read from a folder laid out like ``../shared/data``.

    Ids are ``<corpus>:<key>``: ``bench-de:gnad-<row>`` (row of the 10kGNAD test CSV, counting
    rows with a text), ``news-en:<file stem>``, ``quotes-de-dev:<file stem>``,
    ``quotes-de-train:<file stem>``, ``attribution-en-dev:<file stem>`` and
    ``attribution-en-train:<file stem>`` (the train splits: statement pairs, and the roles set's
    ``heldout4`` for attribution-en; never the test split).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._gnad: list[str] | None = None

    def _path(self, corpus: str, key: str) -> Path:
        paths = {
            "bench-de": self.root / "bench-de" / "10kgnad-test.csv",
            "news-en": self.root / "news-en" / f"{key}.txt",
            "quotes-de-dev": self.root / "quotes-de" / "dev" / f"{key}.json",
            "quotes-de-train": self.root / "quotes-de" / "train" / f"{key}.json",
            "attribution-en-dev": self.root / "attribution-en" / "dev" / "text" / f"{key}.txt",
            "attribution-en-train": self.root / "attribution-en" / "train" / "text" / f"{key}.txt",
        }
        if corpus not in paths:
            raise DataError(f"unknown corpus {corpus!r} in a bundled set")
        path = paths[corpus]
        if not path.is_file():
            raise DataError(f"{path}: corpus text not found (pass --data with the folder of the corpora)")
        return path

    def text(self, doc_id: str) -> str:
        """The text of one document id."""
        corpus, _, key = doc_id.partition(":")
        path = self._path(corpus, key)
        try:
            if corpus == "bench-de":
                if self._gnad is None:
                    self._gnad = gnad_texts(path)
                return self._gnad[int(key.removeprefix("gnad-"))]
            if corpus in ("quotes-de-dev", "quotes-de-train"):
                return str(json.loads(path.read_text(encoding="utf-8"))["originalText"])
            return path.read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError, IndexError) as exc:
            raise DataError(f"{path}: cannot read the text of {doc_id} ({exc})") from exc


def gnad_texts(csv_path: Path) -> list[str]:
    """The article texts of a 10kGNAD ``label;'text'`` CSV, in file order (rows with a text)."""
    with csv_path.open(encoding="utf-8", newline="") as stream:
        return [row[1] for row in csv.reader(stream, delimiter=";", quotechar="'") if len(row) == 2 and row[1].strip()]


def _bundled_records(path: Path, split: str) -> Iterator[dict[str, object]]:
    if split not in BUNDLED_SPLITS:
        raise DataError(f"split {split!r}: the bundled sets have {', '.join(BUNDLED_SPLITS)}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read the bundled set ({exc})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise DataError(f"{path}:{lineno}: not JSON ({exc})") from exc
        if record.get("split") == split or (split == "all" and (path.name, record.get("split")) not in HELD_BACK):
            yield record


def _checked_text(texts: CorpusTexts, record: dict[str, object]) -> str:
    doc_id = str(record["id"])
    text = texts.text(doc_id)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if digest != record.get("sha256") or len(text) != record.get("chars"):
        raise DataError(f"{doc_id}: the corpus text differs from the one that was annotated")
    return text


DocT = TypeVar("DocT")


def _read_set(
    path: Path,
    split: str,
    data_root: Path,
    language: str | None,
    build: Callable[[str, str, str, dict[str, object]], DocT],
    malformed: tuple[type[Exception], ...],
) -> list[DocT]:
    """The documents of one split of a bundled set whose records hold both languages (the roles,
    stance and ``about`` sets): each record's language comes from its corpus, records of another
    ``language`` than the one given are passed over, and ``build(id, text, language, record)``
    makes a document; an exception of ``malformed`` it raises marks the record malformed."""
    texts = CorpusTexts(data_root)
    docs: list[DocT] = []
    for record in _bundled_records(path, split):
        doc_id = str(record["id"])
        lang = CORPUS_LANGUAGE.get(doc_id.partition(":")[0])
        if lang is None:
            raise DataError(f"{path}: unknown corpus in {doc_id}")
        if language is not None and lang != language:
            continue
        text = _checked_text(texts, record)
        try:
            docs.append(build(doc_id, text, lang, record))
        except malformed as exc:
            raise DataError(f"{path}: malformed record {doc_id} ({exc})") from exc
    return docs


def _span_list(value: object) -> list[Span]:
    assert isinstance(value, list)
    return [(int(b), int(e)) for b, e in value]


def read_crossgenre(language: str, split: str, data_root: Path, gold_path: Path | None = None) -> list[GoldDoc]:
    """The cross-genre quote set of ``language`` (``de``: derStandard, ``en``: news-en; its ``dev2``,
    ``heldout2`` and ``heldout3`` parts: PolNeAR train, ``attribution-en-train:<stem>``), one split."""
    path = gold_path or BUNDLED / f"crossgenre-{language}.jsonl"
    texts = CorpusTexts(data_root)
    docs: list[GoldDoc] = []
    for record in _bundled_records(path, split):
        text = _checked_text(texts, record)
        try:
            quotes = [
                GoldQuote(
                    spans=_span_list(q["spans"]),
                    speaker=_span_list(q.get("speaker", [])),
                    cue=_span_list(q.get("cue", [])),
                    kind=q.get("kind"),
                    speaker_label=q.get("speaker_label") or None,
                )
                for q in record["quotes"]  # type: ignore[attr-defined]
            ]
        except (KeyError, TypeError, ValueError, AssertionError) as exc:
            raise DataError(f"{path}: malformed record {record.get('id')} ({exc})") from exc
        docs.append(GoldDoc(id=str(record["id"]), text=text, quotes=quotes, language=language))
    return docs


def read_roles(
    split: str, data_root: Path, language: str | None = None, gold_path: Path | None = None
) -> list[RoleDoc]:
    """The roles set (documents of both languages unless ``language`` is given), one split."""
    path = gold_path or BUNDLED / "roles.jsonl"
    return _read_set(path, split, data_root, language, _role_doc, (KeyError, TypeError, ValueError, IndexError))


def _role_doc(doc_id: str, text: str, language: str, record: dict[str, object]) -> RoleDoc:
    roles = [
        GoldRole(
            span=(int(r["span"][0]), int(r["span"][1])),
            type=str(r["type"]),
            name=str(r["name"]),
            title=r.get("title"),
            organization=r.get("organization"),
            place=r.get("place"),
            former=bool(r.get("former")),
        )
        for r in record["roles"]  # type: ignore[attr-defined]
    ]
    return RoleDoc(id=doc_id, text=text, language=language, roles=roles)


# --------------------------------------------------------------------------- stance set

#: how the source of a statement is given: the contract's values (see ``data/STANCE-GUIDELINES.md``);
#: ``STANCES`` is the contract's too
ANONYMITY = ANONYMITIES


@dataclass
class GoldAbout:
    """One entity a gold statement talks about: a short label and its mentions inside the statement."""

    label: str
    mentions: list[Span]


@dataclass
class GoldStatement:
    """One hand-labelled statement of the stance set: spans of a gold quote plus four labels."""

    spans: list[Span]
    stance: str
    negated: bool
    source_anonymity: str
    #: ``None`` where the record has no ``about`` labels (the ``heldout2`` part labels the other
    #: three fields only); the scorer then leaves ``about`` out for the statement
    about: list[GoldAbout] | None = field(default_factory=list)
    speaker: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    origin: str | None = None


@dataclass
class StanceDoc:
    """One document of the stance set: its text and its labelled statements (a sample, not exhaustive)."""

    id: str
    text: str
    language: str
    statements: list[GoldStatement]


def _statement(item: dict[str, object]) -> GoldStatement:
    stance, anonymity = item["stance"], item["source_anonymity"]
    if stance not in STANCES or anonymity not in ANONYMITY or not isinstance(item["negated"], bool):
        raise ValueError(f"unknown label {stance!r}/{anonymity!r}/{item['negated']!r}")
    about = item.get("about")
    assert about is None or isinstance(about, list)
    return GoldStatement(
        spans=_span_list(item["spans"]),
        stance=str(stance),
        negated=bool(item["negated"]),
        source_anonymity=str(anonymity),
        about=None if about is None else _gold_about(about),
        speaker=_span_list(item.get("speaker", [])),
        cue=_span_list(item.get("cue", [])),
        origin=str(item["origin"]) if item.get("origin") else None,
    )


@dataclass
class GoldAboutStatement:
    """One statement of the ``about`` sample: the spans of a predicted quote and the entities it is about."""

    spans: list[Span]
    about: list[GoldAbout] = field(default_factory=list)
    speaker: list[Span] = field(default_factory=list)
    origin: str | None = None


@dataclass
class AboutDoc:
    """One document of the ``about`` sample (a sample of its statements, not exhaustive)."""

    id: str
    text: str
    language: str
    statements: list[GoldAboutStatement]


def _gold_about(value: object) -> list[GoldAbout]:
    assert isinstance(value, list)
    return [GoldAbout(label=str(a["label"]), mentions=_span_list(a["mentions"])) for a in value]


def read_about(
    split: str, data_root: Path, language: str | None = None, gold_path: Path | None = None
) -> list[AboutDoc]:
    """The hand-checked ``about`` sample (both languages unless ``language`` is given), one split."""
    path = gold_path or BUNDLED / "about.jsonl"
    return _read_set(path, split, data_root, language, _about_doc, (KeyError, TypeError, ValueError, AssertionError))


def _about_doc(doc_id: str, text: str, language: str, record: dict[str, object]) -> AboutDoc:
    statements = [
        GoldAboutStatement(
            spans=_span_list(item["spans"]),
            about=_gold_about(item.get("about") or []),
            speaker=_span_list(item.get("speaker") or []),
            origin=str(item["origin"]) if item.get("origin") else None,
        )
        for item in record["statements"]  # type: ignore[attr-defined]
    ]
    return AboutDoc(id=doc_id, text=text, language=language, statements=statements)


def read_stance(
    split: str, data_root: Path, language: str | None = None, gold_path: Path | None = None
) -> list[StanceDoc]:
    """The stance set (both languages unless ``language`` is given), one split."""
    path = gold_path or BUNDLED / "stance.jsonl"
    return _read_set(path, split, data_root, language, _stance_doc, (KeyError, TypeError, ValueError, AssertionError))


def _stance_doc(doc_id: str, text: str, language: str, record: dict[str, object]) -> StanceDoc:
    statements = [_statement(item) for item in record["statements"]]  # type: ignore[attr-defined]
    return StanceDoc(id=doc_id, text=text, language=language, statements=statements)
