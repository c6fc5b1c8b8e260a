from onrecord.extraction.quotemarks import find_quoted


def _texts(text: str) -> list[str]:
    return [text[s.begin : s.end] for s in find_quoted(text)]


def test_german_low_high_marks() -> None:
    text = "„Wir sind bereit“, sagte Müller. „Aber nicht um jeden Preis.“"
    assert _texts(text) == ["„Wir sind bereit“", "„Aber nicht um jeden Preis.“"]


def test_guillemets_both_directions() -> None:
    assert _texts("Er sagte: »Das reicht.« Dann ging er.") == ["»Das reicht.«"]
    assert _texts("Il a dit «ça suffit» hier.") == ["«ça suffit»"]


def test_mixed_typographic_and_ascii_marks() -> None:
    text = 'Sie nannte das „eine Farce" und ging.'
    assert _texts(text) == ['„eine Farce"']


def test_missing_closing_mark_ends_at_next_opener() -> None:
    text = "„Das ist falsch, sagte sie. „Wir klagen.“"
    stretches = find_quoted(text)
    assert [text[s.begin : s.end] for s in stretches] == ["„Das ist falsch, sagte sie.", "„Wir klagen.“"]
    assert stretches[0].closed is False and stretches[1].closed is True


def test_missing_closing_mark_ends_at_paragraph() -> None:
    text = "„Das ist falsch, sagte sie.\n\nDer nächste Absatz beginnt hier."
    (stretch,) = find_quoted(text)
    assert text[stretch.begin : stretch.end] == "„Das ist falsch, sagte sie."
    assert not stretch.closed


def test_doubled_closing_mark_is_ignored() -> None:
    text = "„Genug.““ Danach schwieg er."
    assert _texts(text) == ["„Genug.“"]


def test_english_curly_quotes() -> None:
    text = "“We will win,” he said. “Believe me.”"
    assert _texts(text) == ["“We will win,”", "“Believe me.”"]


def test_a_straight_mark_between_a_space_and_a_comma_closes() -> None:
    from onrecord.lang.en.quotemarks import pair_quotes

    text = '" We stay open all winter ", the baker said.'
    assert [(text[q.begin:q.end], q.closed) for q in pair_quotes(text)] == [('" We stay open all winter "', True)]
