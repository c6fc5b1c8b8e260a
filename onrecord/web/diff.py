"""Word differences between two occurrences of a statement, for the statement page.

Words are compared without case and without the punctuation around them, so a re-punctuated
copy shows no difference and a cut or re-worded one shows exactly the words that differ.
Python's :class:`difflib.SequenceMatcher` (no junk heuristic: deterministic for any length)
gives the opcodes; each part keeps the original spelling and spacing of its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

__all__ = ["DiffPart", "word_diff"]

#: a word with the spaces after it (the words of a text, joined, give the text back)
_WORD = re.compile(r"\S+\s*")
#: what a word is compared by: its letters and digits, lower-cased
_KEEP = re.compile(r"[\W_]+")

Op = Literal["same", "added", "cut"]


@dataclass(frozen=True)
class DiffPart:
    """Words of the occurrence (``same``, ``added``) or of the reference missing here (``cut``)."""

    op: Op
    text: str


def _words(text: str) -> list[str]:
    leading = text[: len(text) - len(text.lstrip())]
    words = _WORD.findall(text.lstrip())
    if leading and words:
        words[0] = leading + words[0]
    return words


def _key(word: str) -> str:
    return _KEEP.sub("", word).casefold() or word.strip()


def word_diff(reference: str, text: str) -> list[DiffPart]:
    """``text`` as parts that are the same as in ``reference``, added to it, or (between them)
    the reference's words cut from it; adjacent parts of one kind are joined."""
    ref_words, words = _words(reference), _words(text)
    matcher = SequenceMatcher(None, [_key(w) for w in ref_words], [_key(w) for w in words], autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(parts, "same", "".join(words[j1:j2]))
            continue
        if i2 > i1:  # set apart by spaces from the words around it
            cut = "".join(ref_words[i1:i2]).strip()
            before = " " if parts and not parts[-1].text[-1:].isspace() else ""
            after = " " if j2 < len(words) and (j2 > j1 or not words[j1][:1].isspace()) else ""
            _add(parts, "cut", before + cut + after)
        if j2 > j1:
            _add(parts, "added", "".join(words[j1:j2]))
    return parts


def _add(parts: list[DiffPart], op: Op, text: str) -> None:
    if parts and parts[-1].op == op:
        parts[-1] = DiffPart(op, parts[-1].text + text)
    else:
        parts.append(DiffPart(op, text))
