"""Actor network: nodes and edges from the cache tables (pure pandas/networkx).

Everything here is independent of Streamlit so it can be tested directly; the
page turns the result into HTML with :func:`dossier_app.network_html.network_html`.

Tables follow docs/DATA.md: ``actors`` (actor_id, name, type, aliases),
``mentions`` (doc_id, actor_id, sent, ...) and ``quotes`` (speaker_id, about_ids,
doc_id, ...). Mention counts are recomputed from the ``mentions`` passed in, so
a page that filters mentions (dates, outlets) gets matching node sizes.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from .palette import (COMMUNITY_COLORS, COOC_EDGE_COLOR, OTHER_COLOR, QUOTE_EDGE_COLOR, TYPE_COLORS,
                      TYPE_LABELS)

EDGE_COLUMNS = ["source", "target", "weight", "kind"]
COOCCURRENCE = "co-occurrence"
QUOTES_ABOUT = "quotes about"


N_TOP_COACTORS = 5
N_TITLE_ALIASES = 6
MIN_SIZE, MAX_SIZE = 8.0, 40.0
LOUVAIN_SEED = 42


def _empty_edges() -> pd.DataFrame:
    return pd.DataFrame({"source": pd.Series(dtype="object"), "target": pd.Series(dtype="object"),
                         "weight": pd.Series(dtype="int64"), "kind": pd.Series(dtype="object")})


def cooccurrence_edges(mentions: pd.DataFrame, scope: str = "sentence", among: Iterable[str] | None = None,
                       ) -> pd.DataFrame:
    """Undirected co-occurrence edges between distinct actors.

    Two actors co-occur when both are mentioned in the same sentence
    (``scope="sentence"``: same ``doc_id`` and ``sent``) or the same article
    (``scope="article"``). ``weight`` is the number of distinct sentences or
    articles they share. With ``among``, only edges with at least one end in it
    (much less work on a big corpus when only the top actors are drawn).
    Returns columns source, target (source < target), weight,
    kind="co-occurrence", heaviest first.
    """
    if scope not in ("sentence", "article"):
        raise ValueError(f"scope must be 'sentence' or 'article', not {scope!r}")
    unit = ["doc_id", "sent"] if scope == "sentence" else ["doc_id"]
    if mentions is None or mentions.empty:
        return _empty_edges()
    m = mentions[unit + ["actor_id"]].dropna()
    actor, names = _codes(m["actor_id"])
    units = m.groupby(unit, sort=False, observed=True).ngroup().to_numpy()
    df = pd.DataFrame({"u": units, "a": actor}).drop_duplicates()
    inner = np.ones(len(names), dtype=bool)
    left = df
    if among is not None:
        inner = pd.Index(names).isin(list(among))
        left = df[inner[df["a"].to_numpy()]]
    pairs = left.merge(df, on="u", suffixes=("_a", "_b"))
    a, b = pairs["a_a"].to_numpy(), pairs["a_b"].to_numpy()
    # each unordered pair once (an inner-inner pair comes from both sides), no self pairs
    ok = (a != b) & (~inner[b] | (a < b))
    if not ok.any():
        return _empty_edges()
    counts = pd.DataFrame({"a": a[ok], "b": b[ok]}).value_counts()
    sa = names[counts.index.get_level_values(0).to_numpy()]
    sb = names[counts.index.get_level_values(1).to_numpy()]
    swap = sa > sb
    out = pd.DataFrame({"source": np.where(swap, sb, sa), "target": np.where(swap, sa, sb),
                        "weight": counts.to_numpy().astype("int64"), "kind": COOCCURRENCE})
    return _sort_edges(out)


def quote_edges(quotes: pd.DataFrame) -> pd.DataFrame:
    """Directed edges speaker -> actor mentioned in the quote's content.

    ``weight`` is the number of quotes (an actor named twice in one quote counts
    once). Quotes without a speaker and self-loops (speaker talks about
    themselves) are skipped. Returns columns source, target, weight,
    kind="quotes about".
    """
    if quotes is None or quotes.empty or "about_ids" not in quotes or "speaker_id" not in quotes:
        return _empty_edges()
    q = quotes[["speaker_id", "about_ids"]].copy()
    q["qid"] = quotes["quote_id"].to_numpy() if "quote_id" in quotes else np.arange(len(quotes))
    q = q[q["speaker_id"].notna()]
    q = q.explode("about_ids").dropna(subset=["about_ids"])
    q = q.assign(speaker_id=q["speaker_id"].astype(str), about_ids=q["about_ids"].astype(str))
    q = q[q["speaker_id"] != q["about_ids"]].drop_duplicates(["qid", "speaker_id", "about_ids"])
    if q.empty:
        return _empty_edges()
    return _count_edges(q, "speaker_id", "about_ids", QUOTES_ABOUT)


def build_graph(actors: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, *,
                scope: str = "sentence", min_weight: int = 1, top_n: int | None = 100,
                types: Iterable[str] | None = None, include_quotes: bool = True,
                communities: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of the actor network.

    Nodes are the ``top_n`` actors by mentions (after the ``types`` filter;
    ``types=None`` keeps every type, an empty list keeps none; ``top_n=None``
    keeps all). Edges are co-occurrences (``scope``) plus, if
    ``include_quotes``, "quotes about" edges, both kept when
    ``weight >= min_weight`` and both ends are kept nodes. Actors without any
    mention in ``mentions`` are left out.

    Node columns: id, label, type, n_mentions, n_docs, aliases, size, color,
    top_coactors (names, heaviest co-occurrence first, computed over all
    ``mentions``), title (plain-text tooltip), and community (1 = largest) when
    ``communities`` is set, in which case colour follows community, not type.
    Edge columns: source, target, weight, kind.
    """
    nodes = _node_table(actors, mentions)
    if types is not None:
        nodes = nodes[nodes["type"].isin(list(types))]
    if top_n is not None:
        nodes = nodes.head(int(top_n))
    keep = set(nodes["id"])

    # one pass over all mentions: the kept pairs for the edges, all pairs for top co-actors
    cooc = cooccurrence_edges(mentions, scope, among=keep) if len(keep) else _empty_edges()
    parts = [cooc]
    if include_quotes:
        parts.append(quote_edges(quotes))
    edges = pd.concat([p for p in parts if not p.empty] or [_empty_edges()], ignore_index=True)
    edges = edges[edges["source"].isin(keep) & edges["target"].isin(keep) & (edges["weight"] >= min_weight)]
    edges = _sort_edges(edges.reset_index(drop=True))

    nodes = nodes.reset_index(drop=True)
    nodes["size"] = _sizes(nodes["n_mentions"])
    nodes["color"] = [TYPE_COLORS.get(t, OTHER_COLOR) for t in nodes["type"]]
    nodes["top_coactors"] = _top_coactors(nodes, actors, cooc)
    if communities:
        nodes["community"] = _communities(nodes, edges)
        nodes["community_name"] = _community_names(nodes)
        nodes["color"] = [_community_color(c) for c in nodes["community"]]
    nodes["title"] = [_title(r, communities) for r in nodes.to_dict("records")]
    cols = ["id", "label", "type", "n_mentions", "n_docs", "aliases", "size", "color"]
    cols += ["community", "community_name"] if communities else []
    return nodes[cols + ["top_coactors", "title"]], edges[EDGE_COLUMNS]


