"""Hostile article text (scripts, HTML, Markdown images, javascript: links) never runs or loads.

AppTest renders every page without exceptions; headless Chromium checks that nothing executed,
in the page and in the network iframe, and that no outside URL was requested.
"""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGES = ["pages/overview.py", "pages/timeline.py", "pages/network.py", "pages/quotes.py", "pages/actors.py"]


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
    from test_browser import serve
    yield from serve(hostile_cache, tmp_path_factory)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
@pytest.mark.parametrize("path", ["/", "/timeline", "/network", "/quotes", "/actors"])
def test_nothing_executes_in_the_browser(hostile_server, browser, path):
    from test_browser import open_page
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
        assert outside == []
        assert page.locator('[data-testid="stException"]').count() == 0
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
def test_timeline_tooltips_show_hostile_text_as_text(hostile_server, browser):
    from test_browser import open_page
    page, errors = open_page(browser, hostile_server + "/timeline")
    marks = page.locator('[data-testid="stPlotlyChart"] .scatterlayer path.point, '
                         '[data-testid="stPlotlyChart"] .barlayer path')
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
