"""Quote browser: who said what, when and where it was reported."""
import streamlit as st

from dossier_app import data, pickers, query, selection, state
from dossier_app.reader import article_html
from dossier_app.speakers import label
from dossier_app.filters import export_name
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Quotes")
search = st.text_input("Search quotes", placeholder="words in the quote, speaker or article title")
c1, c2, c3, c4 = st.columns(4)
speaker_ids = pickers.options(list(query.speaker_counts(corpus, filters).index), state.remembered(state.Q_SPEAKERS))
speakers = c1.multiselect("Speaker", speaker_ids, format_func=lambda a: label(a, names, corpus.speaker_labels),
                          placeholder="Any", key=state.Q_SPEAKERS, select_all=False,
                          help=f"The {pickers.TOP_OPTIONS} most quoted speakers under the filters, including "
                               "sources that are no actor (\"foreign ministry\"), with their spellings folded.")
about_ids = pickers.options(list(query.about_counts(corpus, filters).index), state.remembered(state.Q_ABOUT))
about = c2.multiselect("Mentions actor", about_ids, format_func=lambda a: names.get(a, a), placeholder="Any",
                       key=state.Q_ABOUT, select_all=False,
                       help=f"The {pickers.TOP_OPTIONS} actors most talked about under the filters.")
kinds = c3.multiselect("Kind", ["direct", "partial", "pull", "indirect"], placeholder="Any")
outlet = c4.multiselect("Outlet", query.outlets(corpus), placeholder="Any")

matches = query.quote_table(corpus, filters, search, kinds, speakers, about, outlet)
table = matches.head(query.MAX_QUOTE_ROWS)
more = (f" · the first {len(table):,} by date are listed: search or filter to narrow, the CSV has them all"
        if len(matches) > len(table) else "")
hidden = query.undated_hidden(corpus, filters)
hidden_note = (f" · {query.plural(hidden, 'quote')} from undated articles hidden by the date filter"
               if hidden else "")
st.caption(f"{query.plural(len(matches), 'quote')} · {md(filters.describe(names))}{hidden_note}{more}")
shown = table[["quote", "speaker", "date", "kind", "context", "outlet", "article", "reports"]].assign(
    date=[query.as_day(d) for d in table.date])
event = st.dataframe(shown.fillna({"outlet": "", "article": ""}), hide_index=True, on_select="rerun",
                     selection_mode="single-row", key=selection.table_key("quote_table", table.quote_id), height=420,
                     column_config={"quote": st.column_config.TextColumn(
                                        "quote", width="large", help="The speaker's words. For partial quotes only "
                                        "the words inside quotation marks; the clause around them is the context."),
                                    "context": st.column_config.TextColumn(
                                        "context", help="The reported statement as the article puts it (for "
                                        "indirect quotes: a paraphrase, not the speaker's words)"),
                                    "date": st.column_config.TextColumn("date"),
                                    "reports": st.column_config.NumberColumn(
                                        "reports", help="Articles reporting this statement")})
# written only when the button is clicked, not on every rerun
st.download_button("Download CSV of these quotes", lambda: query.quotes_csv(matches),
                   file_name=export_name("quotes", filters, names) + ".csv", mime="text/csv")

r = selection.picked_row(table, event.selection.rows if event else [])
if r is not None:
    doc = query.article(corpus, r.doc_id)
    st.subheader(md(doc["label"]) if doc else "Article")
    if doc:
        outlet = doc["outlet"] if isinstance(doc["outlet"], str) and doc["outlet"] else "Unknown outlet"
        published = query.as_day(doc["published"])
        st.caption(f"{md(outlet)} · {published} · {md(doc['path'])}")
        st.page_link(data.page_path("reader.py"), label="Open in the Reader (actors, dates and every quote marked)",
                     icon=":material/article:", query_params={"doc": r.doc_id})
        others, earliest = query.earliest_report(corpus, r.quote_id)
        if earliest:
            st.info(f"Also reported by {query.plural(len(others) - 1, 'other article')}; earliest: {md(earliest)}.")
            st.dataframe(others.drop(columns=["quote_id"]), hide_index=True, key="also_reported")
        st.html(article_html(doc["text"], (int(r.start), int(r.end)), doc["mentions"], names))
else:
    st.caption("Select a row to read the article with the quote highlighted.")
