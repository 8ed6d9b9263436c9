"""Hostile article text (scripts, HTML, Markdown images, javascript: links) never runs or loads.

The fixture folder holds a plain-text article with markup in its text and metadata (`evil.txt`) and a
saved web page (`evil_page.html`) with inline scripts, on* attributes, javascript: links, an iframe, a
hiding <style> and payloads in its <title>, og: tags and JSON-LD. The page must become an article
whose text holds none of that code; AppTest renders every page without exceptions; headless
Chromium checks that nothing executed (no `window.__pwned`, no alert, no changed document.title),
in the page and in the network iframe, and that no outside URL was requested.
"""
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT

PAGES = ["pages/overview.py", "pages/timeline.py", "pages/network.py", "pages/quotes.py", "pages/actors.py"]
EVIL_PAGE = ROOT / "tests" / "fixtures" / "hostile" / "evil_page.html"
# views that show the saved page's article: its speaker's quotes, its countries' timeline and network
PAGE_VIEWS = ["/quotes?actor=Amel+Ben+Salah", "/timeline?actor=Tunisia", "/network?actor=Tunisia"]
# every payload in evil_page.html carries one of these, so none may reach the text or the browser
MARKERS = ("__pwned", "evil.invalid", "PWNED", "alert(", "fetch(")


class _Payloads(HTMLParser):
    """The code in a page: script and style bodies, on* attribute values and javascript: targets."""

    def __init__(self) -> None:
        super().__init__()
        self.code: list[str] = []
        self.attributes: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k.startswith("on") or (v or "").strip().lower().startswith("javascript:"):
                self.attributes.append(f"{k}={v}")
                self.code.append(v)
        if tag in ("script", "style"):
            self._inside = tag

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside and data.strip():
            self.code.append(data.strip())


def test_hostile_page_becomes_an_article_without_its_code(hostile_cache):
    """The saved page is read as an article (no rejection: the build exited 0) and its text is only prose."""
    docs = pd.read_parquet(hostile_cache / "documents.parquet")
    page = docs[docs.path.str.endswith("evil_page.html")]
    assert len(page) == 1, list(docs.path)
    row = page.iloc[0]
    text = row.text
    assert "Malta and Tunisia signed a harbour agreement" in text and len(text.split()) >= 40
    assert "Robert <b>Evil</b> Tables" in text                 # markup written as text stays text
    assert (row.published, row.date_source) == (date(2024, 3, 4), "metadata")
    # the page's own metadata is kept as data (the app escapes it), payloads and all
    assert "<script>window.__pwned='og-title'</script>" in row.title and "Harbour deal" in row.title
    assert "Evil Gazette" in row.outlet and "onerror" in row.outlet
    assert row.url is None or not str(row.url).lower().startswith("javascript:")

    found = _Payloads()
    found.feed(EVIL_PAGE.read_text(encoding="utf-8"))
    assert len(found.code) >= 15 and len(found.attributes) >= 10      # the fixture is as hostile as it claims
    for code in found.code:
        assert code not in text, code
    for marker in MARKERS:
        assert marker not in text, marker
    assert "javascript:" not in text.lower()
    assert not re.search(r"\bon[a-z]+\s*=", text, re.I), re.search(r"\bon[a-z]+\s*=", text, re.I)
    assert not re.search(r"display\s*:\s*none|visibility\s*:\s*hidden|hidden-by-style|@import", text)
    assert not re.search(r"<(script|iframe|img|svg|style|link|meta)\b", text, re.I)

    # and it went through the stages like any article: its quotes and speakers are there
    quotes = pd.read_parquet(hostile_cache / "quotes.parquet")
    mine = quotes[quotes.doc_id == row.doc_id]
    assert "We waited a long time for this day, and our exporters are ready" in set(mine.text)
    assert "Amel Ben Salah" in set(mine.speaker)
    assert not any(m in q for q in mine.text for m in MARKERS)


@pytest.mark.parametrize("page", PAGES)
def test_pages_render_hostile_text(hostile_cache, monkeypatch, page):
    monkeypatch.setenv("DOSSIER_CACHE", str(hostile_cache))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120).run()
    at.switch_page(str(ROOT / page))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for el in list(at.markdown) + list(at.caption) + list(at.subheader):
        assert "<script" not in el.value and "](" not in el.value.replace("\\](", "")


@pytest.fixture(scope="module")
def hostile_server(hostile_cache, tmp_path_factory):
    from helpers import serve
    yield from serve(hostile_cache, tmp_path_factory)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
