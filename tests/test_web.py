"""The web app's pages over a real store (tests/data/kb-articles.jsonl and the bundled samples):
every page renders with real content, errors are HTML pages, untrusted text is escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from onrecord.api.app import create_app
from onrecord.api.settings import ServerSettings
from onrecord.ingest import iter_articles
from onrecord.model import Analysis, Entity, Mention, Meta, Quote, Role
from onrecord.storage import Store, ingest, open_store
from onrecord.storage.queries import find_entities
from onrecord.web import STATIC_DIR

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "kb-articles.jsonl"
SAMPLES = ROOT / "onrecord" / "samples"
LOCAL = "http://127.0.0.1:8000"  # the host a browser names on loopback (TestClient says "testserver")

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)'
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = (SCRIPT, ATTRIBUTE, IMAGE)
ESCAPED = (
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#34; onmouseover=&#34;alert(1)",
    "&lt;img src=x onerror=alert(1)&gt;",
)


def _hostile_analysis() -> Analysis:
    """An article whose title, words and speaker name all try to inject markup."""
    text = f"„Wir sagen {SCRIPT} und {IMAGE}“, sagte {ATTRIBUTE} Mallory. Mehr nicht."
    quote_end = text.index("“") + 1
    cue = text.index("sagte")
    name_start = cue + 6
    name_end = text.index(" Mallory") + 8
    return Analysis(
        id="xss-1",
        language="de",
        meta=Meta(title=f"Titel {SCRIPT} {ATTRIBUTE} {IMAGE}", source=f"Quelle {IMAGE}", url="javascript:alert(1)"),
        text=text,
        quotes=[
            Quote(
                id="q1", kind="direct", text=text[:quote_end], spans=[(0, quote_end)],
                cue=Mention(text="sagte", spans=[(cue, cue + 5)]),
                speaker=Mention(text=text[name_start:name_end], spans=[(name_start, name_end)]),
                entity="e1", confidence=0.9,
            )
        ],
        entities=[
            Entity(
                id="e1", name=f"{SCRIPT} {ATTRIBUTE} {IMAGE} Mallory", type="person", mentions=[(name_start, name_end)],
                roles=[Role(title=f"Chef {IMAGE}", organization=f"Firma {SCRIPT}")],
            ),
            Entity(id="e2", name="Katrin Vogel", type="person", mentions=[(len(text) - 11, len(text) - 7)]),
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("web") / "web.db")
    report = ingest(store, iter_articles([CORPUS, SAMPLES]))
    assert report.added == 6 and report.failed == 0
    assert store.put_many([(_hostile_analysis(), None)]) == ["added"]
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(), store=store), base_url=LOCAL) as client:
        yield client


def _entity(store: Store, name: str) -> str:
    return find_entities(store, name)[0].id


def _ok(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    return response.text


class _Elements(HTMLParser):
    """The elements of a page with their attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _no_inline_script(html: str) -> None:
    """No script but our own files, no event-handler attributes, no resource from elsewhere."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag in {"script", "img", "iframe", "object", "embed"}:
            assert tag == "script" and (attrs.get("src") or "").startswith("/static/"), (tag, attrs)
        for name in ("src", "href", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "//", "http:", "https:", "data:")), (tag, attrs)


# --------------------------------------------------------------------------- pages


def test_home_is_the_analyse_form_with_store_counts(client: TestClient) -> None:
    html = _ok(client, "/")
    assert '<form class="analyse" action="/analyse" method="post" enctype="multipart/form-data">' in html
    assert "7 articles" in html and "Analyse</a>" in html and 'href="/search"' in html
    _no_inline_script(html)


def test_articles_list_and_a_stored_article_highlighted(client: TestClient, store: Store) -> None:
    html = _ok(client, "/articles")
    assert "Selenskyj fordert schnellere Sanktionen" in html and "Tagesblatt" in html
    html = _ok(client, "/articles/kb-de-1")
    assert "Selenskyj fordert schnellere Sanktionen</h1>" in html
    assert re.search(r'<span class="hl q-direct" data-refs="\d+" id="at-\d+" title="[^"]*">„Jede Verzögerung', html)
    assert '<span class=" spk"' in html or 'class=" cue spk"' in html or " spk" in html
    vogel = _entity(store, "Katrin Vogel")
    assert f'href="/entities/{vogel}"' in html  # the speaker links to the stored entity
    assert 'data-role="Professorin für Osteuropastudien, Universität Hamburg"' in html
    assert 'href="/graph?article=kb-de-1"' in html
    _no_inline_script(html)


def test_sample_articles_render(client: TestClient) -> None:
    html = _ok(client, "/articles/sample-de")
    assert "Thomas Reinhardt" in html and "q-direct" in html and "Oberbürgermeister" in html
    html = _ok(client, "/articles/sample-en")
    assert "statements" in html and "q-" in html


def test_entities_list_and_filters(client: TestClient) -> None:
    html = _ok(client, "/entities")
    assert "Katrin Vogel" in html and "Wolodymyr Selenskyj" in html
    html = _ok(client, "/entities?name=vogel&type=person")
    assert "Katrin Vogel" in html and "Thomas Reinhardt" not in html


def test_entity_page_names_roles_statements_companions(client: TestClient, store: Store) -> None:
    vogel = _entity(store, "Katrin Vogel")
    html = _ok(client, f"/entities/{vogel}")
    assert "<h1>Katrin Vogel</h1>" in html
    assert "Roles over time" in html and "Professorin für Osteuropastudien" in html and "2023-05-10" in html
    assert "Names and aliases" in html and "<span>Vogel</span>" in html
    assert "„Wer jetzt nachlässt, belohnt den Kreml“" in html and 'href="/articles/kb-de-2#at-' in html
    assert "Quoted alongside" in html and "Wolodymyr Selenskyj</a>" in html
    assert f'href="/graph?entity={vogel}"' in html


def test_entity_page_says_what_others_said_about_it_and_what_it_is_said_to_do(client: TestClient, store: Store) -> None:
    russia = _entity(store, "Russia")
    html = _ok(client, f"/entities/{russia}")
    section = html[html.index('id="h-said-about"') :]
    # Selenskyj's demand names Russia: listed with its speaker and its stance
    assert "Wolodymyr Selenskyj</a>" in section and "tougher sanctions against Russia" in section
    assert '<span class="stance st-demand" title="stance">demand</span>' in section
    selenskyj = _entity(store, "Wolodymyr Selenskyj")
    html = _ok(client, f"/entities/{selenskyj}")
    assert "Wolodymyr Selenskyj is said to …" in html
    said_to = html[html.index('class="said-to"') : html.index('id="h-said-about"')]
    # demands: "neue Sanktionen … gefordert", "Die Europäische Union müsse schneller handeln" (deontic
    # müssen under a neutral frame, STANCE-GUIDELINES), "called on … for tougher sanctions"
    assert '<span class="stance st-demand">demand</span> <span class="n">3</span>' in said_to
    assert '<span class="stance st-asserted">assert</span> <span class="n">2</span>' in said_to
    # his own statements that name Russia are not "said about" him; nobody else names him
    section = html[html.index('id="h-said-about"') :]
    assert "No statement by others names Wolodymyr Selenskyj." in section


def test_entity_lookup_redirects_to_the_best_match(client: TestClient, store: Store) -> None:
    response = client.get("/entities/lookup?name=Vogel", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/entities/{_entity(store, 'Vogel')}"
    response = client.get("/entities/lookup?name=Niemand", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/entities?name=Niemand"


def test_search_ranked_with_highlights_and_articles(client: TestClient) -> None:
    html = _ok(client, "/search?q=Sanktionen")
    assert "<mark>" in html and 'id="h-articles"' in html
    assert 'href="/graph?q=Sanktionen"' in html


def test_search_with_filters_lists_statements(client: TestClient) -> None:
    html = _ok(client, "/search?speaker=Vogel&kind=direct")
    assert "3 statements" in html and "„Wir brauchen jetzt Entscheidungen, nicht weitere Gipfel“" in html
    assert '<option value="direct" selected>' in html
    html = _ok(client, "/search?lang=en&speaker=Vogel")
    assert "Sanctions work, but they work slowly" in html and "Wer jetzt nachlässt" not in html
    html = _ok(client, "/search?since=2024&until=2024-12-31&speaker=Vogel")
    assert "Wer jetzt nachlässt" in html and "Wir brauchen jetzt" not in html
    html = _ok(client, "/search?organization=Hamburg")
    assert "Katrin Vogel" in html
    html = _ok(client, "/search?q=Kreml&outlet=Tagesblatt")
    assert "1 statement" in html


def test_search_reports_bad_input_on_the_page(client: TestClient) -> None:
    html = _ok(client, "/search?since=gestern&kind=shouted&speaker=Vogel")
    assert "since: write a date as YYYY" in html and "unknown kind" in html
    html = _ok(client, "/search?q=-")
    assert 'class="alert"' in html
    html = _ok(client, "/search")
    assert "quoted phrases" in html


def test_an_invalid_date_stays_in_the_form_after_its_message(client: TestClient) -> None:
    html = _ok(client, "/search?since=gestern&until=2024-13-99x&speaker=Vogel")
    assert "since: write a date as YYYY" in html and "until: write a date as YYYY" in html
    assert re.search(r'<input name="since" [^>]*value="gestern"', html)  # to correct, not to retype
    assert re.search(r'<input name="until" [^>]*value="2024-13-99x"', html)
    assert re.search(r'<input name="speaker" [^>]*value="Vogel"', html)


def _title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, flags=re.S)
    assert match is not None
    return match.group(1)


def test_page_titles_name_each_part_once(client: TestClient, store: Store) -> None:
    vogel = _entity(store, "Katrin Vogel")
    urls = ["/", "/search", "/search?q=Sanktionen", "/articles", "/articles/kb-de-1", "/entities",
            f"/entities/{vogel}", "/graph", f"/graph?entity={vogel}", "/graph?q=Sanktionen"]  # fmt: skip
    titles = {url: _title(_ok(client, url)) for url in urls}
    for url, title in titles.items():
        parts = title.split(" · ")
        assert len(parts) == len(set(parts)), (url, title)
    assert titles["/graph"] == "Graph · onrecord"
    assert titles[f"/graph?entity={vogel}"] == "Around Katrin Vogel · Graph · onrecord"


def test_graph_pages(client: TestClient, store: Store) -> None:
    vogel = _entity(store, "Katrin Vogel")
    html = _ok(client, f"/graph?entity={vogel}")
    assert "Around Katrin Vogel" in html and 'id="graph"' in html and "data-graph=" in html
    assert "/static/vendor/cytoscape/cytoscape.min.js" in html
    assert 'class="node-link center"' in html
    _no_inline_script(html)
    # speaker → entity spoken about, with the statements and their stances; no "together" clique
    edges = re.findall(r'<li class="edge"[^>]*>(.*?)</li>', html, flags=re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", edge).split()) for edge in edges]
    assert "Katrin Vogel → European Union 1 statement 1 asserted article 1" in texts
    assert all(text.startswith("Katrin Vogel → ") for text in texts) and "together" not in html
    assert "data-graph=" in _ok(client, "/graph?q=Sanktionen")
    assert "data-graph=" in _ok(client, "/graph?speaker=Vogel")
    assert "In Selenskyj fordert" in _ok(client, "/graph?article=kb-de-1")


def test_graph_of_the_store_filters_by_minimum_weight(client: TestClient) -> None:
    def pairs(html: str) -> set[str]:
        found = re.findall(r'<span class="pair">(.*?)</span>\s*<span class="weight">', html, flags=re.S)
        return {" ".join(re.sub(r"<[^>]+>", " ", pair).split()) for pair in found}

    heavy = pairs(_ok(client, "/graph"))  # the whole store, at least two statements per arrow
    assert heavy == {"Olaf Scholz → Ukraine", "Olaf Scholz → Germany", "Wolodymyr Selenskyj → Russia"}
    every = pairs(_ok(client, "/graph?min=1"))
    assert heavy < every and "Katrin Vogel → Westen" in every
    html = _ok(client, "/graph?min=3")
    assert pairs(html) == set() and "in 3 statements or more" in html and 'href="/graph?min=1"' in html
    html = _ok(client, "/graph?min=zwei")
    assert "minimum statements: write a whole number" in html and pairs(html) == heavy


def test_static_assets_are_local(client: TestClient) -> None:
    for path in ("app.css", "app.js", "graph.js", "graph.css", "favicon.svg", "vendor/cytoscape/cytoscape.min.js"):
        assert client.get(f"/static/{path}").status_code == 200, path
    assert "MIT" in (STATIC_DIR / "vendor" / "cytoscape" / "VERSION").read_text()
    assert "Permission is hereby granted" in (STATIC_DIR / "vendor" / "cytoscape" / "LICENSE").read_text()
    for own in ("app.css", "app.js", "graph.js", "graph.css"):
        assert not re.search(r"https?://", (STATIC_DIR / own).read_text()), own


def test_pages_run_few_queries(client: TestClient, store: Store) -> None:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    vogel = _entity(store, "Katrin Vogel")
    event.listen(store.engine, "before_cursor_execute", count)
    try:
        for url in ("/", "/articles", "/articles/kb-de-1", "/entities", f"/entities/{vogel}", "/search?q=Kreml",
                    "/search?speaker=Vogel", f"/graph?entity={vogel}"):  # fmt: skip
            seen.clear()
            _ok(client, url)
            # an entity page also lists what others said about it (a quote list: 3) and its stances (1)
            assert len(seen) <= (16 if url.startswith("/entities/") else 12), (url, len(seen))
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


# --------------------------------------------------------------------------- analyse


def test_paste_and_analyse_highlights_without_storing(client: TestClient) -> None:
    text = (SAMPLES / "sample-de.txt").read_text(encoding="utf-8")
    response = client.post("/analyse", data={"text": text, "title": "Nahverkehr", "lang": ""})
    assert response.status_code == 200
    html = response.text
    assert "<h1>Nahverkehr</h1>" in html and "not stored" in html
    assert 'class="hl q-direct"' in html and " cue" in html and " spk" in html
    assert "Thomas Reinhardt" in html and "Oberbürgermeister" in html and 'data-confidence="' in html
    assert 'href="/entities/lookup?name=Thomas+Reinhardt"' in html
    assert "„Wir haben monatelang verhandelt“" in html
    assert _ok(client, "/").count("7 articles") == 1  # nothing was stored


def test_upload_txt_and_html(client: TestClient) -> None:
    data = (SAMPLES / "sample-en.txt").read_bytes()
    response = client.post("/analyse", files={"file": ("article.txt", data, "text/plain")})
    assert response.status_code == 200 and "q-direct" in response.text and "Western Daily Courier" in response.text
    page = (
        "<html><head><title>Council row</title></head><body><article><h1>Council row</h1>"
        + "".join(f"<p>{line}</p>" for line in (SAMPLES / "sample-en.txt").read_text().splitlines()[4:] if line)
        + "</article></body></html>"
    )
    response = client.post("/analyse", files={"file": ("page.html", page.encode("utf-8"), "text/html")})
    assert response.status_code == 200 and "q-" in response.text


def test_analyse_errors_stay_on_the_form(client: TestClient) -> None:
    response = client.post("/analyse", data={"text": "   "})
    assert response.status_code == 422 and 'role="alert"' in response.text and "no text to analyse" in response.text
    response = client.post("/analyse", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")})
    assert response.status_code == 422 and "upload a .txt or .html file" in response.text
    response = client.post("/analyse", files={"file": ("x.txt", b"\x00\x01\x02binary", "text/plain")})
    assert response.status_code == 422 and "binary" in response.text
    assert client.get("/analyse", follow_redirects=False).headers["location"] == "/"


# --------------------------------------------------------------------------- errors and security


@pytest.mark.parametrize(
    "url", ["/articles/nope", "/entities/nope", "/graph?entity=nope", "/graph?article=nope", "/nope"]
)
def test_not_found_is_an_html_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<span class="code">404</span>' in response.text and "content-security-policy" in response.headers


def test_api_errors_stay_json(client: TestClient) -> None:
    response = client.get("/api/entities/nope")
    assert response.status_code == 404 and response.json()["error"]["status"] == 404


def _assert_escaped(html: str) -> None:
    for raw in HOSTILE:
        assert raw not in html, raw
    for escaped in ESCAPED:
        assert escaped in html, escaped
    _no_inline_script(html)


def test_hostile_stored_article_renders_as_text(client: TestClient, store: Store) -> None:
    html = _ok(client, "/articles/xss-1")
    _assert_escaped(html)
    assert 'href="javascript:' not in html and "source page" not in html
    assert "Chef &lt;img src=x onerror=alert(1)&gt;" in html  # the role, escaped
    mallory = _entity(store, "Mallory")
    for url in (f"/entities/{mallory}", f"/graph?entity={mallory}", "/search?q=Mallory", "/search?speaker=Mallory",
                "/articles", "/entities?name=Mallory"):  # fmt: skip
        html = _ok(client, url)
        for raw in HOSTILE:
            assert raw not in html, (url, raw)
        assert "&lt;script&gt;" in html or "&lt;img" in html, url
        _no_inline_script(html)


def test_hostile_pasted_text_and_error_messages_render_as_text(client: TestClient) -> None:
    text = f"„Das ist {SCRIPT} gefährlich {IMAGE}“, sagte {ATTRIBUTE} Peter Müller am Montag in Berlin."
    response = client.post("/analyse", data={"text": text, "title": f"{SCRIPT}{ATTRIBUTE}{IMAGE}", "lang": "de"})
    assert response.status_code == 200
    _assert_escaped(response.text)
    response = client.get(f"/entities/{SCRIPT}{IMAGE}")
    assert response.status_code == 404
    for raw in (SCRIPT, IMAGE):
        assert raw not in response.text
