#!/usr/bin/env python3
"""Benchmark: time for the actor network to become still, Dossier's HTML vs pyvis defaults.

    .venv/bin/python bench/network.py [CACHE_DIR] [--nodes 600] [--repeat 3] [--cap 90] [--keep DIR]

With CACHE_DIR (a built cache, see docs/DATA.md) the graph comes from its
actors/mentions/quotes tables, otherwise from generated data with a heavy-tailed
degree distribution (networkx powerlaw_cluster_graph, fixed seed). Both pages
are opened from file:// in headless Debian Chromium (/usr/bin/chromium, never a
Playwright-downloaded browser) with a fresh profile and no network.

Time-to-stable is measured in the page, in ms since navigation start:
* ours: ``<body data-stable-ms>``, set on the first frame drawn after the capped
  stabilisation, when physics is switched off;
* pyvis defaults: the first vis ``stabilized`` event (physics stopped), capped
  at --cap seconds (reported as "> 90 s").
Afterwards node positions are sampled twice 500 ms apart to check the graph is
really still. Exits 0 with a message when Chromium or Playwright is missing.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from dossier_app.graph import build_graph
from dossier_app.network_html import network_html

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}

# Injected into the pyvis default page: note when the stabilisation iterations end and
# flag the first `stabilized` event (physics stopped).
BASELINE_PROBE = """<script>
network.once("stabilizationIterationsDone", function () {
  document.body.dataset.iterationsMs = String(Math.round(performance.now()));
});
network.once("stabilized", function () {
  document.body.dataset.stableMs = String(Math.round(performance.now()));
  document.body.dataset.graphReady = "1";
});
</script>
</body>"""
# Positions of all nodes, to check that nothing moves any more.
POSITIONS_JS = "(name) => JSON.stringify(window[name].getPositions())"


def synthetic_tables(n_nodes: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """actors/mentions/quotes whose co-occurrence graph is a power-law cluster graph on n_nodes."""
    import networkx as nx

    rng = np.random.default_rng(seed)
    g = nx.powerlaw_cluster_graph(n_nodes, 2, 0.3, seed=seed)
    ids = [f"a{i:04d}" for i in range(n_nodes)]
    types = rng.choice(["PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"], size=n_nodes,
                       p=[0.45, 0.25, 0.15, 0.06, 0.05, 0.04])
    actors = pd.DataFrame({"actor_id": ids, "name": [f"Actor {i}" for i in range(n_nodes)], "type": types,
                           "aliases": [[f"A{i}"] for i in range(n_nodes)]})
    rows, sent = [], 0
    for u, v in g.edges():  # each edge: a few sentences mentioning both actors
        for _ in range(int(rng.geometric(0.5))):
            doc = f"d{sent // 25:04d}"
            rows += [(doc, ids[u], sent), (doc, ids[v], sent)]
            sent += 1
    for u in g.nodes():  # solo mentions, more for hubs
        for _ in range(int(rng.poisson(g.degree(u)))):
            rows.append((f"d{sent // 25:04d}", ids[u], sent))
            sent += 1
    mentions = pd.DataFrame(rows, columns=["doc_id", "actor_id", "sent"])
    picked = rng.choice(len(g.edges()), size=len(g.edges()) // 10, replace=False)
    edge_list = list(g.edges())
    quotes = pd.DataFrame({"quote_id": [f"q{i}" for i in range(len(picked))],
                           "speaker_id": [ids[edge_list[k][0]] for k in picked],
                           "about_ids": [[ids[edge_list[k][1]]] for k in picked],
                           "doc_id": "d0000"})
    return actors, mentions, quotes


def cache_tables(cache: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return tuple(pd.read_parquet(cache / f"{t}.parquet") for t in ("actors", "mentions", "quotes"))


def pyvis_defaults_html(nodes: pd.DataFrame, edges: pd.DataFrame) -> str:
    """The same graph with pyvis defaults (only inlined, bootstrap CDN removed, for offline use)."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    for r in nodes.itertuples():
        net.add_node(r.id, label=r.label, title=r.label, color=r.color, size=float(r.size))
    for r in edges.itertuples():
        net.add_edge(r.source, r.target, value=int(r.weight))
    page = net.generate_html()
    page = re.sub(r"<link[^>]*bootstrap[^>]*/>\s*", "", page)
    page = re.sub(r"<script\s+src=\"https://cdn\.jsdelivr[^>]*>\s*</script>", "", page)
    assert not re.search(r"<(script|link)[^>]*(src|href)=\"https?:", page), "CDN tag left in baseline"
    return page.replace("</body>", BASELINE_PROBE, 1)


