"""Actor network as one self-contained, offline, escaped HTML page (pyvis + vis-network).

pyvis 0.3.2 builds the node/edge/option records, but its template is not used:
it prints ``heading`` unescaped, loads bootstrap from a CDN, switches to an
innerHTML tooltip as soon as any title contains "href", and de-duplicates
undirected edges in O(E^2) (silently dropping a "quotes about" edge that runs
parallel to a co-occurrence edge). Instead this module writes its own small
page around the vis-network 9.1.2 script that pyvis ships, inlined:

* all article text reaches the page either through ``html.escape`` (header,
  legend, notes) or as JSON inside ``<script>`` with ``<``, ``>`` and ``&``
  escaped as ``\\u003c`` etc.; vis-network 9.1.2 shows a string ``title`` with
  ``innerText`` (its Popup.setText), so tooltips are plain text;
* no http(s) script/link tags: the graph works offline;
* a Content-Security-Policy that runs only these inline scripts (by sha256) and
  fetches nothing, in case anything ever slips through escaping;
* fast layout: forceAtlas2Based, at most 200 stabilisation iterations, straight
  edges, physics switched off once stable; then ``<body data-graph-ready="1"
  data-stable-ms="...">`` (ms since navigation start) for tests and screenshots.

``height_px`` is the minimum height of the whole document (header + graph +
footer); in a taller iframe the graph grows to fill it. Pass the iframe height.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyvis
from pyvis.network import Network

from dossier_app.graph import COOC_EDGE_COLOR, OTHER_COLOR, QUOTE_EDGE_COLOR, QUOTES_ABOUT, default_legend

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
MAX_STABILIZATION_ITERATIONS = 200
MAX_LABEL_CHARS = 40
LABEL_TOP = 30  # this many most-mentioned actors stay labelled at the initial zoom
FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
DEFAULT_EMPTY = "No actors match these filters. Try a lower minimum weight, more actor types or a wider date range."
DEFAULT_HINT = "To focus the dashboard on this actor, pick them in the actor filter beside the graph."
HELP_NOTE = "Node size: mentions. Hover for details, click an actor to highlight its neighbours, scroll to zoom."
_HEX = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


def network_html(nodes: pd.DataFrame, edges: pd.DataFrame, *, height_px: int = 650, title: str = "",
                 subtitle: str = "", source_note: str = "", legend: list[tuple[str, str]] | None = None,
                 empty_message: str = DEFAULT_EMPTY, select_hint: str = DEFAULT_HINT,
                 pickable: bool = False) -> str:
    """Self-contained HTML page drawing the actor network.

    ``nodes``/``edges`` as returned by :func:`dossier_app.graph.build_graph`.
    ``title``, ``subtitle`` (e.g. the active filters), ``source_note`` and the
    ``legend`` ((label, "#rrggbb") pairs; default: from the node colours) are
    shown inside the page and in the "Download PNG" export. Every string is
    treated as untrusted text. An empty ``nodes`` gives a page with
    ``empty_message`` instead of a canvas. With ``pickable``, the selected
    actor's panel offers a button (and double-click does the same) that posts
    ``{type: "dossier:pick-actor", name}`` to the parent window, where
    ``dossier_app.bridge`` turns it into the app's actor filter.
    """
    legend = default_legend(nodes) if legend is None else legend
    legend = [(str(label), _safe_color(color)) for label, color in legend]
    empty = nodes is None or nodes.empty
    records = {"nodes": [], "edges": [], "options": {}} if empty else _vis_records(nodes, edges)
    kinds = {e["kind"] for e in records["edges"]}
    config = {
        "title": title, "subtitle": subtitle, "source": source_note, "legend": legend,
        "edgeLegend": [k for k in ("co-occurrence", QUOTES_ABOUT) if k in kinds],
        "hint": select_hint, "nNodes": len(records["nodes"]), "labelTop": LABEL_TOP,
        "pickable": bool(pickable),
        "quoteColor": QUOTE_EDGE_COLOR, "coocColor": COOC_EDGE_COLOR,
    }
    scripts = {
        "@@VIS_JS@@": "" if empty else _vis_asset("vis-network.min.js"),
        "@@DATA@@": "var DOSSIER_NETWORK = " + script_json({**records, "config": config}) + ";",
        "@@APP_JS@@": "" if empty else _APP_JS,
    }
    parts = {
        **scripts,
        "@@CSP@@": _csp(scripts.values()),
        "@@FONT@@": FONT_STACK,
        "@@HEIGHT@@": str(int(height_px)),
        "@@HEADER@@": _header_html(title, subtitle, legend, config["edgeLegend"], empty),
        "@@BODY@@": _empty_html(empty_message) if empty else _canvas_html(len(records["nodes"])),
        "@@FOOTER@@": _footer_html(source_note, empty),
        "@@BODY_ATTRS@@": ' data-graph-ready="1" data-stable-ms="0" data-empty="1"' if empty else "",
    }
    return _fill(_PAGE, parts)


def script_json(obj) -> str:
    """JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no U+2028)."""
    text = json.dumps(obj, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp(scripts) -> str:
    """Content-Security-Policy allowing exactly our inline scripts (by hash) and no network.

    Defence in depth: even if markup slipped through escaping, an injected
    <script> or onerror= handler would not run, and nothing can be fetched.
    """
    hashes = " ".join(sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
                              + "'" for s in scripts}))
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
            "base-uri 'none'; form-action 'none'")


# --- records -------------------------------------------------------------

def _vis_records(nodes: pd.DataFrame, edges: pd.DataFrame) -> dict:
    """vis-network node/edge dicts and options, built with pyvis's Network model."""
    n = len(nodes)
    if edges is None:
        edges = pd.DataFrame(columns=["source", "target", "weight", "kind"])
    # directed=True only avoids pyvis's quadratic de-duplication; arrows are set per edge
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    top = max(int(nodes["n_mentions"].max()), 1)
    nodes = nodes.sort_values("n_mentions", ascending=False, kind="stable")
    for rank, r in enumerate(nodes.to_dict("records")):
        rel = math.sqrt(max(int(r["n_mentions"]), 0) / top)
        color = _safe_color(r["color"])
        net.add_node(str(r["id"]), label=_short(str(r["label"])) or str(r["id"]), shape="dot",
                     color=_node_color(color), title=str(r["title"]), size=float(r["size"]),
                     font={"size": round(12 + 6 * rel, 1)}, name=str(r["label"]),
                     mentions=int(r["n_mentions"]), rank=rank)
    ids = set(net.get_nodes())
    names = dict(zip(nodes["id"].astype(str), nodes["label"].astype(str)))
    edges = edges[edges["source"].astype(str).isin(ids) & edges["target"].astype(str).isin(ids)]
    widths = _edge_widths(edges)
    for i, (r, width) in enumerate(zip(edges.to_dict("records"), widths)):
        s, t, w = str(r["source"]), str(r["target"]), int(r["weight"])
        net.add_edge(s, t, id=f"e{i}", width=width, kind=str(r["kind"]),
                     **_edge_style(str(r["kind"]), names[s], names[t], w))
    net.options = _options(n)
    nodes_out, edges_out, _heading, _h, _w, _opts = net.get_network_data()
    return {"nodes": nodes_out, "edges": edges_out, "options": net.options}


