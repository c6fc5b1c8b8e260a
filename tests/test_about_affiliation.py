"""``about`` (issue 17, ABOUT-GUIDELINES.md, round for generalisation): a party or place in
parentheses right after the speaker mention is part of the speaker's description, no topic of the
words, where the span holds the whole sentence. Sentences written for these tests; each case
failed before the rule."""

from __future__ import annotations

from onrecord.extraction.about import _speaker_affiliation
from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.model import Entity, Mention, Quote, Span


def _span(text: str, part: str, after: int = 0) -> Span:
    begin = text.index(part, after)
    return begin, begin + len(part)


def test_party_after_the_speaker_is_no_topic() -> None:
    text = "Bürgermeisterin Anna Berger (SPÖ) kritisierte die Pläne der ÖVP für den Hafen in Linz scharf."
    words = text[:-1]
    quote = Quote(
        id="q1", kind="reported", text=words, spans=[(0, len(words))], confidence=0.9, entity="e1",
        cue=Mention(text="kritisierte", spans=[_span(text, "kritisierte")]),
        speaker=Mention(text="Bürgermeisterin Anna Berger", spans=[_span(text, "Bürgermeisterin Anna Berger")]),
    )  # fmt: skip
    entities = [
        Entity(id="e1", name="Anna Berger", type="person", mentions=[_span(text, "Anna Berger")]),
        Entity(id="e2", name="SPÖ", type="organization", mentions=[_span(text, "SPÖ")]),
        Entity(id="e3", name="ÖVP", type="organization", mentions=[_span(text, "ÖVP")]),
        Entity(id="e4", name="Linz", type="location", mentions=[_span(text, "Linz")]),
    ]
    result = annotate(text, [quote], entities, german(), str.lower)[0]
    assert result.about == ["e3", "e4"]  # the ÖVP and Linz, not the speaker's own party


def test_speaker_affiliation_needs_the_parenthesis_right_after_the_speaker() -> None:
    text = "Anna Berger (früher SPÖ, Linz) sagte, die SPÖ (Linz) habe recht."
    speaker = [_span(text, "Anna Berger")]
    assert _speaker_affiliation(text, _span(text, "SPÖ"), speaker)
    assert _speaker_affiliation(text, _span(text, "Linz"), speaker)
    # a party in parentheses elsewhere in the sentence is a topic
    assert not _speaker_affiliation(text, _span(text, "SPÖ", 35), speaker)
    assert not _speaker_affiliation(text, _span(text, "Linz", 40), speaker)
