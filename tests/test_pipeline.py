"""The front door: language resolution, batching, error pass-through, contract-valid output."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_extractor import FakeExtractor, fake_loader

from onrecord import analyze, analyze_many
from onrecord.errors import InputError, ModelError, OnrecordError, UnsupportedLanguageError
from onrecord.extraction import ExtractionResult, Extractor
from onrecord.extraction.outlets import OwnOutlet
from onrecord.ingest import iter_articles
from onrecord.model import SCHEMA, Analysis, Article, content_id

SAMPLES = Path(__file__).parents[1] / "onrecord" / "samples"
GERMAN = "„Wir geben nicht auf“, sagte die Ministerin am Montag in Berlin vor Journalisten."
ENGLISH = '"We will not give up," the minister told reporters in London on Monday.'
FRENCH = "« Nous n'abandonnerons pas », a déclaré la ministre lundi à Paris devant les journalistes."


def test_analyze_text_assembles_a_contract_analysis() -> None:
    analysis = analyze(GERMAN, lang="de", extractor_for=fake_loader)
    assert analysis.id == content_id(GERMAN)
    assert (analysis.language, analysis.text) == ("de", GERMAN)
    assert analysis.provenance is not None and analysis.provenance.extractor == "fake"
    (quote,) = analysis.quotes
    ((begin, end),) = quote.spans
    assert analysis.text[begin:end] == quote.text == "Wir geben nicht auf"
    data = analysis.to_dict()
    assert next(iter(data)) == "schema" and data["schema"] == SCHEMA
    assert Analysis.model_validate(data) == analysis


def test_language_order_article_then_argument_then_detection() -> None:
    tagged = Article(id="x", text=ENGLISH, language="de")
    assert analyze(tagged, lang="en", extractor_for=fake_loader).language == "de"
    assert analyze(Article(id="y", text=ENGLISH), lang="de", extractor_for=fake_loader).language == "de"
    assert analyze(Article(id="z", text=ENGLISH), extractor_for=fake_loader).language == "en"


def test_unsupported_language_raises() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'fr'"):
        analyze(FRENCH, extractor_for=fake_loader)
    with pytest.raises(UnsupportedLanguageError, match="unsupported language 'it'"):
        analyze(Article(id="it", text=GERMAN, language="it"), extractor_for=fake_loader)


def test_analyze_many_keeps_order_batches_and_passes_errors_through() -> None:
    extractors: dict[str, FakeExtractor] = {}

    def loader(language: str) -> FakeExtractor:
        return extractors.setdefault(language, FakeExtractor(language=language))

    items: list[Article | InputError] = [
        Article(id="d1", text=GERMAN),
        InputError("malformed JSON", "in.jsonl:2"),
        Article(id="e1", text=ENGLISH),
        Article(id="f1", text=FRENCH, origin="in.jsonl:4"),
        Article(id="d2", text=GERMAN),
        Article(id="d3", text=GERMAN, language="de"),
    ]
    outcomes = list(analyze_many(items, batch_size=3, extractor_for=loader))
    labels = [o.id if isinstance(o, Analysis) else type(o).__name__ for o in outcomes]
    assert labels == ["d1", "InputError", "e1", "UnsupportedLanguageError", "d2", "d3"]
    assert "in.jsonl:4" in str(outcomes[3])
    assert extractors["de"].calls == [1, 2] and extractors["en"].calls == [1]


class _Fragile(FakeExtractor):
    """Fails on texts containing 'BOOM', in batches and alone."""

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
        if "BOOM" in text:
            raise RuntimeError("parser crashed")
        return super().extract(text, outlet)


def test_one_failing_text_fails_alone() -> None:
    items: list[Article | InputError] = [
        Article(id="ok1", text=GERMAN),
        Article(id="bad", text=GERMAN + " BOOM", origin="x.txt"),
        Article(id="ok2", text=GERMAN),
    ]
    outcomes = list(analyze_many(items, lang="de", extractor_for=lambda lang: _Fragile(language=lang)))
    assert [isinstance(o, Analysis) for o in outcomes] == [True, False, True]
    assert (
        isinstance(outcomes[1], OnrecordError) and "x.txt" in str(outcomes[1]) and "parser crashed" in str(outcomes[1])
    )


def test_unloadable_extractor_is_a_model_error() -> None:
    def missing(language: str) -> Extractor:
        raise ModuleNotFoundError(f"No module named 'onrecord.lang.{language}.model'")

    with pytest.raises(ModelError, match="de extractor cannot be loaded"):
        list(analyze_many([Article(id="a", text=GERMAN)], lang="de", extractor_for=missing))


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(analyze_many([], batch_size=0))


# --------------------------------------------------------------------------- real extractors


def _real_extractor(language: str) -> Extractor:
    from onrecord.lang import get_extractor

    try:
        return get_extractor(language)
    except (ImportError, AttributeError, OnrecordError) as exc:
        pytest.skip(f"the real {language} extractor is not available: {exc}")


@pytest.mark.parametrize("language", ["de", "en"])
def test_real_extractor_on_the_bundled_sample(language: str) -> None:
    _real_extractor(language)
    (article,) = list(iter_articles([SAMPLES / f"sample-{language}.txt"]))
    assert isinstance(article, Article)
    analysis = analyze(article)
    assert analysis.language == language
    assert analysis.meta.source is not None
    assert len(analysis.quotes) >= 3
    size = len(analysis.text)
    entity_ids = {entity.id for entity in analysis.entities}
    for quote in analysis.quotes:
        assert all(0 <= b < e <= size for b, e in quote.spans)
        if quote.speaker and len(quote.speaker.spans) == 1:
            ((b, e),) = quote.speaker.spans
            assert analysis.text[b:e] == quote.speaker.text
        assert quote.entity is None or quote.entity in entity_ids
    Analysis.model_validate(analysis.to_dict())


def test_concurrent_threads_get_the_same_analyses_as_one_thread() -> None:
    """A web server analyses in a thread pool: the shared extractors (CRFsuite taggers are not
    thread-safe) must neither fail nor mix up texts. Without the lock this fails with
    "ValueError: The position … is out of range" and wrong results."""
    from concurrent.futures import ThreadPoolExecutor

    from onrecord.bench.api import default_article
    from onrecord.pipeline import analyze as analyze_one

    long_de = default_article()
    short_en = '"We will not waver," Chancellor Olaf Scholz told parliament on Tuesday.'
    texts = [long_de, short_en] * 16
    expected = {text: analyze_one(text).to_dict() for text in (long_de, short_en)}
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda text: analyze_one(text).to_dict(), texts))
    assert all(result == expected[text] for result, text in zip(results, texts, strict=True))


# --------------------------------------------------------------------------- long texts

LONG_PARAGRAPHS = {
    "de": [
        "„Wir brauchen mehr Zeit für die Verhandlungen“, sagte Bürgermeisterin Anna Keller am Dienstag.",
        "Der Stadtrat vertagte die Abstimmung über den neuen Busfahrplan auf den Herbst.",
        "Kritik kam von der Opposition. „Das ist ein Spiel auf Zeit“, sagte Jonas Brandt, Fraktionschef der Grünen.",
    ],
    "en": [
        '"We need more time for the talks," Mayor Anna Keller said on Tuesday.',
        "The city council postponed the vote on the new bus timetable until autumn.",
        'The opposition was critical. "This is playing for time," said Jonas Brandt, who leads the Green group.',
    ],
}


def test_split_text_cuts_at_paragraphs_then_sentences_then_spaces() -> None:
    from onrecord.pipeline import split_text

    text = "Erster Absatz. Noch ein Satz.\n\nZweiter Absatz hier.\nDritte Zeile. Und so weiter.\n\nEnde."
    pieces = split_text(text, 40)
    assert "".join(text[b:e] for b, e in pieces) == text
    assert all(0 < e - b <= 40 for b, e in pieces)
    assert [text[b:e] for b, e in pieces][:2] == ["Erster Absatz. Noch ein Satz.\n\n", "Zweiter Absatz hier.\n"]
    one_paragraph = "Ein Satz hier. Noch ein Satz dort. Und ein dritter Satz."
    assert [one_paragraph[b:e] for b, e in split_text(one_paragraph, 30)][0] == "Ein Satz hier. "
    assert split_text("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]
    assert split_text(text, len(text)) == [(0, len(text))]


class _Limited(FakeExtractor):
    """Refuses texts over 1,000 characters, as spaCy refuses those over ``nlp.max_length`` (E088)."""

    def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
        if len(text) > 1000:
            raise ValueError("[E088] Text of length exceeds maximum")
        return super().extract(text, outlet)


def test_a_text_longer_than_the_extractor_takes_is_analysed_in_pieces() -> None:
    paragraph = "„Wir geben nicht auf“, sagte die Ministerin. Die Sitzung dauerte bis in die Nacht."
    text = "\n\n".join(f"{paragraph} Absatz {n}." for n in range(40))
    limited = _Limited()
    for analysis in (
        analyze(text, lang="de", extractor_for=lambda _: limited, max_chunk_chars=900),
        next(iter(analyze_many([Article(id="long", text=text)], "de", extractor_for=lambda _: limited,
                               max_chunk_chars=900))),
    ):  # fmt: skip
        assert isinstance(analysis, Analysis)
        assert [q.id for q in analysis.quotes] == [f"q{n}" for n in range(1, 41)]
        assert all(text[b:e] == "Wir geben nicht auf" for q in analysis.quotes for b, e in q.spans)
        assert analysis.quotes[-1].spans[0][0] > len(text) - len(paragraph) - 20
    with pytest.raises(Exception, match="E088"):
        analyze(text, lang="de", extractor_for=lambda _: limited, max_chunk_chars=len(text))


@pytest.mark.parametrize("language", ["de", "en"])
def test_real_extractor_on_a_long_text_in_pieces(language: str) -> None:
    """Pieces cut at paragraphs give the quotes of the whole text, with offsets into it, and one
    entity per speaker however many pieces name it."""
    _real_extractor(language)
    paragraphs = LONG_PARAGRAPHS[language] * 12
    text = "\n\n".join(paragraphs)
    whole = analyze(text, lang=language, max_chunk_chars=len(text))
    pieces = analyze(text, lang=language, max_chunk_chars=700)
    assert len(text) > 4 * 700
    assert len(pieces.quotes) == len(whole.quotes) >= 24
    for quote in pieces.quotes:
        assert " … ".join(text[b:e] for b, e in quote.spans) == quote.text
        assert quote.speaker is None or text[quote.speaker.spans[0][0]:quote.speaker.spans[-1][1]].endswith(
            quote.speaker.text.split()[-1])
    assert pieces.quotes[-1].spans[0][0] > len(text) - 200
    kellers = [e for e in pieces.entities if e.name.endswith("Keller")]
    assert len(kellers) == 1 and len(kellers[0].mentions) >= 12
    assert [e.id for e in pieces.entities] == [f"e{n}" for n in range(1, len(pieces.entities) + 1)]
    Analysis.model_validate(pieces.to_dict())


def test_pieces_keep_what_each_quote_is_about() -> None:
    """Entity ids are renumbered when pieces are merged; ``about`` follows them like ``entity``."""
    from onrecord.model import Entity, Quote
    from onrecord.pipeline import merge_results

    first = ExtractionResult(
        quotes=[],
        entities=[Entity(id="e1", name="Anna Roth", type="person", mentions=[(0, 9)])],
    )
    second = ExtractionResult(
        quotes=[Quote(id="q1", kind="direct", text="Graz zahlt", spans=[(10, 20)], entity="e2",
                      about=["e1"], confidence=0.9)],
        entities=[Entity(id="e1", name="Graz", type="location", mentions=[(10, 14)]),
                  Entity(id="e2", name="Anna Roth", type="person", mentions=[(30, 34)])],
    )  # fmt: skip
    merged = merge_results([(0, first), (100, second)])
    names = {e.id: e.name for e in merged.entities}
    [quote] = merged.quotes
    assert names[quote.entity or ""] == "Anna Roth"
    assert [names[a] for a in quote.about] == ["Graz"]
