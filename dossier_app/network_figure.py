"""The actor network as a static Plotly figure, for the briefing pack (the page draws it with pyvis).

Positions come from networkx's spring layout with a fixed seed, so the same view gives the same
picture. Only the most mentioned actors are labelled, so labels do not pile on top of each other.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from .charts import brand, esc
from .graph import QUOTES_ABOUT
from .palette import OTHER_COLOR, TYPE_COLORS, TYPE_LABELS

LABELLED = 18          # at most this many node labels
SEED = 7


def _fit(pos: dict, box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    """Positions scaled into box (x0, y0, x1, y1), keeping the aspect ratio loosely."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    x0, y0, x1, y1 = box
    return {n: (x0 + (x - min(xs)) / w * (x1 - x0) if len(xs) > 1 else (x0 + x1) / 2,
                y0 + (y - min(ys)) / h * (y1 - y0) if len(ys) > 1 else (y0 + y1) / 2)
            for n, (x, y) in pos.items()}


def layout(nodes: pd.DataFrame, edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Node id -> (x, y), the same for the same graph: the largest connected group spread evenly
    (a spring layout) over the left of the picture, smaller groups stacked down the right."""
    g = nx.Graph()
    g.add_nodes_from(nodes.id)
    g.add_edges_from(zip(edges.source, edges.target))
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    if not groups:
        return {}
    main = g.subgraph(groups[0])
    spread = nx.spring_layout(main, seed=SEED, k=2.5 / max(len(main), 1) ** 0.5, iterations=300)
    pos = _fit(spread, (0.0, 0.0, 0.8 if len(groups) > 1 else 1.0, 1.0))
    rest = groups[1:]
    slot = 1.0 / max(len(rest), 1)
    for i, group in enumerate(rest):
        sub = nx.spring_layout(g.subgraph(group), seed=SEED) if len(group) > 1 else {group[0]: (0.0, 0.0)}
        top = 1.0 - i * slot
        pos.update(_fit(sub, (0.86, top - slot * 0.8, 1.0, top - slot * 0.2)))
    return pos


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, title: str, subtitle: str, source: str,
                   height: int = 640) -> go.Figure:
    """Edges as grey lines (darker = heavier), actors as dots sized by mentions, coloured by type."""
    pos = layout(nodes, edges)
    fig = go.Figure()
    top = edges.weight.max() if len(edges) else 1
    for (s, t, w, kind) in zip(edges.source, edges.target, edges.weight, edges.kind):
        if s in pos and t in pos:
            (x0, y0), (x1, y1) = pos[s], pos[t]
            rgb = "213,94,0" if kind == QUOTES_ABOUT else "90,100,110"     # vermillion: quotes about
            fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                     line={"color": f"rgba({rgb},{0.25 + 0.6 * w / top:.2f})",
                                           "width": 0.8 + 3 * w / top}))
    ranked = nodes.sort_values("n_mentions", ascending=False)
    labelled = set(ranked.id.head(LABELLED))
    for typ, group in nodes.groupby("type", sort=False):
        group = group[group.id.isin(list(pos))]
        if group.empty:
            continue
        fig.add_trace(go.Scatter(
            x=[pos[i][0] for i in group.id], y=[pos[i][1] for i in group.id], mode="markers+text",
            name=TYPE_LABELS.get(typ, str(typ)),
            marker={"size": [min(6 + 0.6 * float(s), 22) for s in group["size"]],
                    "color": TYPE_COLORS.get(typ, OTHER_COLOR), "line": {"width": 1, "color": "white"}},
            text=[esc(lab) if i in labelled else "" for i, lab in zip(group.id, group.label)],
            textposition="top center", textfont={"size": 11}, hoverinfo="text"))
    fig.update_xaxes(visible=False, range=[-0.14, 1.14])        # room for labels at the edges
    fig.update_yaxes(visible=False, range=[-0.08, 1.08])
    return brand(fig, title, subtitle, source, height)
