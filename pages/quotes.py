"""Quote browser: who said what, when and where it was reported."""
import pandas as pd
import streamlit as st

from dossier_app import data, query, selection
from dossier_app.reader import article_html
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Quotes")
base = query.filter_quotes(corpus, filters)
search = st.text_input("Search quotes", placeholder="words in the quote, speaker or article title")
c1, c2, c3, c4 = st.columns(4)
speaker_ids = [a for a in base.speaker_id.dropna().value_counts().index]
speakers = c1.multiselect("Speaker", speaker_ids, format_func=lambda a: names.get(a, a), placeholder="Any")
about_ids = sorted({a for xs in base.about_ids for a in (xs if xs is not None else [])}, key=lambda a: names.get(a, a))
about = c2.multiselect("Mentions actor", about_ids, format_func=lambda a: names.get(a, a), placeholder="Any")
kinds = c3.multiselect("Kind", ["direct", "partial", "pull", "indirect"], placeholder="Any")
outlets = sorted(o for o in corpus.documents.outlet.dropna().unique())
outlet = c4.multiselect("Outlet", outlets, placeholder="Any")

table = query.quote_table(corpus, filters, search, kinds, speakers, about, outlet)
st.caption(f"{len(table)} quotes · {md(filters.describe(names))}")
shown = table[["date", "speaker", "quote", "kind", "outlet", "article", "reports"]]
event = st.dataframe(shown.fillna({"outlet": "", "article": ""}), hide_index=True, on_select="rerun",
                     selection_mode="single-row", key=selection.table_key("quote_table", table.quote_id), height=420,
                     column_config={"quote": st.column_config.TextColumn("quote", width="large"),
                                    "date": st.column_config.DateColumn("date"),
                                    "reports": st.column_config.NumberColumn(
                                        "reports", help="Articles reporting this statement")})
st.download_button("Download CSV of these quotes", shown.to_csv(index=False).encode("utf-8"),
                   file_name="dossier-quotes.csv", mime="text/csv")

r = selection.picked_row(table, event.selection.rows if event else [])
if r is not None:
    doc = query.article(corpus, r.doc_id)
    st.subheader(md(doc["label"]) if doc else "Article")
    if doc:
        outlet = doc["outlet"] if isinstance(doc["outlet"], str) and doc["outlet"] else "Unknown outlet"
        published = doc["published"] if doc["published"] is not None and not pd.isna(doc["published"]) else "undated"
        st.caption(f"{md(outlet)} · {published} · {md(doc['path'])}")
        others = query.also_reported(corpus, r.quote_id)
        if len(others) > 1:
            first = others.iloc[0]
            earliest = "this article" if first.quote_id == r.quote_id else f"{md(first.article)} ({first.date or 'undated'})"
            st.info(f"Also reported by {len(others) - 1} other article{'s' if len(others) > 2 else ''}; "
                    f"earliest: {earliest}.")
            st.dataframe(others.drop(columns=["quote_id"]), hide_index=True, key="also_reported")
        st.html(article_html(doc["text"], (int(r.start), int(r.end)), doc["mentions"], names))
else:
    st.caption("Select a row to read the article with the quote highlighted.")
