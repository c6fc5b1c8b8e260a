"""Word differences between occurrences of a statement (the statement page; issue 18.3)."""

from __future__ import annotations

from onrecord.web.diff import DiffPart, word_diff

FULL = "Der neue Tunnel wird im Herbst eröffnet, und er kostet keinen Euro mehr als geplant"


def _joined(parts: list[DiffPart], *ops: str) -> str:
    return "".join(part.text for part in parts if part.op in ops)


def test_the_same_words_are_one_unmarked_part() -> None:
    assert word_diff(FULL, FULL) == [DiffPart("same", FULL)]


def test_re_punctuation_and_case_are_no_difference() -> None:
    text = "Der neue Tunnel wird im Herbst eröffnet – und er kostet keinen Euro mehr als geplant!"
    parts = word_diff(FULL, text)
    assert _joined(parts, "same", "added") == text  # the occurrence's own spelling, whole
    assert [p for p in parts if p.op != "same"] == [DiffPart("added", "– ")]


def test_a_cut_copy_shows_the_words_cut_set_apart() -> None:
    parts = word_diff(FULL, "Der neue Tunnel wird im Herbst eröffnet")
    assert parts == [
        DiffPart("same", "Der neue Tunnel wird im Herbst eröffnet"),
        DiffPart("cut", " und er kostet keinen Euro mehr als geplant"),
    ]


def test_a_changed_word_is_cut_and_added_where_it_stands() -> None:
    parts = word_diff(FULL, FULL.replace("Herbst", "Winter").replace("Euro", "Cent"))
    assert [(p.op, p.text.strip()) for p in parts if p.op != "same"] == [
        ("cut", "Herbst"), ("added", "Winter"), ("cut", "Euro"), ("added", "Cent"),
    ]  # fmt: skip
    changed = "Der neue Tunnel wird im Winter eröffnet, und er kostet keinen Cent mehr als geplant"
    assert _joined(parts, "same", "added") == changed


def test_words_added_at_the_start() -> None:
    parts = word_diff("kostet keinen Euro mehr", "Er sagt, es kostet keinen Euro mehr")
    assert parts == [DiffPart("added", "Er sagt, es "), DiffPart("same", "kostet keinen Euro mehr")]