def time_page(ctx, path: Path, cap_s: float, handle: str) -> dict:
    """Open `path`, wait for body[data-graph-ready]; ms to stable and a stillness check."""
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.monotonic()
    page.goto(path.as_uri(), wait_until="domcontentloaded")
    try:
        page.wait_for_selector("body[data-graph-ready]", state="attached", timeout=cap_s * 1000)
    except Exception:  # playwright TimeoutError
        iterations_ms = page.evaluate("() => document.body.dataset.iterationsMs || null")
        page.close()
        return {"ms": None, "iterations_ms": iterations_ms, "wall_s": time.monotonic() - t0, "errors": errors}
    ms = int(page.evaluate("() => document.body.dataset.stableMs"))
    iterations_ms = page.evaluate("() => document.body.dataset.iterationsMs || null")
    before = page.evaluate(POSITIONS_JS, handle)
    page.wait_for_timeout(500)
    still = before == page.evaluate(POSITIONS_JS, handle)
    drawn = page.evaluate("(name) => window[name].body.nodeIndices.length", handle)
    page.close()
    return {"ms": ms, "iterations_ms": iterations_ms, "still": still, "drawn": drawn,
            "wall_s": time.monotonic() - t0, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cache", nargs="?", type=Path, help="cache dir (default: generated data)")
    ap.add_argument("--nodes", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3, help="runs of our page (median reported)")
    ap.add_argument("--cap", type=float, default=90.0, help="max wait for the pyvis defaults page, s")
    ap.add_argument("--keep", type=Path, help="also write both HTML files here")
    a = ap.parse_args()

    if not Path(CHROMIUM).exists():
        print(f"skip: {CHROMIUM} not found")
        return 0
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skip: playwright is not installed")
        return 0

    t = time.monotonic()
    actors, mentions, quotes = cache_tables(a.cache) if a.cache else synthetic_tables(a.nodes)
    nodes, edges = build_graph(actors, mentions, quotes, top_n=a.nodes)
    t_build = time.monotonic() - t
    t = time.monotonic()
    ours = network_html(nodes, edges, title="Actor network (benchmark)", subtitle=f"top {a.nodes} actors",
                        source_note=f"Source: {a.cache or 'generated data'}")
    t_ours = time.monotonic() - t
    t = time.monotonic()
    base = pyvis_defaults_html(nodes, edges)
    t_base = time.monotonic() - t
    n_cooc = int((edges["kind"] == "co-occurrence").sum())
    print(f"graph: {len(nodes)} nodes, {len(edges)} edges ({n_cooc} co-occurrence, "
          f"{len(edges) - n_cooc} quotes about) from {a.cache or 'generated data'}")
    print(f"python: build_graph {t_build:.2f} s, network_html {t_ours:.2f} s ({len(ours) / 1e6:.2f} MB), "
          f"pyvis defaults html {t_base:.2f} s")

    tmp = Path(tempfile.mkdtemp(prefix="bench-network-"))
    try:
        (tmp / "ours.html").write_text(ours, encoding="utf-8")
        (tmp / "pyvis_defaults.html").write_text(base, encoding="utf-8")
        if a.keep:
            a.keep.mkdir(parents=True, exist_ok=True)
            for f in ("ours.html", "pyvis_defaults.html"):
                shutil.copy(tmp / f, a.keep / f)
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                str(tmp / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                viewport=VIEWPORT, device_scale_factor=1)
            ctx.route(re.compile(r"^https?://"), lambda route: route.abort())  # offline
            try:
                runs = [time_page(ctx, tmp / "ours.html", 30, "dossierNetwork") for _ in range(a.repeat)]
                baseline = time_page(ctx, tmp / "pyvis_defaults.html", a.cap, "network")
            finally:
                ctx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report(runs, baseline, a.cap)


def report(runs: list[dict], baseline: dict, cap_s: float) -> int:
    ok = [r["ms"] for r in runs if r["ms"] is not None]
    for i, r in enumerate(runs, 1):
        print(f"ours run {i}: {r['ms']} ms to stable, drawn {r.get('drawn')} nodes, "
              f"still {r.get('still')}" + (f", page errors {r['errors'][:2]}" if r["errors"] else ""))
    b = baseline["ms"]
    print("pyvis defaults: " + (f"{b} ms to stable, drawn {baseline.get('drawn')} nodes, still "
                                 f"{baseline.get('still')}" if b is not None
                                 else f"> {cap_s:.0f} s (capped: physics still running)")
          + f"; its stabilisation iterations ended at {baseline['iterations_ms'] or '-'} ms"
          + (f", page errors {baseline['errors'][:2]}" if baseline["errors"] else ""))
    if not ok:
        print("FAIL: our page never became ready")
        return 1
    med = statistics.median(ok)
    base_txt = f"{b} ms" if b is not None else f"> {cap_s * 1000:.0f} ms"
    ratio = f"{b / med:.1f}x" if b is not None else f"> {cap_s * 1000 / med:.1f}x"
    print(f"RESULT ours (median of {len(ok)}): {med:.0f} ms | pyvis defaults: {base_txt} | speed-up {ratio}")
    return 0 if all(r.get("still") for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
