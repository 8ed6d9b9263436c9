"""Timeline: dated statements on a time axis, one lane per actor."""
import streamlit as st

from dossier_app import charts, data, query
from dossier_app.reader import article_html
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Timeline")
top_n = st.slider("Actors shown (top by events)", 3, 40, 12, disabled=bool(filters.actors),
                  help="With actors picked in the sidebar, those are the lanes.")
rows = query.timeline_rows(corpus, filters, top_n)
subtitle = filters.describe(names)
if rows.empty:
    st.info("No dated events match the filters.")
else:
    fig = charts.timeline_figure(rows, "Dated statements by actor", subtitle, corpus.source_note())
    st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode=("points", "box"),
                    config=charts.plot_config("dossier-timeline"))
    st.caption("Points are single days (bigger = more articles); bars are weeks, months or ranges. "
               "Colour shows how the date was found. Select points (click or box) to read them.")

event = st.session_state.get("timeline_chart")
points = (event or {}).get("selection", {}).get("points", []) if event else []
picked = {tuple(p["customdata"][:2]) for p in points if p.get("customdata")}
if picked:
    ev_ids = {e for e, _ in picked}
    sel = rows[rows.event_id.isin(ev_ids)].drop_duplicates("event_id")
    st.subheader(f"Selected events ({len(sel)})")
    for r in sel.itertuples():
        with st.expander(f"{r.date} · {md(r.title)}"):
            st.markdown(md(r.sentence))
            doc = query.article(corpus, r.doc_id)
            if doc and st.toggle("Open the article", key=f"open_{r.event_id}"):
                st.html(article_html(doc["text"], (int(r.start), int(r.end)), doc["mentions"], names))

undated = query.undated_statements(corpus, filters)
if len(undated):
    with st.expander(f"{len(undated)} undated statements (their articles have no publication date)"):
        st.dataframe(undated[["speaker", "text", "kind"]], hide_index=True)