def _options(n_nodes: int) -> dict:
    """vis-network options tuned for a fast, deterministic layout."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 100},
        "nodes": {"shape": "dot", "borderWidth": 1, "borderWidthSelected": 3,
                  "font": {"face": FONT_STACK, "color": "#1f2328", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  # labels of small nodes appear only when zoomed in enough to read them
                  "scaling": {"label": {"enabled": False, "drawThreshold": 8, "maxVisible": 22}}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.5},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.012,
                                 "springLength": 90 if n_nodes > 100 else 150,  # small graphs: more air
                                 "springConstant": 0.08, "damping": 0.5, "avoidOverlap": 0.3},
            "maxVelocity": 60, "minVelocity": 1, "timestep": 0.5, "adaptiveTimestep": True,
            "stabilization": {"enabled": True, "iterations": MAX_STABILIZATION_ITERATIONS,
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 300,
                        "selectConnectedEdges": True, "hoverConnectedEdges": True, "keyboard": False},
    }


def _edge_style(kind: str, source: str, target: str, weight: int) -> dict:
    """Per-kind look: quotes dashed, coloured, with an arrow; co-occurrence plain grey."""
    times = "once" if weight == 1 else f"{weight} times"
    if kind == QUOTES_ABOUT:
        return {"color": {"color": QUOTE_EDGE_COLOR, "highlight": QUOTE_EDGE_COLOR, "hover": QUOTE_EDGE_COLOR,
                          "opacity": 0.85},
                "dashes": [6, 4], "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                # a slight static curve (no physics cost) keeps it apart from a parallel
                # co-occurrence line and from the reverse quote edge
                "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15},
                "title": f"{source} → {target}\n{source} quoted about {target} {times}"}
    return {"color": {"color": COOC_EDGE_COLOR, "highlight": "#3d3d3d", "hover": "#3d3d3d", "opacity": 0.5},
            "dashes": False, "arrows": {"to": {"enabled": False}},
            "title": f"{source} — {target}\nMentioned together {times}"}


def _edge_widths(edges: pd.DataFrame) -> list[float]:
    """Line width 1..6 px by weight (sqrt scale, per kind)."""
    if edges.empty:
        return []
    top = edges.groupby("kind")["weight"].transform("max").to_numpy()
    out = []
    for w, m in zip(edges["weight"].to_numpy(), top):
        span = math.sqrt(m) - 1
        out.append(round(1 + 5 * (math.sqrt(w) - 1) / span, 2) if span > 0 else 1.0)
    return out


def _node_color(hex_color: str) -> dict:
    border = _darken(hex_color)
    return {"background": hex_color, "border": border,
            "highlight": {"background": hex_color, "border": "#000000"},
            "hover": {"background": hex_color, "border": "#000000"}}


def _darken(hex_color: str, f: float = 0.7) -> str:
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return "#{:02x}{:02x}{:02x}".format(int(r * f), int(g * f), int(b * f))


def _safe_color(value) -> str:
    """Only #rgb/#rrggbb reaches CSS or canvas; anything else becomes grey."""
    return value if isinstance(value, str) and _HEX.match(value) else OTHER_COLOR


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[:MAX_LABEL_CHARS - 1].rstrip() + "…"


