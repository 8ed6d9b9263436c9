"""Headless Chromium against the real app: every page renders its chart or table.

Skipped when /usr/bin/chromium or playwright is missing (`.ci/run` installs chromium).
"""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")]
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelectorAll('[data-testid="stSpinner"], [data-testid="stSkeleton"]').length === 0;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(cache, tmp_path_factory, **env_vars: str):
    """Start the app on a free port for `cache`; yields the base URL, then stops the server."""
    port = free_port()
    log = open(tmp_path_factory.mktemp("server") / "streamlit.log", "w")
    env = {**os.environ, "DOSSIER_CACHE": str(cache), **env_vars}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    break
        except OSError:
            time.sleep(0.3)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("streamlit did not start")
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(10)


@pytest.fixture(scope="module")
def server(sample_cache, tmp_path_factory):
    yield from serve(sample_cache, tmp_path_factory)


def open_page(browser, url: str):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    return page, errors


@pytest.mark.parametrize("path, selector", [
    ("/", '[data-testid="stDataFrame"]'),
    ("/timeline", '[data-testid="stPlotlyChart"] .main-svg'),
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
    frame_el = page.locator("iframe").first
    frame_el.wait_for(state="visible", timeout=60_000)
    frame = frame_el.element_handle().content_frame()
    frame.locator("body[data-graph-ready]").wait_for(state="attached", timeout=60_000)
    x, y = frame.evaluate("""() => {
        const id = Object.keys(DOSSIER_NETWORK.nodes.reduce((m, n) => (n.name === 'Ali Khamenei' ? (m[n.id] = 1) : 0, m), {}))[0];
        const p = dossierNetwork.canvasToDOM(dossierNetwork.getPositions([id])[id]);
        const r = document.getElementById('net').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""")
    box = frame_el.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
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


def test_box_selecting_a_timeline_mark_lists_its_statements(server, browser):
    page, errors = open_page(browser, server + "/timeline")
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer path.point').first
    point.wait_for(state="visible", timeout=60_000)
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 12, y - 12)
    page.mouse.down()
    page.mouse.move(x + 12, y + 12, steps=5)
    page.mouse.up()
    page.get_by_text("Selected statements").first.wait_for(state="visible", timeout=30_000)
    assert page.locator('[data-testid="stExpander"]').count() >= 1
    assert errors == []
    page.close()
