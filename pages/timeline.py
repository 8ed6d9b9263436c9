"""Timeline: dated statements on a time axis, one lane per actor."""
import streamlit as st

from dossier_app import charts, data, plotchart, query, selection, timeline
from dossier_app.reader import article_html
from dossier_app.filters import export_name
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Timeline")
top_n = st.slider("Actors shown (top by events)", 3, 40, 12, disabled=bool(filters.actors),
                  help="With actors picked in the sidebar, those are the lanes.")
show_years = st.toggle("Show year-long periods", value=False,
                       help="Statements dated only to a year (\"this year\", \"in 1987\") as faint bars.")
periods = ("week", "month", "range", "year") if show_years else ("week", "month", "range")
plot = timeline.plot(corpus, filters, top_n, periods)
marks = plot.marks
picked: list[int] = []
if marks.empty:
    st.info("No dated events match the filters.")
else:
    # keyed on what is drawn: other filters start with an empty selection, never someone else's marks
    key = selection.table_key("timeline_chart", [repr(filters), top_n, *periods])
    view = plot.view
    if plot.window and plot.view and plot.window[0] < plot.window[1]:
        view = st.slider("Time span", min_value=plot.window[0], max_value=plot.window[1],
                         value=(max(plot.view[0], plot.window[0]), min(plot.view[1], plot.window[1])),
                         format="YYYY-MM-DD", key=f"span_{key}",
                         help="The chart opens on the span most statements fall in; widen it to see the rest.")
    table = plot.table if plot.table is not None else charts.timeline_table(marks)
    fig = charts.timeline_figure(table, list(dict.fromkeys(marks.lane)), "Dated statements by actor",
                                 filters.describe(names), corpus.source_note(), view)
    picked = plotchart.plotly_chart(fig, key, charts.plot_config(export_name("timeline", filters, names)),
                                    select=True)
    notes = ["Points are single days (bigger = more articles); thin bars are weeks, months or ranges. "
             "Colour is the actor type, as on every page; a point's shape says how its date was found."]
    if plot.dense:
        notes[0] = ("Single days are summed per week, too many to draw one by one (darker = more articles); "
                    "bars are statements dated to a week, month or range, coloured by actor type.")
    if plot.outside:
        notes.append(f"{plot.outside} statement{'s' if plot.outside > 1 else ''} dated far from the rest "
                     f"(before {plot.window[0].year} or after {plot.window[1].year}) are not drawn.")
    notes.append("Click a mark to read its statements (the box-select tool, top right, picks several); "
                 "drag across the chart to zoom into a period.")
    st.caption(" ".join(notes))

    picked = [i for i in picked if i in marks.index]
if picked:
    sel, total = timeline.selected_statements(corpus, plot, picked)
    st.subheader(f"Selected statements ({len(sel)}{f' of {total} shown' if total > len(sel) else ''})")
    for r in sel.itertuples():
        with st.expander(f"{timeline.when_label(r.date, r.date_end, r.granularity)} · {md(r.title)}"):
            st.markdown(md(r.sentence))
            st.page_link(data.page_path("reader.py"), label="Open in the Reader", icon=":material/article:",
                         query_params={"doc": r.doc_id})
            if st.toggle("Open the article", key=f"open_{r.event_id}"):
                doc = query.article(corpus, r.doc_id)
                if doc:
                    st.html(article_html(doc["text"], (int(r.start), int(r.end)), doc["mentions"], names))

undated = query.undated_statements(corpus, filters)
if len(undated):
    with st.expander(f"{len(undated)} undated statements (their articles have no publication date)"):
        st.dataframe(undated[["speaker", "text", "kind"]].head(2000), hide_index=True)