# --- page pieces (every string through html.escape) ----------------------

def _header_html(title: str, subtitle: str, legend: list[tuple[str, str]], edge_kinds: list[str],
                 empty: bool) -> str:
    e = html.escape
    out = ['<header id="head"><div class="head-row"><div class="titles">']
    if title:
        out.append(f'<h1 id="title">{e(title)}</h1>')
    if subtitle:
        out.append(f'<p id="subtitle">{e(subtitle)}</p>')
    out.append("</div>")
    if not empty:
        out.append('<button id="download" type="button" title="Download the graph as a PNG image">'
                   'Download PNG</button>')
    out.append("</div>")
    items = [f'<li><span class="dot" style="background:{c}"></span>{e(label)}</li>' for label, c in legend]
    if "co-occurrence" in edge_kinds:
        items.append('<li><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" '
                     f'stroke="{COOC_EDGE_COLOR}" stroke-width="3"/></svg>Mentioned together '
                     '(thicker = more often)</li>')
    if QUOTES_ABOUT in edge_kinds:
        items.append('<li><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" '
                     f'stroke="{QUOTE_EDGE_COLOR}" stroke-width="2" stroke-dasharray="5 3"/>'
                     f'<path d="M20 1 L27 5 L20 9 Z" fill="{QUOTE_EDGE_COLOR}"/></svg>'
                     'Quoted about (speaker → actor)</li>')
    if items:
        out.append('<ul id="legend">' + "".join(items) + "</ul>")
    out.append("</header>")
    return "".join(out)


