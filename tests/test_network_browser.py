"""The network page in headless Debian Chromium: ready flag, no script injection, tooltip, PNG export."""
from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dossier_app.graph import build_graph
from dossier_app.network_html import network_html
from helpers import CHROMIUM, CHROMIUM_ARGS

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not found")]

# Every payload would set window.__pwned (directly or through alert) if it ever ran.
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    '"href" <a href="javascript:window.__pwned=3">x</a>',
    "<svg onload=alert(4)>",
    "O'Brien & \"Sons\"",
]
TRAP = """
window.alert = window.confirm = window.prompt = function (m) { window.__pwned = "alert:" + m; };
"""
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def hostile_tables():
    ids = [f"a{i}" for i in range(8)]
    names = PAYLOADS + ["Alice", "Bob", "Carol"]
    actors = pd.DataFrame({"actor_id": ids, "name": names,
                           "type": ["PERSON", "ORG", "GPE", "NORP", "PERSON", "LOC", "EVENT", "PERSON"],
                           "aliases": [[PAYLOADS[1]], [], [], [], [], [], [], []]})
    rows = [("d1", ids[i], s) for s, pair in enumerate([(0, 1), (0, 2), (1, 2), (0, 3), (3, 4), (5, 6), (6, 7),
                                                          (0, 7), (0, 1), (2, 5)]) for i in pair]
    rows += [("d1", ids[0], 99)] * 5
    mentions = pd.DataFrame(rows, columns=["doc_id", "actor_id", "sent"])
    quotes = pd.DataFrame({"quote_id": ["q1", "q2"], "speaker_id": [ids[7], ids[1]],
                           "about_ids": [np.array([ids[0]]), [ids[0], ids[2]]], "doc_id": "d1"})
    return actors, mentions, quotes


@pytest.fixture(scope="module")
def net_browser(pw):
    """A context of its own (trap script, no network) from the session's playwright driver."""
    profile = tempfile.mkdtemp(prefix="test-network-profile-")
    ctx = pw.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1000, "height": 700}, device_scale_factor=1, accept_downloads=True)
    ctx.add_init_script(TRAP)
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))
    ctx.route(re.compile(r"^https?://"), lambda route: route.abort())
    try:
        yield ctx, requests
    finally:
        ctx.close()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(browser, tmp_path: Path, page_html: str):
    ctx, requests = browser
    requests.clear()
    path = tmp_path / "network.html"
    path.write_text(page_html, encoding="utf-8")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-graph-ready]", state="attached", timeout=15_000)
    return page, errors


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_hostile_graph_renders_safely_and_exports_png(net_browser, tmp_path):
    nodes, edges = build_graph(*hostile_tables())
    page_html = network_html(nodes, edges, title=PAYLOADS[1], subtitle=PAYLOADS[0], source_note=PAYLOADS[3],
                             height_px=600)
    page, errors = open_page(net_browser, tmp_path, page_html)
    try:
        assert page.locator("#net canvas").is_visible()
        assert int(page.evaluate("document.body.dataset.stableMs")) > 0
        assert page.evaluate("dossierNetwork.body.nodeIndices.length") == len(nodes) == 8
        # header text is shown as text
        assert page.inner_text("#title") == PAYLOADS[1]
        assert page.inner_text("#subtitle") == PAYLOADS[0]
        assert page.locator("header img, header svg[onload], footer svg, footer img").count() == 0

        # hover the node named '<img ...>': the vis tooltip shows it as text
        target = nodes.loc[nodes["label"] == PAYLOADS[0], "id"].item()
        x, y = page.evaluate("""(id) => {
            const p = dossierNetwork.canvasToDOM(dossierNetwork.getPositions([id])[id]);
            const r = document.getElementById('net').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""", target)
        page.mouse.move(x + 20, y + 20)
        page.mouse.move(x, y, steps=3)
        tip = page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5_000)
        assert tip.inner_text().splitlines()[0] == PAYLOADS[0]
        assert tip.locator("*:not(br)").count() == 0  # only text and line breaks

        # click it: neighbours highlighted, name in the panel as text
        page.mouse.click(x, y)
        assert page.locator("#panel").is_visible()
        assert page.inner_text("#panel-name") == PAYLOADS[0]
        assert page.locator("#panel img").count() == 0

        # Download PNG: a PNG at twice the graph's CSS width, with header and footer on top
        w, h = page.evaluate("(() => { const n = document.getElementById('net'); "
                             "return [n.clientWidth, n.clientHeight]; })()")
        with page.expect_download(timeout=10_000) as dl:
            page.click("#download")
        assert dl.value.suggested_filename == "dossier-network.png"
        data = Path(dl.value.path()).read_bytes()
        pw_, ph = png_size(data)
        assert pw_ == 2 * w and ph > 2 * h and ph % 2 == 0
        image_has_graph(data, pw_, ph)

        # the page's CSP blocks inline script that is not one of its own
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__pwned = "csp"'; document.body.appendChild(s); }""")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None
        assert errors == []
        ctx_requests = [u for u in net_browser[1] if not u.startswith(("file:", "blob:", "data:"))]
        assert ctx_requests == []  # fully offline
    finally:
        page.close()


