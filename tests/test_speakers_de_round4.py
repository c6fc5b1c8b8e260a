"""German speaker choice, fourth round of issue 13 p3 (sentences written for the project)."""

from __future__ import annotations

import pytest

from onrecord.lang.de.sources import not_a_speaker
from onrecord.lang.de.tokens import prepare


def _span(text: str, phrase: str) -> tuple[object, int, int]:
    doc = prepare(text)
    start = text.index(phrase)
    stop = start + len(phrase)
    begin = next(t.i for t in doc.tokens if t.start == start)
    end = next(t.i for t in doc.tokens if t.end == stop) + 1
    return doc, begin, end


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a capitalised article opens the sentence: the addressee test looks at the noun
        (
            "Der englisch-sprachigen Zeitung sagte Paul Berg: „Ich bleibe hier.“",
            "Der englisch-sprachigen Zeitung",
            True,
        ),
        ("Der Wochenzeitung sagte die Malerin, sie ziehe nach Graz.", "Der Wochenzeitung", True),
        # the subject stays a speaker
        ("Der Bürgermeister sagte, die Brücke werde repariert.", "Der Bürgermeister", False),
        ("Die Zeitung berichtete, die Brücke werde repariert.", "Die Zeitung", False),
    ],
)
def test_a_sentence_initial_article_does_not_hide_an_addressee(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert not_a_speaker(doc, begin, end) is expected  # type: ignore[arg-type]


def test_the_addressee_opening_a_sentence_is_not_the_speaker() -> None:
    from onrecord.lang import get_extractor

    text = (
        "Die Malerin Lena Sommer stellt seit Montag in Linz aus. "
        "Der englisch-sprachigen Zeitung sagte Lena Sommer: „Ich male jeden Tag.“"
    )
    quotes = get_extractor("de").extract(text).quotes
    spoken = [q for q in quotes if "male" in q.text]
    assert spoken and spoken[0].speaker is not None
    assert "Zeitung" not in spoken[0].speaker.text


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        (
            "Im Hafen stauen sich die Schiffe. Der Hafenmeister Tom Kranz erklärte Mitte Mai in Hamburg, "
            "dass die Kräne nicht mehr reichten, und dass die Stadt neue kaufen müsse.",
            "Kräne",
            "Kranz",
        ),
    ],
)
def test_a_time_phrase_gives_way_to_the_named_speaker_of_its_sentence(text: str, needle: str, speaker: str) -> None:
    from onrecord.lang import get_extractor

    quotes = [q for q in get_extractor("de").extract(text).quotes if needle in q.text]
    assert quotes and quotes[0].speaker is not None
    assert speaker in quotes[0].speaker.text


@pytest.mark.parametrize(
    ("text", "phrase", "stub"),
    [
        ("Der Zug hatte, so der Schaffner, Verspätung.", "hatte", True),
        ("Es sei, meinte die Wirtin, zu spät.", "Es sei", True),
        ("Die Gäste haben sich beschwert.", "haben sich", True),
        ("Der Bus fuhr ungefähr 120 Meilen.", "120 Meilen", False),
        ("Der Koch lobte die Suppe.", "die Suppe", False),
        ("Der Koch sagte, er koche „gern“.", "„gern“", False),
    ],
)
def test_a_stub_of_one_or_two_words_is_no_statement(text: str, phrase: str, stub: bool) -> None:
    from onrecord.lang.de.attribution import Attribution, narration
    from onrecord.lang.de.labels import TokenSpan
    from onrecord.lang.de.narration import stub_only

    doc, begin, end = _span(text, phrase)
    part = TokenSpan("IQ", begin, end)
    assert stub_only(doc, [part]) is stub  # type: ignore[arg-type]
    att = Attribution(parts=[part], speaker=None, cue=None, speaker_prob=0.0)
    assert narration(doc, att) is stub  # type: ignore[arg-type]
