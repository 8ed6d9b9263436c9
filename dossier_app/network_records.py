"""vis-network node/edge records and layout options for the actor network, built with pyvis.

Pure data for :mod:`dossier_app.network_html`, which puts them into its page as
escaped JSON. pyvis 0.3.2's ``Network`` model builds the records; its HTML
template is not used (see that module). Colours are checked here: only
``#rgb``/``#rrggbb`` reaches the canvas or CSS.
"""
from __future__ import annotations

import math
import re

import pandas as pd
from pyvis.network import Network

from dossier_app.graph import QUOTES_ABOUT
from dossier_app.palette import COOC_EDGE_COLOR, OTHER_COLOR, QUOTE_EDGE_COLOR

MAX_STABILIZATION_ITERATIONS = 200
MAX_LABEL_CHARS = 40
LABELLED = 20            # labelled nodes, most mentioned first
FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
_HEX = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


def vis_records(nodes: pd.DataFrame, edges: pd.DataFrame) -> dict:
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
        color = safe_color(r["color"])
        # only the most mentioned carry a label: the rest show their name on hover (labels never pile up)
        # pyvis shows the node id for an empty label: a space keeps the small ones unlabelled
        label = (_short(str(r["label"])) or " ") if rank < LABELLED else " "
        net.add_node(str(r["id"]), label=label, shape="dot",
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
                                 "springConstant": 0.08, "damping": 0.5, "avoidOverlap": 0.6},
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


def safe_color(value) -> str:
    """Only #rgb/#rrggbb reaches CSS or canvas; anything else becomes grey."""
    return value if isinstance(value, str) and _HEX.match(value) else OTHER_COLOR


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[:MAX_LABEL_CHARS - 1].rstrip() + "…"

