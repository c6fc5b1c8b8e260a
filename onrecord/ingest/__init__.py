"""Readers that turn input files into :class:`onrecord.model.Article` objects.

``iter_articles(paths)`` yields an :class:`Article` per article and an :class:`InputError` per
input that cannot be read, so a caller can report the bad ones and go on with the rest.

Supported inputs: ``.txt`` (one article, optional dateline header, see :mod:`.txt`), ``.jsonl``
(one article per line, streamed), ``.html``/``.htm`` (trafilatura), directories (recursively,
in sorted order) and ``-`` (JSONL from standard input).

Size: ``.jsonl`` is streamed line by line, so its size is not limited, only each record's.
A ``.txt`` or ``.html`` file is one article that is analysed as a whole; above
``IngestOptions.max_file_bytes`` (20 MB by default, about 3 million words) it is rejected with
an :class:`InputError` rather than analysed for many minutes with gigabytes of memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from onrecord.errors import InputError
from onrecord.ingest.decode import decode_bytes
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import read_jsonl_lines, refuse_nul
from onrecord.ingest.txt import ParsedText, parse_text
from onrecord.model import Article

__all__ = ["SUFFIXES", "IngestOptions", "iter_articles", "read_path"]

#: file suffixes read when a directory is given
SUFFIXES = frozenset({".txt", ".jsonl", ".html", ".htm"})
STDIN = "-"
#: the MB of ``--max-size-mb`` and of every size in messages
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """Limits of the readers."""

    #: a single ``.txt``/``.html`` article larger than this is rejected
    max_file_bytes: int = 20 * MEGABYTE
    #: one ``.jsonl`` line larger than this is rejected (the other lines are still read)
    max_record_bytes: int = 20 * MEGABYTE


def megabytes(size: int) -> str:
    """``size`` in MB as the limits are given (``--max-size-mb``: 1 MB = 1,048,576 bytes)."""
    return f"{round(size / MEGABYTE, 3):g} MB" if size < 100 * MEGABYTE else f"{size / MEGABYTE:,.0f} MB"


def iter_articles(
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Every article of ``paths`` in order, with an :class:`InputError` in place of bad inputs."""
    options = options or IngestOptions()
    for path in paths:
        if str(path) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl_lines(stream, "<stdin>", options.max_record_bytes)
        else:
            yield from read_path(Path(path), options)


def read_path(path: Path, options: IngestOptions) -> Iterator[Article | InputError]:
    """The articles of one file or directory."""
    if path.is_dir():
        files = _supported_files(path)
        if not files:
            yield InputError(f"no {', '.join(sorted(SUFFIXES))} files in the directory", str(path))
        for file in files:
            yield from _read_file(file, options)
    elif path.exists():
        yield from _read_file(path, options)
    else:
        yield InputError("no such file or directory", str(path))


def _supported_files(directory: Path) -> list[Path]:
    """Supported files below ``directory``, hidden ones skipped, in a deterministic order."""
    found = (
        file
        for file in directory.rglob("*")
        if file.suffix.lower() in SUFFIXES
        and file.is_file()
        and not any(part.startswith(".") for part in file.relative_to(directory).parts)
    )
    return sorted(found, key=lambda file: file.relative_to(directory).as_posix())


def _read_file(path: Path, options: IngestOptions) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix not in SUFFIXES:
        yield InputError(f"unsupported file type {suffix or '(none)'!r}; use .txt, .jsonl or .html", origin)
        return
    try:
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_lines(stream, origin, options.max_record_bytes)
        else:
            yield _read_document(path, suffix, options)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", origin)


def _read_document(path: Path, suffix: str, options: IngestOptions) -> Article:
    """One ``.txt`` or ``.html`` file as one article; the id is the file stem."""
    origin = str(path)
    size = path.stat().st_size
    if size > options.max_file_bytes:
        raise InputError(
            f"file too large: {megabytes(size)} ({size:,} bytes), the limit is {megabytes(options.max_file_bytes)}; "
            "split it or pass it as .jsonl",
            origin,
        )
    text = decode_bytes(path.read_bytes(), origin)
    if not text.strip():
        raise InputError("empty", origin)
    parsed: ParsedText = parse_html(text, origin) if suffix in {".html", ".htm"} else parse_text(text)
    if not parsed.body:
        raise InputError("empty: the file has a header but no body", origin)
    refuse_nul("the text", parsed.body, origin)  # past the first bytes, which were text: as in JSONL
    return Article(id=path.stem, text=parsed.body, meta=parsed.meta, origin=origin)
