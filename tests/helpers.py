"""Helpers shared by the test files (fixtures live in conftest.py, which imports what it needs from here).

Test files import these with `from helpers import ...` (pytest puts tests/ on sys.path: the test files
and conftest.py sit in a folder without __init__.py). Nothing here is a test or a fixture.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium, never a playwright download; $CHROMIUM points elsewhere
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# true once a Streamlit page has finished its script run and shows no spinner or skeleton
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelectorAll('[data-testid="stSpinner"], [data-testid="stSkeleton"]').length === 0;
}"""


def run_build(*args: str, cwd: Path = ROOT):
    """`python -m pipeline build ...` in a subprocess; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "pipeline", "build", *args, "--no-progress"],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(cache, tmp_path_factory, **env_vars: str):
    """Start the app on a free port for `cache`; yields the base URL, then stops the server.

    Use it from a fixture: `yield from serve(cache, tmp_path_factory)`. Extra keyword arguments are
    environment variables for the server (e.g. DOSSIER_WARM="0")."""
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


def open_page(browser, url: str):
    """A new page at `url`, once the app is idle; returns (page, list of page errors seen so far)."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    return page, errors


def corpus():
    """A tiny hand-made query.Corpus (3 documents, 3 actors, 5 events, 3 quotes) with known answers."""
    import pandas as pd

    from dossier_app import query

    D = date
    docs = pd.DataFrame({
        "doc_id": ["d1", "d2", "d3"], "path": ["in/a.txt", "in/b.txt", "in/c.txt#2"],
        "title": ["A", None, "C"], "outlet": ["NYT", "WAI", None],
        "published": [D(2024, 7, 31), D(2023, 11, 5), None], "date_source": ["header", "dateline", "none"],
        "text": ["x", "y", "z"], "n_words": [10, 20, 30], "duplicate_of": [None, None, None]})
    actors = pd.DataFrame({"actor_id": ["k", "h", "i"], "name": ["Ali Khamenei", "Hamas", "Iran"],
                           "type": ["PERSON", "ORG", "GPE"], "aliases": [["Khamenei"], [], ["Tehran"]],
                           "n_mentions": [3, 2, 1], "n_docs": [2, 2, 1]})
    mentions = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2", "d3", "d3"], "actor_id": ["k", "h", "k", "h", "i", "k"],
                             "start": [0, 5, 0, 5, 0, 5], "end": [4, 9, 4, 9, 4, 9], "text": [""] * 6,
                             "label": [""] * 6, "sent": [0] * 6})
    ev = lambda i, doc, d0, d1, g, src, ids: {  # noqa: E731
        "event_id": i, "doc_id": doc, "date": d0, "date_end": d1, "granularity": g, "expression": "e",
        "expr_start": 0, "expr_end": 1, "date_source": src, "sentence": f"sentence {i}", "start": 0, "end": 1,
        "actor_ids": ids}
    events = pd.DataFrame([
        ev("e1", "d1", D(2024, 7, 31), D(2024, 7, 31), "day", "explicit", ["k", "h"]),
        ev("e2", "d2", D(2024, 7, 31), D(2024, 7, 31), "day", "explicit", ["k"]),
        ev("e3", "d2", D(2023, 10, 1), D(2023, 10, 31), "month", "relative", ["k"]),
        ev("e4", "d2", D(2023, 1, 1), D(2023, 12, 31), "year", "relative", ["h"]),
        ev("e5", "d1", D(1600, 1, 1), D(1600, 12, 31), "year", "explicit", ["k"]),
    ])
    quotes = pd.DataFrame({
        "quote_id": ["q1", "q2", "q3"], "doc_id": ["d1", "d2", "d3"],
        "text": ["There will be a harsh punishment.", "The actions are culpable", "We are prepared"],
        "kind": ["direct", "direct", "indirect"], "start": [0, 0, 0], "end": [1, 1, 1],
        "speaker": ["Ali Khamenei", "Ali Khamenei", None], "speaker_id": ["k", "k", None],
        "about_ids": [["h"], [], ["i"]], "group_id": ["q1", "q1", "q3"], "n_reports": [2, 2, 1]})
    return query.Corpus(docs, actors, mentions, events, quotes, {"inputs": [{"path": "in/a.txt"}],
                                                                 "finished": "2026-11-22T08:00:00"})


def open_app(page: str, **params):
    """An AppTest of the app (through tests/apptest_entry.py) on `page` (a file in pages/), with these
    query params, after its first runs; fails on any exception the page raised."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(str(ROOT / "pages" / page))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def network_frame(page):
    """The network page's graph iframe once its graph is drawn: (iframe element, its frame)."""
    frame_el = page.locator("iframe").first
    frame_el.wait_for(state="visible", timeout=60_000)
    frame = frame_el.element_handle().content_frame()
    frame.locator("body[data-graph-ready]").wait_for(state="attached", timeout=60_000)
    return frame_el, frame


def click_node(page, frame_el, frame, name: str) -> None:
    """Click the graph node of the actor called `name` where it is drawn."""
    x, y = frame.evaluate("""(name) => {
        const id = DOSSIER_NETWORK.nodes.find(n => n.name === name).id;
        const p = dossierNetwork.canvasToDOM(dossierNetwork.getPositions([id])[id]);
        const r = document.getElementById('net').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", name)
    box = frame_el.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
