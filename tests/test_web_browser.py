"""The web app in a real browser: Debian's Chromium driven by Playwright (no browser download).

A uvicorn server runs in a background thread on a free loopback port over a temporary SQLite
store holding tests/data/kb-articles.jsonl and the bundled samples. Every test also checks that
no request left loopback, that no dialog opened (no injected script ran) and that the page broke
no Content-Security-Policy rule.

Without Chromium or Playwright the tests skip, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from statement_articles import articles as statement_articles

from onrecord.ingest import iter_articles
from onrecord.storage import Store, ingest, open_store
from onrecord.storage.queries import find_entities

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1"}
GERMAN = (
    "Die Bürgermeisterin von Kassel, Petra Schneider, lehnt die Pläne ab. "
    "„Das ist mit uns nicht zu machen“, sagte Schneider am Dienstag. "
    "Der Landrat Jürgen Weber entgegnete, die Stadt müsse sparen."
)


def _require_browser() -> Any:
    """The Playwright ``sync_playwright`` entry point, or a skip (a failure under CI)."""
    ci = os.environ.get("CI", "").lower() == "true"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        if ci:
            pytest.fail("CI runs the browser tests: install playwright (Python package)")
        pytest.skip("playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if ci:
            pytest.fail(f"CI runs the browser tests: {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    return sync_playwright


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("browser") / "web.db")
    sources = [ROOT / "tests" / "data" / "kb-articles.jsonl", ROOT / "onrecord" / "samples"]
    report = ingest(store, iter_articles(sources))
    assert report.failed == 0
    # one statement run by several outlets, and unnamed and anonymous sources (issue 18)
    assert store.put_many([(analysis, None) for analysis in statement_articles()]) == ["added"] * 8
    yield store
    store.close()


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port; yields its base URL."""
    sync_playwright = _require_browser()  # skip before starting anything
    del sync_playwright
    import uvicorn

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(ServerSettings(host="127.0.0.1", port=port), store=store)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    sync_playwright = _require_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page did that it must not: leave loopback, open dialogs, break the CSP."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from _watched_page(browser, {"width": 1360, "height": 900})


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A page on a phone's screen: 390 CSS pixels wide, touch, device scale 3."""
    screen = {"width": 390, "height": 844}
    yield from _watched_page(browser, screen, is_mobile=True, has_touch=True, device_scale_factor=3)


def _watched_page(browser: Any, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    """A page in a fresh context that records what it must not do (see :class:`Watch`)."""
    watch = Watch()
    context = browser.new_context(viewport=viewport, service_workers="block", **options)

    def guard(route: Any) -> None:
        url = route.request.url
        watch.requests.append(url)
        if urlsplit(url).hostname not in LOOPBACK:
            watch.outside.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: watch.console.append(message.text))
    page.watch = watch  # type: ignore[attr-defined]
    yield page
    context.close()
    assert watch.requests, "the page made no request at all"
    assert watch.outside == [], f"requests left loopback: {watch.outside}"
    assert all(urlsplit(url).hostname in LOOPBACK for url in watch.requests)
    assert watch.dialogs == [], f"a script ran: {watch.dialogs}"
    assert not [line for line in watch.console if "Content Security Policy" in line], watch.console


