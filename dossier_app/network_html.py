"""Actor network as one self-contained, offline, escaped HTML page (pyvis + vis-network).

pyvis 0.3.2 builds the node/edge/option records (:mod:`dossier_app.network_records`),
but its template is not used: it prints ``heading`` unescaped, loads bootstrap
from a CDN, switches to an innerHTML tooltip as soon as any title contains
"href", and de-duplicates undirected edges in O(E^2) (silently dropping a
"quotes about" edge that runs parallel to a co-occurrence edge). Instead this
module writes its own small page around the vis-network 9.1.2 script that pyvis
ships, inlined. The page's template, style and script are package data in
``dossier_app/assets/`` (``network.html``, ``network.css``, ``network.js``):

* all article text reaches the page either through ``html.escape`` (header,
  legend, notes) or as JSON inside ``<script>`` with ``<``, ``>`` and ``&``
  escaped as ``\\u003c`` etc.; vis-network 9.1.2 shows a string ``title`` with
  ``innerText`` (its Popup.setText), so tooltips are plain text;
* the template's ``@@MARKERS@@`` are replaced in one pass, so text inserted
  there is never read as a marker;
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
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pyvis

from dossier_app.graph import QUOTES_ABOUT, default_legend
from dossier_app.palette import COOC_EDGE_COLOR, QUOTE_EDGE_COLOR
from dossier_app.network_records import FONT_STACK, safe_color, vis_records

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
LABEL_TOP = 30  # this many most-mentioned actors stay labelled at the initial zoom
DEFAULT_EMPTY = "No actors match these filters. Try a lower minimum weight, more actor types or a wider date range."
DEFAULT_HINT = "To focus the dashboard on this actor, pick them in the actor filter beside the graph."
HELP_NOTE = "Node size: mentions. Hover for details, click an actor to highlight its neighbours, scroll to zoom."


def network_html(nodes: pd.DataFrame, edges: pd.DataFrame, *, height_px: int = 650, title: str = "",
                 subtitle: str = "", source_note: str = "", legend: list[tuple[str, str]] | None = None,
                 empty_message: str = DEFAULT_EMPTY, select_hint: str = DEFAULT_HINT,
                 pickable: bool = False, png_name: str = "dossier-network") -> str:
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
    legend = [(str(label), safe_color(color)) for label, color in legend]
    empty = nodes is None or nodes.empty
    records = {"nodes": [], "edges": [], "options": {}} if empty else vis_records(nodes, edges)
    kinds = {e["kind"] for e in records["edges"]}
    config = {
        "title": title, "subtitle": subtitle, "source": source_note, "legend": legend,
        "edgeLegend": [k for k in ("co-occurrence", QUOTES_ABOUT) if k in kinds],
        "hint": select_hint, "nNodes": len(records["nodes"]), "labelTop": LABEL_TOP,
        "pickable": bool(pickable), "pngName": re.sub(r"[^A-Za-z0-9_.-]+", "-", png_name)[:120] + ".png",
        "quoteColor": QUOTE_EDGE_COLOR, "coocColor": COOC_EDGE_COLOR,
    }
    scripts = {
        "@@VIS_JS@@": "" if empty else _vis_asset("vis-network.min.js"),
        "@@DATA@@": "var DOSSIER_NETWORK = " + script_json({**records, "config": config}) + ";",
        "@@APP_JS@@": "" if empty else _asset("network.js"),
    }
    parts = {
        **scripts,
        "@@CSP@@": _csp(scripts.values()),
        "@@CSS@@": _fill(_asset("network.css"), {"@@FONT@@": FONT_STACK, "@@HEIGHT@@": str(int(height_px))}),
        "@@HEADER@@": _header_html(title, subtitle, legend, config["edgeLegend"], empty),
        "@@BODY@@": _empty_html(empty_message) if empty else _canvas_html(len(records["nodes"])),
        "@@FOOTER@@": _footer_html(source_note, empty),
        "@@BODY_ATTRS@@": ' data-graph-ready="1" data-stable-ms="0" data-empty="1"' if empty else "",
    }
    return _fill(_asset("network.html"), parts)


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


# --- assets ----------------------------------------------------------------

@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """A file of ``dossier_app/assets/`` (package data); the script and style ones go inline."""
    text = (files("dossier_app") / "assets" / name).read_text(encoding="utf-8")
    return text if name.endswith(".html") else _inlinable(name, text)


@lru_cache(maxsize=None)
def _vis_asset(name: str) -> str:
    return _inlinable(name, (VIS_DIR / name).read_text(encoding="utf-8"))


def _inlinable(name: str, text: str) -> str:
    if "</script" in text.lower() or "</style" in text.lower():  # would end the inline element early
        raise RuntimeError(f"{name} cannot be inlined safely")
    return text


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace @@MARKERS@@ in one pass (inserted text is never re-scanned)."""
    return re.sub(r"@@[A-Z_]+@@", lambda m: parts[m.group(0)], template)
