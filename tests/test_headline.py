"""The headline line of a .txt article: its title, kept in the text, a paragraph of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.extraction.headline import headline_span
from onrecord.extraction.quotemarks import find_quoted
from onrecord.ingest import iter_articles
from onrecord.model import Article

SAMPLES = Path(__file__).parents[1] / "onrecord" / "samples"
BODY_DE = (
    "Die Bürgermeisterin von Kassel, Petra Schneider, lehnt die Sparpläne des Landes ab. "
    "„Das ist mit uns nicht zu machen“, sagte Schneider am Dienstag im Rathaus. "
    "Der Landrat Jürgen Weber entgegnete, die Stadt müsse endlich sparen."
)


def _read(path: Path) -> Article:
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_txt_article_takes_its_title_from_its_headline_line(tmp_path: Path, gap: str) -> None:
    text = "Kassel stellt sich gegen die Sparpläne" + gap + BODY_DE
    (tmp_path / "kassel-0412.txt").write_text(text + "\n", encoding="utf-8")
    article = _read(tmp_path / "kassel-0412.txt")
    assert article.meta.title == "Kassel stellt sich gegen die Sparpläne"
    assert article.text == text  # the headline stays: offsets are those of the file's text
    assert article.id == "kassel-0412"


def test_the_bundled_sample_has_the_title_of_its_headline() -> None:
    article = _read(SAMPLES / "sample-de.txt")
    assert article.meta.title == "Streit um Nahverkehr: Stadtrat vertagt Entscheidung über Ticketpreise"
    assert article.meta.source == "Mitteldeutsche Rundschau"


@pytest.mark.parametrize(
    "text",
    [
        BODY_DE,  # one paragraph, no line of its own
        "Die Stadt lehnt die Pläne ab.\n\n" + BODY_DE,  # a sentence (final full stop)
        "Das sagte die Bürgermeisterin:\n\n" + BODY_DE,  # runs on
        "2024\n\n" + BODY_DE,  # no letter
        # a hard-wrapped paragraph: the first line is about as long as the next
        "Die Bürgermeisterin von Kassel, Petra Schneider, lehnt die\nSparpläne des Landes ab, sagte sie am Dienstag.",
        " ".join(["Wort"] * 30) + "\n\n" + BODY_DE,  # too many words for a headline
        "Eine Überschrift ohne Text darunter\n\n",
    ],
)
def test_lines_that_are_no_headline_give_no_title(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    items = list(iter_articles([tmp_path / "a.txt"]))
    assert all(not isinstance(item, Article) or item.meta.title is None for item in items)
    assert headline_span(text) is None


def test_a_quote_left_open_in_the_headline_ends_with_the_headline() -> None:
    headline = "Schneider: „Nicht mit uns"
    text = headline + "\n" + BODY_DE
    stretches = find_quoted(text)
    assert (stretches[0].begin, stretches[0].end, stretches[0].closed) == (headline.index("„"), len(headline), False)
    inner = [(s.begin - len(headline) - 1, s.end - len(headline) - 1, s.closed) for s in stretches[1:]]
    assert inner == [(s.begin, s.end, s.closed) for s in find_quoted(BODY_DE)]


def test_the_headline_does_not_merge_into_the_first_paragraph_when_extracting() -> None:
    """The body's statements are found as without the headline, at offsets moved by its length."""
    from onrecord.pipeline import analyze

    headline = "Schneider: „Nicht mit uns"
    shift = len(headline) + 1
    alone = analyze(Article(id="k", text=BODY_DE, language="de"))
    with_headline = analyze(Article(id="k", text=headline + "\n" + BODY_DE, language="de"))
    assert alone.quotes, "the body alone must hold statements for this test to mean anything"

    def moved(quote_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(b - shift, e - shift) for b, e in quote_spans]

    body_quotes = [
        (q.kind, q.text, moved(q.spans), q.speaker.text if q.speaker else None)
        for q in with_headline.quotes
        if q.spans[0][0] >= shift
    ]
    assert body_quotes == [
        (q.kind, q.text, [tuple(s) for s in q.spans], q.speaker.text if q.speaker else None) for q in alone.quotes
    ]
