"""Overview: what is in the corpus, how well it is dated, and what the build rejected."""
import streamlit as st

from dossier_app import charts, data, plotchart, query
from dossier_app.filters import Filters, export_name
from dossier_app.text import md

corpus, filters = data.current()
stats = query.overview(corpus)

st.title("Overview")
st.caption(md(corpus.source_note()) + " · This page describes the whole corpus: the sidebar filters apply to "
           "the Timeline, Network and Quotes pages" + (" (the most mentioned actors below follow the actor types)"
                                                     if filters.types else "") + ".")
figures = [("Articles", stats["articles"]), ("Words", stats["words"]), ("Actors", stats["actors"]),
           ("Dated events", stats["events"]), ("Quotes", stats["quotes"]), ("Undated articles", stats["undated"])]
for row in (figures[:3], figures[3:]):           # two rows of three: nothing is cut off on a narrow screen
    for col, (label, value) in zip(st.columns(3), row):
        col.metric(label, f"{value:,}")

if stats["first"]:
    st.markdown(f"Publication dates run from **{stats['first']}** to **{stats['last']}** "
                f"({stats['dated']} of {stats['articles']} articles dated).")
    cov = query.date_coverage(corpus)
    plotchart.plotly_chart(charts.coverage_figure(cov, corpus.source_note()), "coverage_chart", charts.plot_config(
        export_name("coverage", Filters(), {}, (corpus.name, f"built-{corpus.built}"))))

docs = query.documents_table(corpus)
undated = docs[docs.published == "undated"]
st.subheader(f"Undated articles ({len(undated)})")
if undated.empty:
    st.write("Every article has a publication date.")
else:
    st.write("These articles have no publication date, so their relative dates (\"last week\") stay "
             "unresolved. Add them to a `metadata.csv` sidecar (columns `file,published`, ISO dates) "
             "in the input folder and rebuild.")
    st.dataframe(undated[["title", "file", "outlet"]], hide_index=True)

st.subheader("Articles")
st.dataframe(docs, hide_index=True, lazy=len(docs) > query.LAZY_ROWS, column_config={     # rows on demand when many
    "published": st.column_config.TextColumn("published"),
    "words": st.column_config.NumberColumn("words", format="%d")})

errors = corpus.manifest.get("errors") or []
st.subheader(f"Build errors ({len(errors)})")
if errors:
    st.warning("Some inputs were rejected; the rest of the corpus was built.")
    st.dataframe(errors, hide_index=True)
else:
    st.write("Every input was read.")

st.subheader("Most mentioned actors")
top = query.top_actors(corpus, 15, filters.types)[["name", "type", "n_mentions", "n_docs"]]
st.dataframe(top.rename(columns={"n_mentions": "mentions", "n_docs": "articles"}), hide_index=True,
             height=38 + 35 * len(top))          # every row shown, none half cut
