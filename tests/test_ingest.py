"""Readers: .txt with dateline header, .jsonl, .html, directories, stdin, encodings, limits."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest import IngestOptions, iter_articles
from onrecord.ingest.decode import decode_bytes
from onrecord.ingest.txt import parse_text
from onrecord.model import Article, content_id

SAMPLES = Path(__file__).parents[1] / "onrecord" / "samples"
SHARED = Path(__file__).parents[1].parent / "shared"

BODY_DE = (
    "Die Gespräche über den Haushalt sind gescheitert. „Wir sind enttäuscht“, sagte "
    "Finanzministerin Petra Lange am Montag in Brüssel."
)


def read_all(*paths: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(iter_articles(paths, **kwargs))  # type: ignore[arg-type]


def only_article(path: Path) -> Article:
    (item,) = read_all(path)
    assert isinstance(item, Article), item
    return item


# --------------------------------------------------------------------------- .txt


def test_sample_header_is_parsed_into_meta() -> None:
    article = only_article(SAMPLES / "sample-de.txt")
    assert article.id == "sample-de"
    assert article.meta.published == "2024-03-12"
    assert article.meta.place == "Leipzig, Deutschland"
    assert article.meta.source == "Mitteldeutsche Rundschau"
    assert article.text.startswith("Streit um Nahverkehr")
    assert "—" not in article.text.splitlines()[0]


def test_contract_example_header_with_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "eu-gipfel.txt"
    path.write_text(f"date 2024-03 Brüssel, Belgien\n\nReuters\n\n—\n\n{BODY_DE}\n", encoding="utf-8")
    article = only_article(path)
    assert (article.meta.published, article.meta.place, article.meta.source) == (
        "2024-03",
        "Brüssel, Belgien",
        "Reuters",
    )
    assert article.text == BODY_DE
    assert article.id == "eu-gipfel"


@pytest.mark.parametrize(
    ("header", "published", "place", "source"),
    [
        ("date 2023 Wien\n—\n", "2023", "Wien", None),
        ("Datum 2021-11-05 Zürich, Schweiz\ndpa\n---\n", "2021-11-05", "Zürich, Schweiz", "dpa"),
        ("date 2024-03-01\nAP\n—\n", "2024-03-01", None, "AP"),
        ("Reuters\n—\n", None, None, "Reuters"),
        ("date 2022-07 Berlin\n\n", "2022-07", "Berlin", None),  # dateline alone, no separator
    ],
)
def test_header_variants(header: str, published: str | None, place: str | None, source: str | None) -> None:
    parsed = parse_text(header + BODY_DE)
    assert (parsed.meta.published, parsed.meta.place, parsed.meta.source) == (published, place, source)
    assert parsed.body == BODY_DE


@pytest.mark.parametrize(
    "text",
    [
        BODY_DE,
        "date 2024-13 Berlin\nReuters\n—\n" + BODY_DE,  # month 13: not a dateline
        "Haushalt gescheitert\nZweite Zeile\nDritte\n—\n" + BODY_DE,  # no dateline, several lines
        "Ein Satz, der viel zu lang für eine Kopfzeile ist, weil er einfach immer weiter geht und nicht "
        "aufhört, bis er die Grenze der Kopfzeilenlänge deutlich überschritten hat.\n—\n" + BODY_DE,
    ],
)
def test_without_header_the_whole_file_is_the_body(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.body == text
    assert parsed.meta.published is None and parsed.meta.source is None


def test_crlf_is_normalised_and_offsets_stay_in_the_body(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(("date 2024-01 Bonn\r\nWDR\r\n—\r\n" + BODY_DE.replace(". ", ".\r\n")).encode("utf-8"))
    article = only_article(path)
    assert "\r" not in article.text
    assert article.meta.source == "WDR"


def test_news_en_file_without_header_keeps_its_text() -> None:
    path = SHARED / "data" / "news-en" / "GUM_news_afghan.txt"
    if not path.exists():
        pytest.skip("../shared/data is not available")
    article = only_article(path)
    assert article.text == path.read_text(encoding="utf-8").strip()
    assert article.meta.published is None


# --------------------------------------------------------------------------- encodings and bad files


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("„Das ist ein großer Schritt für Köln“, sagte Müller – 5 €.".encode("cp1252"))
    assert only_article(path).text == "„Das ist ein großer Schritt für Köln“, sagte Müller – 5 €."


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Straße in München wurde gesperrt, sagte die Polizei.".encode("latin-1"))
    assert only_article(path).text == "Die Straße in München wurde gesperrt, sagte die Polizei."


def test_bom_is_removed(tmp_path: Path) -> None:
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + BODY_DE.encode("utf-8"))
    (tmp_path / "bom16.txt").write_bytes(BODY_DE.encode("utf-16"))
    assert [a.text for a in read_all(tmp_path)] == [BODY_DE, BODY_DE]  # type: ignore[union-attr]


def test_decode_keeps_cp1252_unassigned_bytes_as_latin1() -> None:
    assert decode_bytes(b"Caf\xe9 \x81") == "Café \x81"


def test_binary_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert "bild.txt" in str(error) and "binary" in str(error)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
@pytest.mark.parametrize("name", ["leer.txt", "leer.jsonl", "leer.html"])
def test_empty_file_is_an_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert "empty" in str(error) and name in str(error)


def test_header_without_body_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nur-kopf.txt"
    path.write_text("date 2024-03 Berlin\nReuters\n—\n", encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "empty" in str(error)


def test_missing_and_unsupported_paths_are_errors(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing, unsupported = read_all(tmp_path / "fehlt.txt", pdf)
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    assert isinstance(unsupported, InputError) and ".pdf" in str(unsupported)


def test_too_large_text_file_is_rejected_quickly(tmp_path: Path) -> None:
    path = tmp_path / "riesig.txt"
    path.write_bytes(b"Wort " * (21 * 1024 * 1024 // 5 + 1))
    start = time.perf_counter()
    (error,) = read_all(path)
    assert time.perf_counter() - start < 1.0
    assert isinstance(error, InputError) and "too large" in str(error)
    # the sizes in the units of --max-size-mb and README (20 MB), not 21.0 MB for the default limit
    assert f"21 MB ({path.stat().st_size:,} bytes), the limit is 20 MB" in str(error)
    (small,) = read_all(path, options=IngestOptions(max_file_bytes=int(0.5 * 1024 * 1024)))
    assert isinstance(small, InputError) and "the limit is 0.5 MB" in str(small)


# --------------------------------------------------------------------------- .jsonl and stdin


def jsonl(*records: object) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_jsonl_malformed_line_is_reported_and_others_processed(tmp_path: Path) -> None:
    path = tmp_path / "artikel.jsonl"
    text = "  „Nein“, sagte sie.\r\nDann ging sie.  "
    path.write_bytes(
        jsonl(
            {"id": "a1", "text": text, "lang": "de", "published": "2024-02-01", "source": "dpa"},
            '{"id": "a2", "text": "kaputt',
            "",
            {"id": 3, "text": "He said no.", "title": "No", "url": "https://example.org/x"},
            {"id": "a4", "text": 42},
            ["not", "an", "object"],
        )
    )
    first, broken, third, wrong_type, not_object = read_all(path)
    assert isinstance(first, Article) and first.text == text  # unchanged, whitespace and \r\n included
    assert (first.id, first.language, first.meta.published, first.meta.source) == ("a1", "de", "2024-02-01", "dpa")
    assert isinstance(broken, InputError) and broken.origin == f"{path}:2"
    assert "(Invalid control character at column 29)" in str(broken)  # once "… at at column 29"
    assert isinstance(third, Article) and third.id == "3" and third.meta.url == "https://example.org/x"
    assert isinstance(wrong_type, InputError) and wrong_type.origin == f"{path}:5"
    assert 'field "text" must be a string, not a number' in str(wrong_type)
    assert isinstance(not_object, InputError) and not_object.origin == f"{path}:6"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x"}, 'field "text" (a string) is missing'),
        ({"id": "x", "text": None}, 'field "text" (a string) is missing'),
        ({"id": "x", "text": ["Satz"]}, 'field "text" must be a string, not an array'),
        ({"id": "x", "text": True}, 'field "text" must be a string, not a boolean'),
        ({"id": "x", "text": "Er\u0000 sagte nein."}, 'field "text" holds a NUL character (\\u0000) at character 2'),
        ({"id": "x\u0000", "text": BODY_DE}, 'field "id" holds a NUL'),
        ({"id": "x", "text": BODY_DE, "source": "dpa\u0000"}, 'field "source" holds a NUL'),
    ],
)
def test_jsonl_field_errors_say_what_is_wrong(tmp_path: Path, record: dict[str, object], message: str) -> None:
    path = tmp_path / "felder.jsonl"
    path.write_bytes(jsonl(record))
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.origin == f"{path}:1"
    assert message in str(error)


def test_jsonl_without_id_gets_a_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "ohne-id.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl({"text": BODY_DE}))
    assert only_article(path).id == content_id(BODY_DE)


def test_stdin_is_read_as_jsonl() -> None:
    stream = io.BytesIO(jsonl({"id": "s1", "text": BODY_DE}, "{oops"))
    article, error = read_all("-", stdin=stream)
    assert isinstance(article, Article) and article.id == "s1"
    assert isinstance(error, InputError) and error.origin == "<stdin>:2"


def test_large_jsonl_is_streamed(tmp_path: Path) -> None:
    """A 50 MB JSONL file is read record by record: memory stays far below the file size."""
    path = tmp_path / "gross.jsonl"
    paragraph = (BODY_DE + " ") * 40  # about 5 KB
    with path.open("w", encoding="utf-8") as sink:
        for index in range(10_000):
            sink.write(json.dumps({"id": f"n{index}", "text": paragraph}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 50_000_000
    start = time.perf_counter()
    tracemalloc.start()
    count = sum(1 for item in iter_articles([path]) if isinstance(item, Article))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 10_000
    assert peak < 5_000_000
    assert time.perf_counter() - start < 30


# --------------------------------------------------------------------------- .html and directories

HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Haushalt: Gespräche gescheitert | Tagesblatt</title>
<meta property="og:title" content="Haushalt: Gespräche gescheitert">
<meta property="og:site_name" content="Tagesblatt">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
</head><body>
<nav><a href="/">Startseite</a> | <a href="/politik">Politik</a> | <a href="/sport">Sport</a></nav>
<article><h1>Haushalt: Gespräche gescheitert</h1>
<p>Die Gespräche über den Bundeshaushalt sind am Dienstag in Berlin ohne Ergebnis zu Ende gegangen.
„Wir werden nicht nachgeben“, sagte Finanzministerin Petra Lange nach der Sitzung.</p>
<p>Die Opposition kritisierte den Entwurf scharf. Er sei sozial unausgewogen und gefährde
Investitionen in Schulen und Straßen, erklärte der Abgeordnete Jonas Weber.</p>
</article>
<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


def test_html_title_date_and_body_are_extracted(tmp_path: Path) -> None:
    path = tmp_path / "haushalt.html"
    path.write_text(HTML, encoding="utf-8")
    article = only_article(path)
    assert article.id == "haushalt"
    assert article.meta.title == "Haushalt: Gespräche gescheitert"
    assert article.meta.published == "2024-03-05"
    assert "„Wir werden nicht nachgeben“, sagte Finanzministerin Petra Lange" in article.text
    assert "Impressum" not in article.text and "Startseite" not in article.text


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "leer.htm"
    path.write_text('<html><head><title>x</title></head><body><img src="x.png"></body></html>', encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "leer.htm" in str(error)


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".versteckt").mkdir()
    (tmp_path / "b" / "zwei.txt").write_text(BODY_DE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY_DE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(jsonl({"id": "c1", "text": BODY_DE}, {"id": "c2", "text": BODY_DE}))
    (tmp_path / "notizen.md").write_text("# nicht lesen", encoding="utf-8")
    (tmp_path / ".versteckt" / "x.txt").write_text(BODY_DE, encoding="utf-8")
    ids = [item.id for item in read_all(tmp_path) if isinstance(item, Article)]
    assert ids == ["a", "zwei", "c1", "c2"]


def test_directory_without_supported_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("nichts", encoding="utf-8")
    (error,) = read_all(tmp_path)
    assert isinstance(error, InputError)