def _canvas_html(n_nodes: int) -> str:
    return ('<main id="stage"><div id="net"></div>'
            f'<div id="status" role="status">Laying out {n_nodes} actor{"s" if n_nodes != 1 else ""}…</div>'
            '<div id="panel" hidden><strong id="panel-name"></strong><span id="panel-info"></span>'
            '<span id="panel-hint"></span>'
            '<button id="panel-filter" type="button" hidden>Filter every page by this actor</button></div></main>')


def _empty_html(message: str) -> str:
    return f'<main id="stage"><div id="empty" role="status">{html.escape(message)}</div></main>'


def _footer_html(source_note: str, empty: bool) -> str:
    bits = []
    if source_note:
        bits.append(f'<span id="source">{html.escape(source_note)}</span>')
    if not empty:
        bits.append(f'<span id="help">{html.escape(HELP_NOTE)}</span>')
    return '<footer id="foot">' + "".join(bits) + "</footer>"


@lru_cache(maxsize=None)
def _vis_asset(name: str) -> str:
    text = (VIS_DIR / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # would end the inline element early
        raise RuntimeError(f"{name} cannot be inlined safely")
    return text


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace @@MARKERS@@ in one pass (inserted text is never re-scanned)."""
    return re.sub(r"@@[A-Z_]+@@", lambda m: parts[m.group(0)], template)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Actor network</title>
<style>
  html, body { margin: 0; padding: 0; background: #ffffff; color: #1f2328; }
  /* at least height_px tall, and filling a taller iframe */
  body { font-family: @@FONT@@; font-size: 13px; height: max(@@HEIGHT@@px, 100vh); display: flex;
         flex-direction: column; box-sizing: border-box; padding: 12px 16px 8px; }
  header { flex: none; }
  .head-row { display: flex; align-items: flex-start; gap: 12px; }
  .titles { flex: 1; min-width: 0; }
  h1 { font-size: 19px; font-weight: 650; margin: 0 0 2px; line-height: 1.25; }
  #subtitle { margin: 0; color: #57606a; font-size: 13px; }
  #download { flex: none; font: inherit; font-size: 12px; padding: 5px 10px; border: 1px solid #d0d7de;
              border-radius: 6px; background: #f6f8fa; color: #1f2328; cursor: pointer; }
  #download:hover { background: #eef1f4; }
  #legend { list-style: none; margin: 8px 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px;
            color: #3d444d; font-size: 12px; }
  #legend li { display: flex; align-items: center; gap: 6px; }
  #legend .dot { width: 11px; height: 11px; border-radius: 50%; display: inline-block;
                 box-shadow: inset 0 0 0 1px rgba(0,0,0,.25); }
  #stage { flex: 1; min-height: 0; position: relative; border: 1px solid #e4e7eb; border-radius: 6px;
           background: #ffffff; }
  #net { position: absolute; inset: 0; }
  #status { position: absolute; left: 12px; top: 10px; color: #57606a; font-size: 12px; }
  #panel { position: absolute; left: 10px; top: 10px; max-width: 60%; background: rgba(255,255,255,.95);
           border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; font-size: 12px;
           display: flex; flex-direction: column; gap: 2px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  #panel[hidden] { display: none; }
  #panel-hint { color: #57606a; }
  #panel-filter { align-self: flex-start; margin-top: 4px; font: inherit; padding: 3px 8px; border-radius: 5px;
                  border: 1px solid #0072B2; background: #0072B2; color: #fff; cursor: pointer; }
  #empty { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
           padding: 24px; text-align: center; color: #57606a; font-size: 15px; }
  footer { flex: none; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 16px;
           color: #6e7781; font-size: 11px; padding-top: 6px; }
  /* vis-network.css is not inlined (208 kB of navigation/manipulation button images); its tooltip rule: */
  div.vis-tooltip { position: absolute; visibility: hidden; pointer-events: none; z-index: 5;
                    font-family: @@FONT@@; font-size: 12px; line-height: 1.4; color: #1f2328;
                    background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 8px;
                    box-shadow: 0 2px 6px rgba(0,0,0,.12); white-space: pre-line; max-width: 420px; }
</style>
</head>
<body@@BODY_ATTRS@@>
@@HEADER@@
@@BODY@@
@@FOOTER@@
<script>@@VIS_JS@@</script>
<script>@@DATA@@</script>
<script>@@APP_JS@@</script>
</body>
</html>
"""

# Page logic. Reads only DOSSIER_NETWORK (JSON); writes text with textContent / fillText.
_APP_JS = r"""
(function () {
  "use strict";
  var D = DOSSIER_NETWORK, cfg = D.config;
  var container = document.getElementById("net");
  var status = document.getElementById("status");
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var byId = {};
  D.nodes.forEach(function (n) { byId[n.id] = n; });
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  window.dossierNetwork = network;

  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out " + cfg.nNodes + " actors… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  // Stop physics as soon as the capped stabilisation is done, then flag the first drawn frame.
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    if (network.getScale() > 1) network.moveTo({ scale: 1 });  // small graphs: no giant nodes
    labelTopActors();
    network.once("afterDrawing", function () {
      status.textContent = "";
      document.body.dataset.stableMs = String(Math.round(performance.now()));
      document.body.dataset.graphReady = "1";
    });
    network.redraw();
  });

  // Labels of small nodes hide below a readable size (drawThreshold); keep the most
  // mentioned actors readable (>= 12 px) at the zoom the layout ended with.
  function labelTopActors() {
    var scale = network.getScale();
    D.nodes.forEach(function (n) {
      if (n.rank < cfg.labelTop) n.font = { size: Math.max(n.font.size, Math.round(12 / scale)) };
    });
    nodes.update(D.nodes.map(function (n) { return { id: n.id, font: n.font }; }));
  }

  // Click: highlight the actor and its neighbours, show its name in the panel.
  var DIM_NODE = { background: "#e9ecef", border: "#d0d7de" };
  var DIM_EDGE = { color: "#e9ecef", opacity: 0.4 };
  var panel = document.getElementById("panel");
  function highlight(id) {
    var keep = null;
    if (id !== null && byId[id]) {
      keep = {};
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    }
    nodes.update(D.nodes.map(function (n) {
      var on = !keep || keep[n.id];
      return { id: n.id, color: on ? n.color : DIM_NODE,
               font: { size: n.font.size, color: on ? "#1f2328" : "#c4c9cf" } };
    }));
    edges.update(D.edges.map(function (e) {
      var on = !keep || e.from === id || e.to === id;
      return { id: e.id, color: on ? e.color : DIM_EDGE };
    }));
    if (keep) {
      var n = byId[id], k = Object.keys(keep).length - 1;
      document.getElementById("panel-name").textContent = n.name;
      document.getElementById("panel-info").textContent =
        n.mentions + " mention" + (n.mentions === 1 ? "" : "s") + " · " +
        k + " connected actor" + (k === 1 ? "" : "s");
      document.getElementById("panel-hint").textContent = cfg.hint;
      var filterButton = document.getElementById("panel-filter");
      filterButton.hidden = !cfg.pickable;
      filterButton.onclick = function () { setParentFilter(n.name); };
      panel.hidden = false;
    } else {
      panel.hidden = true;
    }
  }
  network.on("click", function (p) { highlight(p.nodes.length ? p.nodes[0] : null); });
  network.on("doubleClick", function (p) { if (p.nodes.length && cfg.pickable) setParentFilter(byId[p.nodes[0]].name); });

  // Picking an actor: tell the embedding app (dossier_app/bridge.py), which sets its actor filter.
  function setParentFilter(name) {
    try {
      window.parent.postMessage({ type: "dossier:pick-actor", name: String(name) }, "*");
    } catch (e) {
      document.getElementById("panel-hint").textContent = cfg.hint;
    }
  }

  // --- Download PNG: 2x, white background, title, legend and source note ---
  var SCALE = 2, PAD = 16, FONT = getComputedStyle(document.body).fontFamily;

  function renderNetworkAt(scale) {
    // Re-render vis at `scale` pixels per CSS pixel for a crisp copy, then restore.
    var c = network.canvas, copy = document.createElement("canvas");
    var w = container.clientWidth, h = container.clientHeight;
    copy.width = w * scale; copy.height = h * scale;
    var ok = false;
    try {
      if (c && typeof c._determinePixelRatio === "function") {
        c._determinePixelRatio = function () { return scale; };
        network.redraw();
        ok = c.frame.canvas.width === w * scale;
        if (ok) copy.getContext("2d").drawImage(c.frame.canvas, 0, 0);
      }
    } finally {
      if (c) delete c._determinePixelRatio;
      network.redraw();
    }
    if (!ok) copy.getContext("2d").drawImage(container.querySelector("canvas"), 0, 0, w * scale, h * scale);
    return copy;
  }

  function wrap(ctx, text, maxWidth) {
    var words = String(text).split(/\s+/), lines = [], line = "";
    words.forEach(function (w) {
      var t = line ? line + " " + w : w;
      if (line && ctx.measureText(t).width > maxWidth) { lines.push(line); line = w; } else { line = t; }
    });
    if (line) lines.push(line);
    return lines;
  }

  function legendItems() {
    var items = cfg.legend.map(function (l) { return { label: l[0], color: l[1], kind: "dot" }; });
    if (cfg.edgeLegend.indexOf("co-occurrence") >= 0)
      items.push({ label: "Mentioned together (thicker = more often)", color: cfg.coocColor, kind: "line" });
    if (cfg.edgeLegend.indexOf("quotes about") >= 0)
      items.push({ label: "Quoted about (speaker → actor)", color: cfg.quoteColor, kind: "dash" });
    return items;
  }

  // Lay out (and optionally draw) the header/footer text; returns the height used, in CSS px.
  function drawText(ctx, width, y, draw, part) {
    var x = PAD, maxW = width - 2 * PAD;
    function para(text, size, weight, color) {
      if (!text) return;
      ctx.font = weight + " " + size + "px " + FONT;
      wrap(ctx, text, maxW).forEach(function (line) {
        if (draw) { ctx.fillStyle = color; ctx.fillText(line, x, y + size); }
        y += Math.round(size * 1.35);
      });
    }
    if (part === "head") {
      y += 4;
      para(cfg.title, 19, 650, "#1f2328");
      para(cfg.subtitle, 13, 400, "#57606a");
      ctx.font = "400 12px " + FONT;
      var lx = x, ly = y + 6;
      legendItems().forEach(function (it) {
        var w = 18 + ctx.measureText(it.label).width + 16;
        if (lx + w > width - PAD && lx > x) { lx = x; ly += 18; }
        if (draw) {
          ctx.fillStyle = it.color; ctx.strokeStyle = it.color;
          if (it.kind === "dot") { ctx.beginPath(); ctx.arc(lx + 6, ly + 7, 5.5, 0, 2 * Math.PI); ctx.fill(); }
          else {
            ctx.lineWidth = it.kind === "dash" ? 2 : 3; ctx.setLineDash(it.kind === "dash" ? [5, 3] : []);
            ctx.beginPath(); ctx.moveTo(lx, ly + 7); ctx.lineTo(lx + 13, ly + 7); ctx.stroke(); ctx.setLineDash([]);
          }
          ctx.fillStyle = "#3d444d"; ctx.fillText(it.label, lx + 18, ly + 11);
        }
        lx += w;
      });
      y = ly + (legendItems().length ? 24 : 0);
    } else {
      y += 4;
      para(cfg.source, 11, 400, "#6e7781");
      y += 4;
    }
    return y;
  }

  function exportPng() {
    var w = container.clientWidth, h = container.clientHeight;
    var probe = document.createElement("canvas").getContext("2d");
    var headH = drawText(probe, w, 0, false, "head"), footH = drawText(probe, w, 0, false, "foot");
    var out = document.createElement("canvas");
    out.width = w * SCALE; out.height = (headH + h + footH) * SCALE;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.scale(SCALE, SCALE);
    drawText(ctx, w, 0, true, "head");
    ctx.drawImage(renderNetworkAt(SCALE), 0, headH, w, h);
    drawText(ctx, w, headH + h, true, "foot");
    out.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "dossier-network.png";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 30000);
    }, "image/png");
  }
  document.getElementById("download").addEventListener("click", exportPng);
})();
"""
