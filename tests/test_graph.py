"""Actor network: exact co-occurrence/quote edges, filters, CSV, and the HTML's safety."""
from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re

import numpy as np
import pandas as pd
import pytest

from dossier_app import graph, palette
from dossier_app.graph import build_graph, cooccurrence_edges, edges_csv, quote_edges
from dossier_app.network_html import _vis_asset, network_html, script_json

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"href"',
    "O'Brien & \"Sons\" <b>",
    '<a href="javascript:alert(1)">click</a>',
    "<!-- \u2028 -->",
]


def mentions_df(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """(doc_id, actor_id, sent) rows as a mentions table."""
    df = pd.DataFrame(rows, columns=["doc_id", "actor_id", "sent"])
    return df.assign(start=0, end=1)


def edge_set(edges: pd.DataFrame) -> set[tuple]:
    return {(r.source, r.target, r.weight) for r in edges.itertuples()}


# --- co-occurrence ---------------------------------------------------------

COOC_CASES = [
    # id, mention rows, sentence-scope edges, article-scope edges
    ("two in one sentence", [("d1", "a", 0), ("d1", "b", 0)], {("a", "b", 1)}, {("a", "b", 1)}),
    ("same doc, other sentences", [("d1", "a", 0), ("d1", "b", 1)], set(), {("a", "b", 1)}),
    ("two sentences, one article", [("d1", "a", 0), ("d1", "b", 0), ("d1", "a", 3), ("d1", "b", 3)],
     {("a", "b", 2)}, {("a", "b", 1)}),
    ("same sentence index, other doc", [("d1", "a", 0), ("d2", "b", 0)], set(), set()),
    ("two articles", [("d1", "a", 0), ("d1", "b", 0), ("d2", "b", 5), ("d2", "a", 7)],
     {("a", "b", 1)}, {("a", "b", 2)}),
    ("repeat mention counts once", [("d1", "a", 0), ("d1", "a", 0), ("d1", "b", 0)], {("a", "b", 1)},
     {("a", "b", 1)}),
    ("alone: no self edge", [("d1", "a", 0), ("d1", "a", 0)], set(), set()),
    ("three actors", [("d1", "c", 0), ("d1", "b", 0), ("d1", "a", 0)],
     {("a", "b", 1), ("a", "c", 1), ("b", "c", 1)}, {("a", "b", 1), ("a", "c", 1), ("b", "c", 1)}),
    ("source < target", [("d1", "zed", 0), ("d1", "amy", 0)], {("amy", "zed", 1)}, {("amy", "zed", 1)}),
    ("no mentions", [], set(), set()),
]


@pytest.mark.parametrize("rows,sentence,article", [c[1:] for c in COOC_CASES], ids=[c[0] for c in COOC_CASES])
def test_cooccurrence_edges(rows, sentence, article):
    for scope, expected in (("sentence", sentence), ("article", article)):
        edges = cooccurrence_edges(mentions_df(rows), scope=scope)
        assert list(edges.columns) == ["source", "target", "weight", "kind"]
        assert edge_set(edges) == expected, scope
        assert set(edges["kind"]) <= {"co-occurrence"}


def test_cooccurrence_rejects_unknown_scope():
    with pytest.raises(ValueError):
        cooccurrence_edges(mentions_df([("d1", "a", 0)]), scope="paragraph")


# --- quotes ----------------------------------------------------------------

QUOTE_CASES = [
    ("one quote", [("q1", "a", ["b"])], {("a", "b", 1)}),
    ("two quotes add up", [("q1", "a", ["b"]), ("q2", "a", ["b"])], {("a", "b", 2)}),
    ("self-loop dropped", [("q1", "a", ["a", "b"])], {("a", "b", 1)}),
    ("null speaker dropped", [("q1", None, ["b"]), ("q2", "c", ["b"])], {("c", "b", 1)}),
    ("named twice in one quote", [("q1", "a", ["b", "b"])], {("a", "b", 1)}),
    ("directed both ways", [("q1", "a", ["b"]), ("q2", "b", ["a"])], {("a", "b", 1), ("b", "a", 1)}),
    ("empty about list", [("q1", "a", [])], set()),
    ("numpy array cell (parquet)", [("q1", "a", np.array(["b", "c"]))], {("a", "b", 1), ("a", "c", 1)}),
    ("null about cell", [("q1", "a", None)], set()),
]


@pytest.mark.parametrize("rows,expected", [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES])
def test_quote_edges(rows, expected):
    quotes = pd.DataFrame(rows, columns=["quote_id", "speaker_id", "about_ids"]).assign(doc_id="d1")
    edges = quote_edges(quotes)
    assert edge_set(edges) == expected
    assert set(edges["kind"]) <= {"quotes about"}


# --- build_graph -----------------------------------------------------------

def corpus(names: dict[str, str] | None = None):
    """Five actors: a (4 mentions), b (3), c (2), d (1, ORG), e (no mentions)."""
    names = names or {}
    actors = pd.DataFrame({
        "actor_id": ["a", "b", "c", "d", "e"],
        "name": [names.get(i, i.upper() + "lice") for i in "abcde"],
        "type": ["PERSON", "PERSON", "GPE", "ORG", "PERSON"],
        "aliases": [["Al", "Ally"], np.array(["B."]), None, [], ["E"]],
        "n_mentions": [99, 99, 99, 99, 99],  # global counts: ignored, recomputed from mentions
        "n_docs": [9, 9, 9, 9, 9],
    })
    mentions = mentions_df([
        ("d1", "a", 0), ("d1", "b", 0), ("d1", "c", 0),  # a-b, a-c, b-c
        ("d1", "a", 1), ("d1", "b", 1),  # a-b again
        ("d2", "a", 0), ("d2", "d", 0),  # a-d
        ("d2", "a", 1), ("d2", "c", 2), ("d2", "b", 3),
    ])
    quotes = pd.DataFrame({"quote_id": ["q1", "q2", "q3"], "speaker_id": ["b", "b", "d"],
                           "about_ids": [["a"], ["a", "b"], ["e"]], "doc_id": "d1"})
    return actors, mentions, quotes


def test_build_graph_nodes_and_counts():
    nodes, edges = build_graph(*corpus())
    assert list(nodes["id"]) == ["a", "b", "c", "d"]  # e has no mentions; most mentioned first
    assert list(nodes["n_mentions"]) == [4, 3, 2, 1]
    assert list(nodes["n_docs"]) == [2, 2, 2, 1]
    assert nodes.loc[0, "aliases"] == ["Al", "Ally"] and nodes.loc[1, "aliases"] == ["B."]
    assert nodes.loc[0, "size"] == graph.MAX_SIZE and nodes["size"].is_monotonic_decreasing
    assert list(nodes["color"]) == ["#0072B2", "#0072B2", "#009E73", "#E69F00"]
    assert nodes.loc[0, "top_coactors"] == ["Blice", "Clice", "Dlice"]  # a-b twice, then by name
    assert edge_set(edges) == {("a", "b", 2), ("a", "c", 1), ("b", "c", 1), ("a", "d", 1), ("b", "a", 2)}
    assert nodes.loc[0, "title"] == ("Alice\nPerson · 4 mentions in 2 articles\nAlso: Al, Ally\n"
                                     "Often with: Blice, Clice, Dlice")


BUILD_CASES = [
    ("defaults", {}, ["a", "b", "c", "d"], {("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "a")}),
    ("article scope", {"scope": "article"}, ["a", "b", "c", "d"],
     {("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "d"), ("c", "d"), ("b", "a")}),
    ("min_weight 2", {"min_weight": 2}, ["a", "b", "c", "d"], {("a", "b"), ("b", "a")}),
    ("top_n 2", {"top_n": 2}, ["a", "b"], {("a", "b"), ("b", "a")}),
    ("top_n None", {"top_n": None}, ["a", "b", "c", "d"],
     {("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "a")}),
    ("types", {"types": ["PERSON", "ORG"]}, ["a", "b", "d"], {("a", "b"), ("a", "d"), ("b", "a")}),
    ("types then top_n", {"types": ["GPE", "ORG"], "top_n": 1}, ["c"], set()),
    ("no types", {"types": []}, [], set()),
    ("no quotes", {"include_quotes": False}, ["a", "b", "c", "d"],
     {("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")}),
]


@pytest.mark.parametrize("kwargs,ids,pairs", [c[1:] for c in BUILD_CASES], ids=[c[0] for c in BUILD_CASES])
def test_build_graph_filters(kwargs, ids, pairs):
    nodes, edges = build_graph(*corpus(), **kwargs)
    assert list(nodes["id"]) == ids
    assert {(r.source, r.target) for r in edges.itertuples()} == pairs
    assert list(edges.columns) == ["source", "target", "weight", "kind"]


def test_build_graph_communities():
    # two triangles joined by one light edge -> two communities, coloured apart
    rows = [("d1", x, s) for s, group in enumerate([("a", "b"), ("b", "c"), ("a", "c")] * 3) for x in group]
    rows += [("d2", x, s) for s, group in enumerate([("x", "y"), ("y", "z"), ("x", "z")] * 2) for x in group]
    rows += [("d3", "c", 0), ("d3", "x", 0)]
    actors = pd.DataFrame({"actor_id": list("abcxyz"), "name": list("ABCXYZ"), "type": "PERSON",
                           "aliases": [[]] * 6})
    nodes, _ = build_graph(actors, mentions_df(rows), pd.DataFrame(), communities=True)
    comm = dict(zip(nodes["id"], nodes["community"]))
    assert comm == {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2}
    color = dict(zip(nodes["id"], nodes["color"]))
    assert color["a"] == palette.COMMUNITY_COLORS[0] and color["x"] == palette.COMMUNITY_COLORS[1]
    # named after their most mentioned actor, in colours that are not the actor-type colours
    assert graph.default_legend(nodes) == [("Around C", "#332288"), ("Around X", "#CC6677")]
    assert not set(palette.COMMUNITY_COLORS) & set(palette.TYPE_COLORS.values())
    assert nodes.loc[nodes["id"] == "a", "title"].item().endswith("\nCommunity: Around C")


def test_build_graph_empty_inputs():
    actors, _, _ = corpus()
    nodes, edges = build_graph(actors, mentions_df([]), pd.DataFrame())
    assert nodes.empty and edges.empty
    assert "title" in nodes.columns and list(edges.columns) == ["source", "target", "weight", "kind"]


def test_default_legend_by_type():
    nodes, _ = build_graph(*corpus())
    assert graph.default_legend(nodes) == [("Person", "#0072B2"), ("Organisation", "#E69F00"),
                                           ("Country, city, state", "#009E73")]


def test_edges_csv_names_and_formula_guard():
    nodes, edges = build_graph(*corpus({"a": "=HYPERLINK(\"http://x\")", "b": "Bob, \"the\" builder"}))
    df = pd.read_csv(io.BytesIO(edges_csv(nodes, edges)), keep_default_na=False)
    assert list(df.columns) == ["source", "target", "weight", "kind", "source_id", "target_id"]
    first = df.iloc[0]  # heaviest co-occurrence edge: a-b, weight 2
    assert (first["source"], first["target"], first["weight"], first["kind"]) == \
        ("'=HYPERLINK(\"http://x\")", "Bob, \"the\" builder", 2, "co-occurrence")
    assert len(df) == len(edges) and set(df["kind"]) == {"co-occurrence", "quotes about"}


# --- HTML --------------------------------------------------------------------

def hostile_graph():
    names = dict(zip("abcd", HOSTILE))
    actors, mentions, quotes = corpus(names)
    actors.at[0, "aliases"] = [HOSTILE[4], HOSTILE[5]]
    return build_graph(actors, mentions, quotes)


def page_data(page: str) -> dict:
    """The JSON blob the page scripts read."""
    m = re.search(r"<script>var DOSSIER_NETWORK = (.*?);</script>", page, re.S)
    assert m, "data script not found"
    return json.loads(m.group(1))


def strip_vis(page: str) -> str:
    """The page minus the inlined vis-network bundle (third-party, checked separately)."""
    return page.replace(_vis_asset("vis-network.min.js"), "")


def render_hostile() -> str:
    nodes, edges = hostile_graph()
    return network_html(nodes, edges, title=HOSTILE[1], subtitle=HOSTILE[0], source_note=HOSTILE[3],
                        legend=[(HOSTILE[4], "#0072B2"), ("bad colour", "red;background:url(//evil.example)")])


def test_html_escapes_header_text():
    page = strip_vis(render_hostile())
    assert f'<h1 id="title">{html.escape(HOSTILE[1])}</h1>' in page
    assert f'<p id="subtitle">{html.escape(HOSTILE[0])}</p>' in page
    assert f'<span id="source">{html.escape(HOSTILE[3])}</span>' in page
    assert f'<span class="dot" style="background:#0072B2"></span>{html.escape(HOSTILE[4])}</li>' in page
    assert '<span class="dot" style="background:#999999"></span>bad colour</li>' in page
    assert "evil.example" not in page
    for raw in ("<img", "<a href", "<b>", "<!--", "\u2028"):
        assert raw not in page, raw


def test_html_has_only_its_own_script_tags():
    page = strip_vis(render_hostile())
    assert page.lower().count("<script") == 3 and page.lower().count("</script") == 3
    assert "<script>alert" not in page and "onerror=alert(1)>" not in page


def test_html_data_is_escaped_json_that_round_trips():
    page = render_hostile()
    raw = re.search(r"var DOSSIER_NETWORK = (.*?);</script>", page, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in raw
    data = page_data(page)
    nodes, _ = hostile_graph()
    assert [n["name"] for n in data["nodes"]] == list(nodes["label"])  # exact text survives
    assert data["nodes"][0]["title"].startswith(HOSTILE[0] + "\n")
    assert HOSTILE[4] in data["nodes"][0]["title"]  # aliases reach the tooltip as text
    assert data["config"]["title"] == HOSTILE[1]


def test_html_csp_allows_exactly_its_scripts():
    page = render_hostile()
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(bodies) == 3
    expected = {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'" for b in bodies}
    assert set(directives["script-src"].split()) == expected  # no 'unsafe-inline', no hosts
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_html_never_uses_pyvis_html_tooltips():
    page = strip_vis(render_hostile())  # a title contains "href": pyvis would switch to innerHTML popups
    assert "innerHTML" not in page and "div.popup" not in page and "<center>" not in page


def test_vis_bundle_shows_string_titles_as_text():
    # the inlined vis-network sets a string tooltip with innerText, never innerHTML
    js = _vis_asset("vis-network.min.js")
    assert "@version 9.1.2" in js
    assert 'key:"setText",value:function(t){if(t instanceof Element)' in js
    assert "else this.frame.innerText=t}" in js


def test_html_is_offline():
    page = render_hostile()
    tags = re.findall(r"<(?:script|link|img|iframe|object|embed)\b[^>]*>", page, re.I)
    assert tags and all(t.lower() == "<script>" for t in tags), tags
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page


def test_html_fast_layout_options():
    nodes, edges = hostile_graph()
    data = page_data(network_html(nodes, edges))
    physics = data["options"]["physics"]
    assert physics["solver"] == "forceAtlas2Based"
    assert physics["stabilization"]["enabled"] and physics["stabilization"]["iterations"] <= 200
    assert data["options"]["edges"]["smooth"] is False
    assert 'network.setOptions({ physics: { enabled: false } })' in network_html(nodes, edges)


def test_html_edges_styles_and_parallel_edges_kept():
    nodes, edges = hostile_graph()
    data = page_data(network_html(nodes, edges))
    assert len(data["edges"]) == len(edges) == 5  # quote b->a runs parallel to co-occurrence a-b
    quote = [e for e in data["edges"] if e["kind"] == "quotes about"]
    cooc = [e for e in data["edges"] if e["kind"] == "co-occurrence"]
    assert [(e["from"], e["to"]) for e in quote] == [("b", "a")]
    assert quote[0]["dashes"] and quote[0]["arrows"]["to"]["enabled"] is True
    assert quote[0]["smooth"]["type"] == "curvedCW"  # static curve: apart from the a-b line, no physics cost
    assert all(e["dashes"] is False and e["arrows"]["to"]["enabled"] is False for e in cooc)
    widths = {(e["from"], e["to"]): e["width"] for e in cooc}
    assert widths[("a", "b")] == 6 and widths[("a", "c")] == 1  # weight 2 = max, weight 1 = min


def test_html_empty_graph():
    nodes, edges = build_graph(*corpus(), types=[])
    page = network_html(nodes, edges, title="Nothing", empty_message="No <actors> here")
    assert "No &lt;actors&gt; here" in page
    assert 'data-graph-ready="1"' in page and 'data-empty="1"' in page
    assert 'id="net"' not in page and "vis.Network" not in page and "Download PNG" not in page


@pytest.mark.parametrize("value", HOSTILE + ["plain", "\u2029", "-->"])
def test_script_json_round_trips_without_markup(value):
    text = script_json({"v": value})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"v": value}


@pytest.mark.parametrize("weights, n_nodes, expected", [
    ([1, 1, 1], 10, 1),                    # under the budget of 4 edges per node: keep everything
    ([5, 4, 3, 2, 1, 1, 1, 1, 1], 1, 2),   # budget 4: the edges weighing 5, 4, 3 and 2 stay
    ([9, 3, 3, 3, 3, 3], 1, 3),            # a tie at the cut-off would leave one edge: keep the tie
    ([9, 8, 7, 6, 3, 3], 1, 4),
])
def test_suggest_min_weight(weights, n_nodes, expected):
    from dossier_app.graph import suggest_min_weight
    edges = pd.DataFrame({"source": ["a"] * len(weights), "target": ["b"] * len(weights),
                          "weight": weights, "kind": ["co-occurrence"] * len(weights)})
    assert suggest_min_weight(edges, n_nodes) == expected


def test_network_view_leaves_out_unlinked_actors_but_keeps_picked_ones():
    from dossier_app import network
    from dossier_app.filters import Filters
    from helpers import corpus as small
    c = small()        # k-h co-occur in d1 and d2; i only with k in d3
    net = network.network_view(c, Filters(), top_n=10, min_weight=2, include_quotes=False)
    assert sorted(net.nodes.id) == ["h", "k"] and net.isolated == 1
    picked = network.network_view(c, Filters(actors=("i",)), top_n=10, min_weight=2, include_quotes=False)
    assert list(picked.nodes.id) == ["i"] and picked.isolated == 0


@pytest.mark.parametrize("name, expected", [
    ("dossier-network-ali-khamenei-2024-01-01_end", "dossier-network-ali-khamenei-2024-01-01_end.png"),
    ('x"</script><b>', "x-script-b-.png"),
])
def test_the_network_png_is_named_after_the_view(name, expected):
    from dossier_app.network_html import network_html
    nodes, edges = build_graph(*corpus())
    page = network_html(nodes, edges, png_name=name)
    assert f'"pngName":"{expected}"' in page.replace(": ", ":")
