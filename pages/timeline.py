"""Timeline: dated statements on a time axis, one lane per actor."""
import streamlit as st

from dossier_app import charts, data, query
from dossier_app.reader import article_html
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Timeline")
c1, c2 = st.columns([3, 1])
top_n = c1.slider("Actors shown (top by events)", 3, 40, 12, disabled=bool(filters.actors),
                  help="With actors picked in the sidebar, those are the lanes.")
show_years = c2.toggle("Show year-long periods", value=False,
                       help="Statements dated only to a year (\"this year\", \"in 1987\") as faint bars.")
rows = query.timeline_rows(corpus, filters, top_n)
periods = ("week", "month", "range", "year") if show_years else ("week", "month", "range")
marks = query.timeline_marks(rows, periods)
if marks.empty:
    st.info("No dated events match the filters.")
else:
    fig = charts.timeline_figure(marks, "Dated statements by actor", filters.describe(names),
                                 corpus.source_note(), query.focus_range(rows[rows.granularity.isin(("day", *periods))]))
    st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode=("points", "box"),
                    config=charts.plot_config("dossier-timeline"))
    st.caption("Points are single days (bigger = more articles); thin bars are weeks, months or ranges. "
               "Colour shows how the date was found. Drag the handles below the chart to see other years; "
               "select points (click or box) to read them.")

event = st.session_state.get("timeline_chart")
points = (event or {}).get("selection", {}).get("points", []) if event else []
picked = [int(p["customdata"]) for p in points if p.get("customdata") is not None]
picked = [i for i in dict.fromkeys(picked) if i in marks.index]
if picked:
    ids = [e for i in picked for e in marks.at[i, "event_ids"]]
    sel = rows[rows.event_id.isin(ids)].drop_duplicates("event_id").head(50)
    st.subheader(f"Selected statements ({len(sel)}{' shown' if len(ids) > 50 else ''})")
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
