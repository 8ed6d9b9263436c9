"""The network page's data: a readable actor graph under the sidebar filters. Pure, no streamlit.

On a big corpus most actors occur once, and the top-N actors by mentions include many whose
links all fall under the minimum weight: drawn, they are a haze of dots around the graph. Here
nodes without a link at the chosen weight are left out (the page says how many), except the
actors picked in the sidebar.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import graph
from .corpus import Corpus
from .filters import Filters
from .query import filter_mentions, filter_quotes, memo_lru

CACHED_VIEWS = 8
WEIGHT_SLIDER_MAX = 50        # fixed, so the slider keeps the user's value when other settings change


@dataclass
class Network:
    """Nodes and edges to draw, the suggested minimum weight and how many actors had no link."""
    nodes: pd.DataFrame
    edges: pd.DataFrame
    suggested: int
    min_weight: int
    isolated: int


def base_graph(c: Corpus, f: Filters, top_n: int, scope: str, include_quotes: bool) -> tuple:
    """(nodes, edges at weight >= 1, suggested minimum weight); the last few are kept per corpus."""
    def make() -> tuple:
        nodes, edges = graph.build_graph(c.actors, filter_mentions(c, f), filter_quotes(c, f), scope=scope,
                                         top_n=top_n, types=f.types or None, include_quotes=include_quotes,
                                         min_weight=1)
        return nodes, edges, graph.suggest_min_weight(edges, len(nodes))
    return memo_lru(c, "network", (f, top_n, scope, include_quotes), make, CACHED_VIEWS)


def network_view(c: Corpus, f: Filters, *, top_n: int = 100, scope: str = "sentence", include_quotes: bool = True,
                 communities: bool = False, min_weight: int | None = None) -> Network:
    """The graph to draw: edges at `min_weight` (default: the suggested one), linked nodes only.

    With actors picked in the sidebar, those actors and their direct neighbours.
    """
    nodes, edges, suggested = base_graph(c, f, top_n, scope, include_quotes)
    weight = suggested if min_weight is None else int(min_weight)
    edges = edges[edges.weight >= weight]
    linked = set(edges.source) | set(edges.target)
    if f.actors:
        keep = set(f.actors)
        keep |= set(edges.loc[edges.source.isin(keep), "target"]) | set(edges.loc[edges.target.isin(keep), "source"])
        keep &= set(nodes.id)
    else:
        keep = linked
    shown = nodes[nodes.id.isin(keep)]
    isolated = int((~nodes.id.isin(linked)).sum()) if not f.actors else 0
    edges = edges[edges.source.isin(keep) & edges.target.isin(keep)].reset_index(drop=True)
    if communities:
        shown = graph.with_communities(shown, edges)
    return Network(shown.reset_index(drop=True), edges, suggested, weight, isolated)
