"""Network: actors that appear together, and who is quoted talking about whom."""
import streamlit as st

from dossier_app import data, evidence, graph, network, query, state
from dossier_app.bridge import actor_pick_bridge
from dossier_app.filters import export_name
from dossier_app.text import md
from dossier_app.network_html import network_html

corpus, filters = data.current()
names = corpus.names
if state.pop_go_reader():                   # "Read the articles mentioning …" was clicked
    st.switch_page(data.page_path("reader.py"))

st.title("Actor network")
state.network_settings_from_url()            # a shared link's top-N, weight and unit, on a session's first run
c1, c2 = st.columns(2)
c3, c4 = st.columns(2)          # two rows: every label readable on a narrow screen
top_n = c1.slider("Actors shown", 10, 300, step=10, key=state.NET_TOP,
                  help="Top actors by mentions; 50–150 stays readable.")
scope = c3.radio("Co-occurrence in the same", ["sentence", "article"], horizontal=True, key=state.NET_UNIT)
with c4:
    include_quotes = st.toggle("Quote edges (speaker → actor)", value=True)
    communities = st.toggle("Colour by community", value=False)

_, all_edges, suggested = network.base_graph(corpus, filters, top_n, scope, include_quotes)
heaviest = int(all_edges.weight.max()) if len(all_edges) else 1
top = state.keep_weight(suggested, network.WEIGHT_SLIDER_MAX)     # the user's weight survives other settings
min_weight = c2.slider("Minimum edge weight", 1, top, key=state.NET_WEIGHT,
                       help=f"Start: {suggested}, the lowest weight that keeps about four links per actor. "
                            f"The heaviest link here weighs {heaviest}.")
net = network.network_view(corpus, filters, top_n=top_n, scope=scope, include_quotes=include_quotes,
                           communities=communities, min_weight=min_weight)
nodes, edges = net.nodes, net.edges
state.network_settings_to_url(top_n, min_weight, scope)

unlinked = f" · {net.isolated} actors without a link at this weight left out" if net.isolated else ""
subtitle = (f"{len(nodes)} actors, {len(edges)} links · co-occurrence in the same {scope}{unlinked} · "
            f"{filters.describe(names)}")
html_doc = network_html(nodes, edges, height_px=760, title="Who appears with whom", subtitle=subtitle,
                        source_note=corpus.source_note(),
                        select_hint="Double-click an actor, or use the button, to filter every page by it.",
                        pickable=True, png_name=export_name("network", filters, names))
if edges.empty:
    st.info(f"No links weigh {min_weight} or more under these filters (the heaviest weighs {heaviest}): "
            f"lower the minimum edge weight.", icon=":material/link_off:")
st.iframe(html_doc, height=760)


def pick(name: str) -> None:
    """The graph reported a picked actor: make it the sidebar's actor filter (unknown names ignored)."""
    aid = corpus.actor_lookup().get(name.strip().lower())
    if aid:
        state.set_actor_filter([aid])


actor_pick_bridge("network_pick", pick, on_edge=state.show_edge)

c1, c2 = st.columns([2, 1])
pick = c1.selectbox("Focus on an actor (sets the sidebar filter)", [None, *nodes.id],
                    format_func=lambda a: "—" if a is None else names.get(a, a))
if pick:
    # a callback runs before the sidebar widget is drawn, so it may set the widget's state
    c1.button("Apply actor filter", on_click=state.select_actor, args=(pick,))
    c1.button(f"Read the articles mentioning {names.get(pick, pick)}", on_click=state.read_about, args=(pick,),
              icon=":material/article:")
c2.download_button("Download edges CSV", lambda: graph.edges_csv(nodes, edges), file_name=export_name("network-edges", filters, names) + ".csv",
                   mime="text/csv")

if not state.clean_view():             # ?view=clean: the chart only, no empty evidence heading
    st.subheader("Evidence behind a link")
    links = {f"{e.source}\t{e.target}\t{e.kind}": e for e in
             edges.sort_values("weight", ascending=False).head(500).itertuples(index=False)}
    arrow = {graph.QUOTES_ABOUT: "→"}


    def link_label(k: str) -> str:
        e = links.get(k)
        if e is None:
            return k
        return (f"{names.get(e.source, e.source)} {arrow.get(e.kind, '—')} {names.get(e.target, e.target)}"
                f" · {e.kind}, weight {e.weight}")


    # options are the links themselves (not positions), so new settings never point at another link
    state.keep_edge(set(links))
    link = st.selectbox("Link", list(links), index=None, key=state.NET_EDGE, format_func=link_label,
                        placeholder="Pick a link, or click one in the graph, to read the sentences or quotes behind it",
                        label_visibility="collapsed")
    if link in links:
        e = links[link]
        rows, total = evidence.for_edge(corpus, filters, e.source, e.target, e.kind, scope)
        what = "quotes" if e.kind == graph.QUOTES_ABOUT else f"{scope}s"
        st.caption(f"{total:,} {what}{f', the first {len(rows)} by date' if total > len(rows) else ''}.")
        for r in rows.itertuples():
            when = query.as_day(r.published)
            st.markdown(f"**{when}** · {md(r.article)}  \n{md(r.text)}")
            st.page_link(data.page_path("reader.py"), label="Open in the Reader", icon=":material/article:",
                         query_params={"doc": r.doc_id})