def image_has_graph(data: bytes, width: int, height: int) -> None:
    """White background with coloured node pixels (skipped if Pillow is missing)."""
    image_mod = pytest.importorskip("PIL.Image")
    img = image_mod.open(io.BytesIO(data)).convert("RGB")
    assert img.size == (width, height)
    assert img.getpixel((1, 1)) == (255, 255, 255)
    colours = img.getcolors(maxcolors=1 << 20)
    person_blue = sum(n for n, c in colours if abs(c[0] - 0x00) < 20 and abs(c[1] - 0x72) < 20
                      and abs(c[2] - 0xB2) < 20)
    assert person_blue > 200  # node discs drawn at 2x


def test_empty_graph_shows_message(net_browser, tmp_path):
    nodes, edges = build_graph(*hostile_tables(), types=[])
    page, errors = open_page(net_browser, tmp_path, network_html(nodes, edges, title="Empty", empty_message=PAYLOADS[0]))
    try:
        assert page.inner_text("#empty") == PAYLOADS[0]
        assert page.locator("canvas").count() == 0 and page.locator("#empty img").count() == 0
        assert page.evaluate("window.__pwned") is None and errors == []
    finally:
        page.close()


def test_trap_catches_injected_markup(net_browser, tmp_path):
    # guards the guard: the same payloads, unescaped, do set window.__pwned
    raw = "<body data-graph-ready='1'>" + PAYLOADS[0] + "<script>alert('x')</script></body>"
    page, _ = open_page(net_browser, tmp_path, raw)
    try:
        page.wait_for_function("window.__pwned !== undefined", timeout=5_000)
        assert page.evaluate("window.__pwned") in (1, "alert:x")
    finally:
        page.close()


# Labels drawn at the first view (size x zoom at least vis-network's drawThreshold - 1), as boxes
# in canvas units where vis-network drew them: the text line its label module laid out at the
# last draw, moved by vadjust. With the node's y and radius, the vadjust, and the canvas's view.
SHOWN_LABELS = """() => {
  const net = dossierNetwork, scale = net.getScale(), pos = net.getPositions();
  const th = DOSSIER_NETWORK.options.nodes.scaling.label.drawThreshold;
  const face = DOSSIER_NETWORK.options.nodes.font.face;
  const m = document.createElement('canvas').getContext('2d');
  const box = document.getElementById('net');
  const out = [];
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id], n = node.options, size = n.font.size, v = n.font.vadjust || 0;
    if (!(n.label || '').trim() || size * scale < th - 1) continue;    // vis-network's own rule
    m.font = size + 'px ' + face;
    const w = m.measureText(n.label).width, top = node.labelModule.size.yLine + v;
    out.push([pos[id].x - w / 2, pos[id].x + w / 2, top, top + size, v, pos[id].y, n.size, size]);
  }
  return {labels: out, view: [net.DOMtoCanvas({x: 0, y: 0}).y, net.DOMtoCanvas({x: 0, y: box.clientHeight}).y]};
}"""


def overlaps(a, b) -> bool:
    """Two labels' boxes meet, each with the page's margin: half a letter size on each side, a
    fifth above and below."""
    (al, ar, at, ab), (bl, br, bt, bb) = (_padded(x) for x in (a, b))
    return al < br and bl < ar and at < bb and bt < ab


def _padded(x) -> tuple[float, float, float, float]:
    size = x[7]
    return x[0] - size / 2, x[1] + size / 2, x[2] - 0.2 * size, x[3] + 0.2 * size


def test_dense_graph_labels_never_lie_on_each_other(net_browser, tmp_path):
    """Thirty long-named actors all linked together: the first view labels as many as fit, under
    a node or above it where the spot under it is taken, and holds the rest back (their names show
    on hover or once zoomed in), so no two labels overlap."""
    k = 30
    ids = [f"a{i}" for i in range(k)]
    actors = pd.DataFrame({"actor_id": ids, "name": [f"Ministry of Foreign Affairs number {i}" for i in range(k)],
                           "type": ["ORG"] * k, "aliases": [[] for _ in range(k)]})
    rows = [("d1", a, s) for s in range(4) for a in ids]              # everyone in the same sentences
    rows += [("d1", a, 10 + i) for i, a in enumerate(ids) for _ in range(k - i)]   # ranked by mentions
    mentions = pd.DataFrame(rows, columns=["doc_id", "actor_id", "sent"])
    quotes = pd.DataFrame({"quote_id": pd.Series(dtype=object), "speaker_id": pd.Series(dtype=object),
                           "about_ids": pd.Series(dtype=object), "doc_id": pd.Series(dtype=object)})
    nodes, edges = build_graph(actors, mentions, quotes)
    page, errors = open_page(net_browser, tmp_path, network_html(nodes, edges, height_px=600))
    try:
        shown = page.evaluate(SHOWN_LABELS)
        boxes, (view_top, view_bottom) = shown["labels"], shown["view"]
        assert 2 <= len(boxes) < 20                     # some labelled, some held back
        assert [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlaps(a, b)] == []
        above = [b for b in boxes if b[4] < 0]          # moved above its node
        assert above
        for b in above:
            assert b[3] < b[5] - b[6]                   # drawn: the text ends above the disc
            under = [b[0], b[1], b[2] - b[4], b[3] - b[4], 0, 0, 0, b[7]]
            # ... because the spot under the node lay on another label, or off the canvas
            assert any(overlaps(under, o) for o in boxes if o is not b) or under[3] > view_bottom
        assert errors == []
    finally:
        page.close()