@pytest.mark.parametrize("path", ["/", "/timeline", "/network", "/quotes", "/actors", *PAGE_VIEWS])
def test_nothing_executes_in_the_browser(hostile_server, browser, path):
    from helpers import open_page
    outside: list[str] = []

    def record(request):
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            outside.append(request.url)
    # listening on the context before the first navigation: every request of the page and its
    # iframes counts, from the first one; alert/confirm/prompt count as a script that ran
    browser.on("request", record)
    browser.add_init_script("for (const f of ['alert', 'confirm', 'prompt']) "
                            "window[f] = () => { window.__pwned = f; };")
    try:
        page, errors = open_page(browser, hostile_server + path)
        page.wait_for_timeout(1500)
        for frame in page.frames:
            assert frame.evaluate("() => window.__pwned === undefined"), f"script ran in {frame.url[:60]}"
            assert "PWNED" not in frame.evaluate("() => document.title"), f"title changed in {frame.url[:60]}"
        assert outside == []
        assert page.locator('[data-testid="stException"]').count() == 0, _exceptions(page)
        page.close()
    finally:
        browser.remove_listener("request", record)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_the_request_check_can_fail(hostile_server, browser):
    """The listener sees a page's own outside request (so an empty list means something)."""
    seen: list[str] = []

    def record(request):
        seen.append(request.url)
    browser.on("request", record)
    try:
        page = browser.new_page()
        page.route("http://outside.invalid/**", lambda route: route.abort())   # nothing leaves the machine
        page.set_content('<img src="http://outside.invalid/pixel.png">')
        page.wait_for_timeout(300)
        page.close()
    finally:
        browser.remove_listener("request", record)
    assert any("outside.invalid" in u for u in seen)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
@pytest.mark.parametrize("path", ["/timeline", "/timeline?actor=Tunisia"])
def test_timeline_tooltips_show_hostile_text_as_text(hostile_server, browser, path):
    from helpers import open_page
    page, errors = open_page(browser, hostile_server + path)
    marks = page.locator('.dossier-plot .scatterlayer path.point, '
                         '.dossier-plot .barlayer path')
    marks.first.wait_for(state="visible", timeout=60_000)
    for i in range(min(marks.count(), 12)):
        box = marks.nth(i).bounding_box()
        if box:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(150)
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator(".hoverlayer script, .hoverlayer img, .hoverlayer a").count() == 0
    assert errors == []
    page.close()


@pytest.fixture
def watched(browser):
    """The browser with outside requests recorded and alert/confirm/prompt turned into a flag."""
    outside: list[str] = []

    def record(request):
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            outside.append(request.url)
    browser.on("request", record)
    browser.add_init_script("for (const f of ['alert', 'confirm', 'prompt']) "
                            "window[f] = () => { window.__pwned = f; };")
    yield browser, outside
    browser.remove_listener("request", record)


def _nothing_ran(page, outside: list[str]) -> None:
    for frame in page.frames:
        assert frame.evaluate("() => window.__pwned === undefined"), f"script ran in {frame.url[:60]}"
        assert "PWNED" not in frame.evaluate("() => document.title"), f"title changed in {frame.url[:60]}"
    assert outside == []
    assert page.locator('[data-testid="stException"]').count() == 0, _exceptions(page)


def _exceptions(page) -> list[str]:
    return [e.inner_text()[:2000] for e in page.locator('[data-testid="stException"]').all()]


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_quote_reader_shows_the_hostile_page_as_text(hostile_server, watched):
    """Open the saved page's article in the quote reader: its title payloads and markup stay text."""
    from helpers import IDLE, open_page
    browser, outside = watched
    page, errors = open_page(browser, hostile_server + "/quotes?actor=Amel+Ben+Salah")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(state="visible", timeout=60_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)      # the first row's selection box
    reader = page.locator(".dossier-reader").first
    reader.wait_for(state="visible", timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_timeout(1000)
    shown = reader.inner_text()
    assert "Malta and Tunisia signed a harbour agreement" in shown
    assert "Robert <b>Evil</b> Tables" in shown                 # shown as the characters, not bold
    assert reader.locator("script, img, iframe, svg, b, a, style").count() == 0
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "<script>window.__pwned='og-title'</script> Harbour deal signed in Valletta" in main   # the title, as text
    _nothing_ran(page, outside)
    assert errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_network_panel_of_the_hostile_page_runs_nothing(hostile_server, watched):
    """Pick an actor of the saved page in the network: its panel fills in, and nothing runs or loads."""
    from helpers import click_node, network_frame, open_page
    browser, outside = watched
    page, errors = open_page(browser, hostile_server + "/network?actor=Tunisia")
    frame_el, frame = network_frame(page)
    click_node(page, frame_el, frame, "Tunisia")
    frame.locator("#panel-name").filter(has_text="Tunisia").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    _nothing_ran(page, outside)
    assert errors == []
    page.close()
