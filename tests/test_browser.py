"""Headless Chromium against the real app: every page renders its chart or table.

Skipped when /usr/bin/chromium or playwright is missing (`.ci/run` installs chromium).
"""
from pathlib import Path

import pytest

from helpers import CHROMIUM, IDLE, click_node, network_frame, open_page, serve

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")]


@pytest.fixture(scope="module")
def server(sample_cache, tmp_path_factory):
    yield from serve(sample_cache, tmp_path_factory)


@pytest.mark.parametrize("path, selector", [
    ("/", '[data-testid="stDataFrame"]'),
    ("/timeline", '.dossier-plot[data-chart-ready="1"] .main-svg'),
    ("/quotes", '[data-testid="stDataFrame"]'),
    ("/actors", '[data-testid="stDataFrame"]'),
    ("/network", 'iframe'),
])
def test_page_renders(server, browser, path, selector):
    page, errors = open_page(browser, server + path)
    page.locator(selector).first.wait_for(state="visible", timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert errors == []
    page.close()


def test_network_graph_stabilises(server, browser):
    page, _ = open_page(browser, server + "/network")
    frame = page.frame_locator("iframe").first
    frame.locator("body[data-graph-ready]").wait_for(state="attached", timeout=60_000)
    assert frame.locator("canvas").count() >= 1
    page.close()


def test_url_filters_reproduce_the_view(server, browser):
    page, _ = open_page(browser, server + "/quotes?actor=Ali+Khamenei")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(state="visible", timeout=60_000)
    page.get_by_text("Actors: Ali Khamenei").first.wait_for(state="visible", timeout=30_000)
    assert "Ali Khamenei" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert "actor=Ali+Khamenei" in page.url
    page.close()


def test_picking_a_node_sets_the_actor_filter(server, browser):
    page, _ = open_page(browser, server + "/network")
    frame_el, frame = network_frame(page)
    click_node(page, frame_el, frame, "Ali Khamenei")
    frame.locator("#panel-filter").click()
    page.wait_for_function("() => location.search.includes('actor=Ali+Khamenei')", timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert "Ali Khamenei" in page.locator('[data-testid="stSidebar"]').inner_text()
    page.close()


def test_selecting_a_quote_opens_the_reader(server, browser):
    page, _ = open_page(browser, server + "/quotes")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(state="visible", timeout=60_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)      # the first row's selection box
    mark = page.locator("mark").first
    mark.wait_for(state="visible", timeout=30_000)
    assert len(mark.inner_text()) > 10
    assert page.locator("u[title]").count() > 0                # actors underlined in the reader
    page.close()


def test_clicking_a_timeline_mark_lists_its_statements(server, browser):
    page, errors = open_page(browser, server + "/timeline")
    point = page.locator('.dossier-plot .scatterlayer path.point').first
    point.wait_for(state="visible", timeout=60_000)
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)      # one click, one mark
    page.get_by_text("Selected statements").first.wait_for(state="visible", timeout=30_000)
    # the statements come after their heading in the same rerun: wait for them, do not race them
    page.locator('[data-testid="stExpander"]').first.wait_for(state="visible", timeout=30_000)
    assert page.locator('[data-testid="stExpander"]').count() >= 1
    assert errors == []
    page.close()


def test_the_timeline_exports_a_2x_png_named_after_the_view(server, browser):
    """The chart's camera button (plotly.js basic, dossier_app/plotchart.py) downloads a 2x PNG."""
    page, errors = open_page(browser, server + "/timeline?actor=Ali+Khamenei")
    plot = page.locator('.dossier-plot[data-chart-ready="1"]').first
    plot.wait_for(state="visible", timeout=60_000)
    plot.hover()
    with page.expect_download(timeout=30_000) as got:
        page.locator('.dossier-plot .modebar-btn[data-title^="Download plot"]').first.click(force=True)
    download = got.value
    assert download.suggested_filename == "dossier-timeline-ali-khamenei.png"
    png = Path(download.path()).read_bytes()
    width = int.from_bytes(png[16:20], "big")                  # the PNG header's width
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and width >= 2 * plot.bounding_box()["width"] - 2
    assert page.locator('.dossier-plot .modebar-btn[data-title^="Share"]').count() == 0   # nothing leaves the machine
    assert errors == []
    page.close()


def test_clicking_a_link_in_the_graph_lists_its_evidence(server, browser):
    page, _ = open_page(browser, server + "/network")
    frame_el, frame = network_frame(page)
    hit = frame.evaluate("""() => {
        const net = dossierNetwork, r = document.getElementById('net').getBoundingClientRect();
        for (const e of DOSSIER_NETWORK.edges) {            // a link whose middle is clear of nodes
            const p = net.getPositions([e.from, e.to]);
            const mid = net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
            if (net.getEdgeAt(mid) === e.id && net.getNodeAt(mid) === undefined
                && mid.x > 5 && mid.y > 5 && mid.x < r.width - 5 && mid.y < r.height - 5)
                return [r.left + mid.x, r.top + mid.y, e.title || ''];
        }
        return null;
    }""")
    assert hit, "no clickable link in the graph"
    box = frame_el.bounding_box()
    page.mouse.click(box["x"] + hit[0], box["y"] + hit[1])
    page.get_by_text("by date").or_(page.get_by_text(" sentences.")).or_(page.get_by_text(" quotes.")).first.wait_for(
        state="visible", timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert page.get_by_role("link", name="Open in the Reader").count() >= 1
    page.close()
