"""The highlighter of the web app: an analysis cut into tagged, non-overlapping segments."""

from __future__ import annotations

from onrecord.model import Analysis, Entity, Mention, Quote, Role
from onrecord.web.highlight import Segment, highlight, role_label, statements

TEXT = "„Wir haben verhandelt“, sagte Reinhardt. Berger verwies darauf, dass Städte warten."
#       0         1         2         3         4         5         6         7         8


def _analysis() -> Analysis:
    quote_end = TEXT.index("“") + 1
    cue = TEXT.index("sagte")
    speaker = TEXT.index("Reinhardt")
    berger = TEXT.index("Berger")
    dass = TEXT.index("dass")
    return Analysis(
        id="a",
        language="de",
        text=TEXT,
        quotes=[
            Quote(
                id="q1", kind="direct", text=TEXT[:quote_end], spans=[(0, quote_end)],
                cue=Mention(text="sagte", spans=[(cue, cue + 5)]),
                speaker=Mention(text="Reinhardt", spans=[(speaker, speaker + 9)]),
                entity="e1", confidence=0.96,
            ),
            Quote(
                id="q2", kind="indirect", text=TEXT[dass:-1], spans=[(dass, len(TEXT) - 1)],
                cue=Mention(text="Berger verwies darauf", spans=[(berger, berger + 21)]),  # contains the speaker
                speaker=Mention(text="Berger", spans=[(berger, berger + 6)]),
                entity="e2", confidence=0.375,
            ),
        ],
        entities=[
            Entity(id="e1", name="Thomas Reinhardt", type="person", roles=[Role(title="Oberbürgermeister")]),
            Entity(id="e2", name="Anna Berger", type="person", roles=[Role(title="Professorin", organization="Uni")]),
        ],
    )  # fmt: skip


def _covers(segments: list[Segment], text: str) -> None:
    assert "".join(s.text for s in segments) == text
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for left, right in zip(segments, segments[1:], strict=False):
        assert left.end == right.start
    for segment in segments:
        assert segment.text == text[segment.start : segment.end] and segment.start < segment.end


def test_segments_cover_the_text_exactly_once_in_order() -> None:
    view = highlight(_analysis())
    _covers(view.segments, TEXT)


def test_quote_cue_and_speaker_are_tagged_with_their_statement() -> None:
    view = highlight(_analysis())
    by_text = {s.text: s for s in view.segments}
    assert by_text["„Wir haben verhandelt“"].tags == ("quote",)
    assert by_text["„Wir haben verhandelt“"].quote == 0 and by_text["„Wir haben verhandelt“"].kind == "direct"
    assert by_text["sagte"].tags == ("cue",) and by_text["sagte"].cue == (0,)
    assert by_text["Reinhardt"].tags == ("speaker",) and by_text["Reinhardt"].speaker == (0,)
    assert by_text[", "].tags == ()


def test_a_cue_containing_its_speaker_is_split_into_cue_and_cue_plus_speaker() -> None:
    view = highlight(_analysis())
    by_text = {s.text: s for s in view.segments}
    assert by_text["Berger"].tags == ("cue", "speaker") and by_text["Berger"].refs == (1,)
    assert by_text[" verwies darauf"].tags == ("cue",)
    quote = by_text["dass Städte warten"]
    assert quote.quote == 1 and quote.kind == "indirect" and quote.first


def test_statements_carry_speaker_role_and_confidence() -> None:
    first, second = highlight(_analysis()).statements
    assert (first.speaker, first.speaker_text, first.role, first.percent) == (
        "Thomas Reinhardt", "Reinhardt", "Oberbürgermeister", 96,
    )  # fmt: skip
    assert second.roles == ("Professorin, Uni",) and second.cue == "Berger verwies darauf"
    assert second.start == TEXT.index("dass")
    assert "Anna Berger" in second.summary and "38%" in second.summary and "indirect" in second.summary


def test_roles_can_come_from_the_store() -> None:
    view = highlight(_analysis(), roles={0: ["Oberbürgermeister, Leipzig"]})
    assert view.statements[0].roles == ("Oberbürgermeister, Leipzig",)
    assert view.statements[1].roles == ("Professorin, Uni",)


def test_shared_cue_refers_to_both_quotes_and_nested_quote_is_innermost() -> None:
    text = "„A „B“ C“, sagte er."
    outer, inner = (0, 9), (3, 6)
    cue = (11, 16)
    analysis = Analysis(
        id="n", language="de", text=text,
        quotes=[
            Quote(id="q1", kind="direct", text=text[0:9], spans=[outer], cue=Mention(text="sagte", spans=[cue]),
                  confidence=0.5),
            Quote(id="q2", kind="mixed", text=text[3:6], spans=[inner], cue=Mention(text="sagte", spans=[cue]),
                  confidence=0.5),
        ],
    )  # fmt: skip
    view = highlight(analysis)
    _covers(view.segments, text)
    by_text = {s.text: s for s in view.segments}
    assert by_text["„B“"].quote == 1 and by_text["„B“"].kind == "mixed"
    assert by_text["„A "].quote == 0 and by_text[" C“"].quote == 0
    assert by_text["sagte"].cue == (0, 1)
    assert [s.first for s in view.segments if s.quote == 0] == [True, False]
    assert view.statements[0].speaker is None


def test_discontinuous_quote_and_adjacent_equal_tags_merge() -> None:
    text = "Erstens, so er, zweitens."
    analysis = Analysis(
        id="d", language="de", text=text,
        quotes=[Quote(id="q1", kind="indirect", text="Erstens … zweitens", spans=[(0, 7), (0, 3), (16, 24)],
                      speaker=Mention(text="er", spans=[(12, 14)]), confidence=0.7)],
    )  # fmt: skip
    view = highlight(analysis)
    _covers(view.segments, text)
    quoted = [s.text for s in view.segments if s.quote == 0]
    assert quoted == ["Erstens", "zweitens"]  # the overlapping span (0, 3) does not split "Erstens"
    assert view.statements[0].speaker == "er"


def test_bad_spans_are_clamped_or_ignored_and_plain_text_is_one_segment() -> None:
    text = "Nur ein Satz."
    analysis = Analysis(
        id="b", language="de", text=text,
        quotes=[Quote(id="q1", kind="reported", text="x", spans=[(5, 500), (9, 9), (-3, 2)], confidence=1.0)],
    )  # fmt: skip
    view = highlight(analysis)
    _covers(view.segments, text)
    assert [s.tags for s in view.segments] == [("quote",), (), ("quote",)]
    # the anchor of a statement is where its first highlighted segment starts
    assert view.statements[0].start == 0 == next(seg.start for seg in view.segments if seg.first)
    plain = highlight(Analysis(id="p", language="en", text="No quotes here."))
    assert [(s.text, s.tags) for s in plain.segments] == [("No quotes here.", ())]
    assert highlight(Analysis(id="e", language="en", text="")).segments == []


def test_statements_and_role_label() -> None:
    assert role_label("Minister", None, "Berlin") == "Minister, Berlin"
    assert role_label(None, None, None) == ""
    assert [s.id for s in statements(_analysis())] == ["q1", "q2"]