def with_communities(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """``nodes`` coloured by Louvain community over ``edges`` (column ``community``, 1 = largest)."""
    out = nodes.reset_index(drop=True).copy()
    if out.empty:
        return out.assign(community=pd.Series(dtype="int64"))
    out["community"] = _communities(out, edges)
    out["community_name"] = _community_names(out)
    out["color"] = [_community_color(c) for c in out["community"]]
    out["title"] = [_title(r, True) for r in out.to_dict("records")]
    cols = [c for c in out.columns if c not in ("top_coactors", "title")]
    return out[cols + ["top_coactors", "title"]]


def suggest_min_weight(edges: pd.DataFrame, n_nodes: int, per_node: float = 4.0) -> int:
    """The smallest minimum edge weight that keeps co-occurrence edges at most `per_node` per node.

    Big corpora otherwise draw a hairball; small ones keep every edge (weight 1).
    """
    w = edges.loc[edges["kind"] == COOCCURRENCE, "weight"].sort_values(ascending=False).to_numpy()
    budget = int(per_node * max(n_nodes, 1))
    if len(w) <= budget:
        return 1
    m = max(1, int(w[budget]) + 1)
    # ties can empty the graph (every edge has the cut-off weight): then keep the tie
    return m if (w >= m).sum() >= budget // 2 else max(1, m - 1)


def default_legend(nodes: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, colour) pairs for the node colours actually used in ``nodes``.

    By type, or by community when ``nodes`` has a ``community`` column.
    """
    if nodes is None or nodes.empty:
        return []
    if "community" in nodes:
        used = sorted(set(nodes["community"]))
        label = dict(zip(nodes["community"], nodes["community_name"])) if "community_name" in nodes else {}
        named = [(label.get(c, f"Community {c}"), _community_color(c)) for c in used if c <= len(COMMUNITY_COLORS)]
        rest = [c for c in used if c > len(COMMUNITY_COLORS)]
        return named + ([("Smaller communities", OTHER_COLOR)] if rest else [])
    used_types = set(nodes["type"])
    legend = [(TYPE_LABELS[t], c) for t, c in TYPE_COLORS.items() if t in used_types]
    if used_types - set(TYPE_COLORS):
        legend.append(("Other", OTHER_COLOR))
    return legend


def edges_csv(nodes: pd.DataFrame, edges: pd.DataFrame) -> bytes:
    """Edges as UTF-8 CSV: source, target (actor names), weight, kind, source_id, target_id.

    Cells that a spreadsheet would run as a formula (starting with = + - @ tab
    or CR) are prefixed with a single quote.
    """
    names = dict(zip(nodes["id"], nodes["label"])) if nodes is not None and not nodes.empty else {}
    out = pd.DataFrame({
        "source": [names.get(s, s) for s in edges["source"]],
        "target": [names.get(t, t) for t in edges["target"]],
        "weight": edges["weight"].astype("int64").to_numpy(),
        "kind": edges["kind"].to_numpy(),
        "source_id": edges["source"].to_numpy(),
        "target_id": edges["target"].to_numpy(),
    })
    for col in ("source", "target", "kind", "source_id", "target_id"):
        out[col] = out[col].map(_csv_safe)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


# --- helpers ---------------------------------------------------------------

def _as_list(value) -> list:
    """A cell of a list column (list, numpy array, None/NaN) as a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return [v for v in value if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if isinstance(value, float) and math.isnan(value):
        return []
    return [value]


def _codes(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(integer code per row, string per code) of an id column, categorical or not."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy(), col.cat.categories.astype(str).to_numpy(dtype=object)
    return pd.factorize(col.astype(str).to_numpy(dtype=object))


def _count_edges(rows: pd.DataFrame, a: str, b: str, kind: str) -> pd.DataFrame:
    """Edges a -> b weighted by the number of rows for each pair."""
    out = (rows.groupby([a, b]).size().rename("weight").reset_index()
           .rename(columns={a: "source", b: "target"}))
    out["weight"] = out["weight"].astype("int64")
    out["kind"] = kind
    return _sort_edges(out)


def _sort_edges(edges: pd.DataFrame) -> pd.DataFrame:
    """Deterministic order: kind, heaviest first, then ids."""
    if edges.empty:
        return edges.reset_index(drop=True)
    return edges.sort_values(["kind", "weight", "source", "target"],
                             ascending=[True, False, True, True]).reset_index(drop=True)


def _node_table(actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors with counts from ``mentions``, most mentioned first."""
    cols = ["id", "label", "type", "n_mentions", "n_docs", "aliases"]
    if actors is None or actors.empty or mentions is None or mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c.startswith("n_") else "object") for c in cols})
    m = mentions.dropna(subset=["actor_id"])
    counts = m.groupby("actor_id", observed=True).agg(n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique"))
    counts.index = counts.index.astype(str)
    # counts from the (possibly filtered) mentions replace the table's global ones
    a = actors.drop(columns=["n_mentions", "n_docs"], errors="ignore")
    a = a.assign(id=a["actor_id"].astype(str)).drop_duplicates("id")
    a = a.merge(counts, left_on="id", right_index=True, how="inner")
    a["label"] = [str(n) if isinstance(n, str) and n else i for n, i in zip(a["name"], a["id"])]
    a["type"] = a["type"].fillna("").astype(str) if "type" in a else ""
    raw_aliases = a["aliases"] if "aliases" in a else [None] * len(a)
    a["aliases"] = [_clean_aliases(v, name) for v, name in zip(raw_aliases, a["label"])]
    a["n_mentions"] = a["n_mentions"].astype("int64")
    a["n_docs"] = a["n_docs"].astype("int64")
    a = a.sort_values(["n_mentions", "label", "id"], ascending=[False, True, True])
    return a[cols].reset_index(drop=True)


def _clean_aliases(value, name: str) -> list[str]:
    """Distinct alias strings other than the display name, in their order."""
    seen, out = {name}, []
    for v in _as_list(value):
        s = str(v)
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def _sizes(n_mentions: pd.Series) -> list[float]:
    """Node radius: area grows with mentions (sqrt scale), MIN_SIZE..MAX_SIZE."""
    if n_mentions.empty:
        return []
    top = max(int(n_mentions.max()), 1)
    return [round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(n / top), 2) for n in n_mentions]


def _top_coactors(nodes: pd.DataFrame, actors: pd.DataFrame, cooc: pd.DataFrame) -> list[list[str]]:
    """Per node, the names of its most frequent co-occurring actors (any type)."""
    if nodes.empty:
        return []
    names = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    both = pd.concat([cooc[["source", "target", "weight"]],
                      cooc.rename(columns={"source": "target", "target": "source"})[["source", "target", "weight"]]])
    both = both[both["source"].isin(set(nodes["id"]))]
    both = both.assign(name=both["target"].map(lambda i: names.get(i, i)))
    both = both.sort_values(["source", "weight", "name"], ascending=[True, False, True])
    both = both[both.groupby("source").cumcount() < N_TOP_COACTORS]
    top: dict[str, list[str]] = {}
    for src, name in zip(both["source"], both["name"]):
        top.setdefault(src, []).append(name)
    return [top.get(i, []) for i in nodes["id"]]


def _communities(nodes: pd.DataFrame, edges: pd.DataFrame) -> list[int]:
    """Louvain community per node (fixed seed), numbered 1.. by decreasing size."""
    g = nx.Graph()
    g.add_nodes_from(nodes["id"])
    for s, t, w in zip(edges["source"], edges["target"], edges["weight"]):
        prev = g.get_edge_data(s, t, {}).get("weight", 0)
        g.add_edge(s, t, weight=prev + int(w))  # quote and co-occurrence edges add up
    comms = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
    ranked = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    number = {n: i for i, c in enumerate(ranked, start=1) for n in c}
    return [number[i] for i in nodes["id"]]


def _community_names(nodes: pd.DataFrame) -> list[str]:
    """Each community named after its most mentioned actor: "Around Ali Khamenei"."""
    top = nodes.sort_values(["n_mentions", "label"], ascending=[False, True]).drop_duplicates("community")
    name = {c: f"Around {label}" for c, label in zip(top["community"], top["label"])}
    return [name[c] for c in nodes["community"]]


def _community_color(c: int) -> str:
    return COMMUNITY_COLORS[c - 1] if 1 <= c <= len(COMMUNITY_COLORS) else OTHER_COLOR


def _title(node: dict, with_community: bool) -> str:
    """Plain-text tooltip (never HTML: the page escapes it as text)."""
    kind = TYPE_LABELS.get(node["type"], node["type"] or "Unknown type")
    lines = [node["label"],
             f"{kind} · {_plural(node['n_mentions'], 'mention')} in {_plural(node['n_docs'], 'article')}"]
    aliases = node["aliases"]
    if aliases:
        more = len(aliases) - N_TITLE_ALIASES
        lines.append("Also: " + ", ".join(aliases[:N_TITLE_ALIASES]) + (f" (+{more} more)" if more > 0 else ""))
    if node["top_coactors"]:
        lines.append("Often with: " + ", ".join(node["top_coactors"]))
    if with_community:
        lines.append(f"Community: {node.get('community_name') or node['community']}")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _csv_safe(value) -> str:
    s = "" if value is None else str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