def test_paste_german_text_analyse_and_explore(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.fill("#text", GERMAN)
    page.select_option("#lang", "de")
    page.click("form.analyse button[type=submit]")
    page.wait_for_url(server + "/analyse")
    quotes = page.locator("#article-text .hl")
    assert quotes.count() >= 1
    assert page.locator("#article-text .hl.q-direct").first.inner_text() == "„Das ist mit uns nicht zu machen“"
    assert page.locator("#article-text .spk").count() >= 1 and page.locator("#article-text .cue").count() >= 1
    statements = page.locator(".statements [data-nav-item]")
    assert statements.count() >= 1
    assert "Petra Schneider" in statements.first.inner_text() or "Schneider" in statements.first.inner_text()

    # hover a quote: who says it, in which role, how sure
    page.locator("#article-text .hl.q-direct").first.hover()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "Schneider" in text and "confidence" in text and "direct" in text

    # keyboard: j selects the next statement and shows its popover; Escape closes it; / focuses search
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    assert page.locator(".statements .selected").count() == 1
    assert page.locator("#article-text .active").count() >= 1
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "quick-search"


def test_pasted_sample_speaker_leads_to_the_entity_page_with_roles(page: Any, server: str) -> None:
    sample = (ROOT / "onrecord" / "samples" / "sample-de.txt").read_text(encoding="utf-8")
    page.goto(server + "/")
    page.fill("#text", sample)
    page.locator("#text").press("Control+Enter")  # keyboard submit
    page.wait_for_url(server + "/analyse")
    page.locator(".statements a.who", has_text="Thomas Reinhardt").first.click()
    page.wait_for_url("**/entities/E*")
    assert page.locator("h1").inner_text() == "Thomas Reinhardt"
    assert "Oberbürgermeister" in page.locator(".roles").inner_text()
    assert page.locator(".results .statement").count() >= 3


def test_stored_article_speaker_link_and_back_to_the_quote(page: Any, server: str, store: Store) -> None:
    page.goto(server + "/articles/kb-de-1")
    assert page.locator("h1").inner_text() == "Selenskyj fordert schnellere Sanktionen"
    page.locator(".statements a.who", has_text="Katrin Vogel").first.click()
    page.wait_for_url(server + f"/entities/{find_entities(store, 'Katrin Vogel')[0].id}")
    roles = page.locator(".roles").inner_text()
    assert "Professorin für Osteuropastudien" in roles and "2023-05-10" in roles
    assert "Wolodymyr Selenskyj" in page.locator(".companions").first.inner_text()
    # a statement links to its article and the quote is selected there
    statement = page.locator(".results .statement", has_text="Kreml")  # Vogel has two in that article
    statement.locator("a[data-primary]", has_text="Expertin warnt").first.click()
    page.wait_for_url("**/articles/kb-de-2#at-*")
    page.locator(".statements .selected").wait_for()
    assert "Kreml" in page.locator(".statements .selected").inner_text()


def test_search_with_a_filter_and_keyboard(page: Any, server: str) -> None:
    page.goto(server + "/search")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.fill("input[name=speaker]", "Vogel")
    page.select_option("select[name=kind]", "direct")
    page.locator("input[name=speaker]").press("Enter")
    page.wait_for_url("**/search?*speaker=Vogel*")
    results = page.locator(".results .statement")
    assert results.count() == 3
    assert "3 statements" in page.locator("#h-quotes").text_content()
    assert all("direct" in results.nth(i).inner_text() for i in range(3))
    # full-text search with highlights
    page.fill("#q", "Sanktionen")
    page.locator("input[name=speaker]").fill("")
    page.select_option("select[name=kind]", "")
    page.locator("#q").press("Enter")
    page.wait_for_url("**/search?q=Sanktionen*")
    assert page.locator(".results mark").count() >= 1
    # j then Enter opens the first result's article
    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**")
    assert page.locator("#article-text").count() == 1


def test_graph_renders_nodes_and_a_click_opens_an_entity(page: Any, server: str, store: Store) -> None:
    vogel = find_entities(store, "Katrin Vogel")[0].id
    page.goto(server + f"/entities/{vogel}")
    page.locator(f'a[href="/graph?entity={vogel}"]').click()
    page.wait_for_url(f"**/graph?entity={vogel}")
    page.locator('#graph[data-ready="1"]').wait_for()
    assert page.locator("#graph canvas").count() >= 1
    nodes = page.evaluate("window.onrecordGraph.nodes().map(n => n.id())")
    assert vogel in nodes and len(nodes) >= 2
    target = next(node for node in nodes if node != vogel)
    position = page.evaluate(f"window.onrecordGraph.getElementById({target!r}).renderedPosition()")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_url(f"**/entities/{target}")
    assert page.locator("h1").count() == 1


def test_graph_of_a_search_result(page: Any, server: str) -> None:
    page.goto(server + "/search?q=Sanktionen")
    page.locator("#h-quotes a.aside-link").click()
    page.locator('#graph[data-ready="1"]').wait_for()
    assert page.evaluate("window.onrecordGraph.nodes().length") >= 2
    assert page.locator(".graph-lists .node-link").count() >= 2


def test_hostile_text_stays_text_in_the_browser(page: Any, server: str) -> None:
    hostile = (
        "„Ich sage <script>alert(1)</script> und <img src=x onerror=alert(2)>“, "
        'sagte " onmouseover="alert(3) Max Mustermann.'
    )
    page.goto(server + "/")
    page.fill("#title", "<img src=x onerror=alert(4)>")
    page.fill("#text", hostile)
    page.click("form.analyse button[type=submit]")
    page.wait_for_url(server + "/analyse")
    body = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert page.locator("h1").inner_text() == "<img src=x onerror=alert(4)>"
    assert page.locator("main img, main script").count() == 0
    for span in page.locator("#article-text span").all()[:5]:
        span.hover()


def test_pages_fit_a_phone_screen_without_sideways_scrolling(phone: Any, server: str, store: Store) -> None:
    vogel = find_entities(store, "Katrin Vogel")[0].id
    bridge = store.statements(limit=1)[0].id
    urls = [
        "/", "/articles/kb-de-1", "/articles/sample-de", "/search?q=Sanktionen", "/search?speaker=Vogel&kind=direct",
        "/search?since=gestern", f"/entities/{vogel}", "/entities", "/articles", f"/graph?entity={vogel}",
        "/graph?min=1", "/sources", "/sources?q=Brücke", "/statements", f"/statements/{bridge}",
    ]  # fmt: skip
    wide: dict[str, int] = {}
    for url in urls:
        phone.goto(server + url)
        if url.startswith("/graph"):
            phone.locator('#graph[data-ready="1"]').wait_for()
        for canvas in phone.locator("canvas[data-chart]").all():
            canvas.wait_for(state="attached")
            phone.wait_for_function("c => c.dataset.ready === '1'", arg=canvas.element_handle())
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide[url] = width
    # an analysed text whose title, words and link are longer than the screen is wide
    phone.goto(server + "/")
    long_word = "Bundesverkehrswegeplanfortschreibungsgesetzesnovellierungsentwurf"
    phone.fill("#text", f"{long_word} gestoppt\n\n{GERMAN} Mehr unter https://example.org/{long_word}/{long_word}.")
    phone.click("form.analyse button[type=submit]")
    phone.wait_for_url(server + "/analyse")
    assert phone.locator("h1").inner_text() == f"{long_word} gestoppt"
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    if width > 390:
        wide["/analyse (long words)"] = width
    assert wide == {}, f"pages wider than the 390 px screen (they scroll sideways): {wide}"


# --------------------------------------------------------------------------- statements, sources, graph (issue 18)


def _painted(page: Any, selector: str) -> int:
    """How many pixels of the canvas are not transparent (the chart drew something)."""
    script = """c => { const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    return int(page.locator(selector).evaluate(script))


def test_sources_dashboard_draws_its_charts_from_the_vendored_library(page: Any, server: str) -> None:
    page.goto(server + "/sources")
    page.locator('#chart-speakers[data-ready="1"]').wait_for()
    assert any(url.endswith("/static/vendor/chartjs/chart.umd.min.js") for url in page.watch.requests)
    assert page.evaluate("typeof window.Chart") == "function"
    assert page.evaluate("window.onrecordCharts.length") == 3
    for name in ("outlets", "months", "speakers"):
        assert _painted(page, f"#chart-{name}") > 1000, name
    labels = page.evaluate("window.onrecordCharts[0].data.labels")
    assert labels[0] == "All outlets" and "Lindauer Bote" in labels
    # each outlet's kinds add up to 100 %
    sums = page.evaluate("""window.onrecordCharts[0].data.labels.map((_, i) =>
        window.onrecordCharts[0].data.datasets.reduce((s, d) => s + d.data[i], 0))""")
    assert all(abs(total - 100) < 0.5 for total in sums)
    # a search narrows the dashboard to its statements
    page.fill("#q", "Brücke")
    page.locator("#q").press("Enter")
    page.wait_for_url("**/sources?q=Br*")
    page.locator('#chart-speakers[data-ready="1"]').wait_for()
    assert page.evaluate("window.onrecordCharts[2].data.labels") == ["Anna Hollweg"]


def test_statement_page_from_an_article_side_by_side_with_a_timeline(page: Any, server: str) -> None:
    page.goto(server + "/articles/w2")
    page.locator(".statements a.statement-link").first.click()
    page.wait_for_url("**/statements/st-*")
    assert page.locator("h1").inner_text() == "Anna Hollweg"
    cards = page.locator(".occurrence")
    assert cards.count() == 4
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"] + first["width"] - 1  # side by side
    cut = cards.nth(1).locator("del.cut").inner_text().strip()
    assert cut == "und sie kostet keinen einzigen Cent mehr als geplant"
    assert cards.nth(2).locator("ins.added").inner_text().strip() == "–"
    page.locator('#chart-timeline[data-ready="1"]').wait_for()
    assert _painted(page, "#chart-timeline") > 500
    points = page.evaluate("window.onrecordCharts[0].data.datasets[0].data.map(p => [p.y, p.label])")
    assert [y for y, _ in points] == [0, 1, 2]
    page.locator(".timeline a.run", has_text="undated").click()
    page.wait_for_url("**/articles/w4#at-*")


def test_graph_arrows_carry_statements_and_stances_and_filter_by_weight(page: Any, server: str) -> None:
    page.goto(server + "/graph?min=1")
    page.locator('#graph[data-ready="1"]').wait_for()
    edges = page.evaluate("window.onrecordGraph.edges().map(e => [e.data('weight'), e.data('stance')])")
    assert len(edges) == page.locator(".edges li.edge").count() >= 5
    assert edges[0][0] >= 2 and all(stance for _, stance in edges)
    # arrows point from the speaker to whom they spoke about
    shape = page.evaluate("window.onrecordGraph.edges()[0].style('target-arrow-shape')")
    assert shape == "triangle"
    page.select_option("#g-min", "2")
    page.click(".graph-form button[type=submit]")
    page.wait_for_url("**/graph?*min=2*")
    page.locator('#graph[data-ready="1"]').wait_for()
    heavy = page.evaluate("window.onrecordGraph.edges().map(e => e.data('weight'))")
    assert heavy and min(heavy) >= 2 and len(heavy) < len(edges)
