"""Every word list of the package lists each entry once.

The lexicons are read into sets and dicts, so a repeated line changes nothing at run time — but
it hides where a word was meant to go (two sections claiming it) and makes a later removal
incomplete. The files are edited by hand by several people at once. (One form may still carry
several classes on separate lines: ``FORM<TAB>CLASS`` rows differ in their class.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "onrecord"
WORD_LISTS = sorted(p for p in PACKAGE.rglob("data/*.txt") if p.parent.name == "data")


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_the_package_has_word_lists() -> None:
    assert len(WORD_LISTS) > 50
    assert {p.parent.parent.name for p in WORD_LISTS} >= {"de", "en"}


@pytest.mark.parametrize("path", WORD_LISTS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_list_repeats_an_entry(path: Path) -> None:
    repeated = sorted(entry for entry, n in Counter(_entries(path)).items() if n > 1)
    assert not repeated, f"{path.relative_to(PACKAGE)} lists these more than once: {repeated}"

