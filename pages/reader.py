"""Reader: one article with its actors, dates and quotes highlighted; its quotes and statements beside it."""
import streamlit as st

from dossier_app import data, query, reading, state, timeline
from dossier_app.reader import KINDS, anchor_list_html, annotated_html, legend_html
from dossier_app.text import md

corpus, filters = data.current()
names = corpus.names

st.title("Reader")
docs = query.filter_documents(corpus, filters).sort_values(["published", "label"], na_position="last")
doc_id = state.reader_doc(list(docs.doc_id), corpus.by_doc.index)
if doc_id is None:
    st.info("No article matches the filters.")
    st.stop()

prev_id, next_id, pos, total = reading.neighbours(corpus, filters, doc_id)
c1, c2, c3 = st.columns([1, 4, 1])
c1.button("← Previous", disabled=prev_id is None, on_click=state.open_article, args=(prev_id,), width="stretch")
c3.button("Next →", disabled=next_id is None, on_click=state.open_article, args=(next_id,), width="stretch")
labels = corpus.doc_labels
c2.selectbox("Article", reading.article_options(list(docs.doc_id), doc_id), index=None,
             placeholder=f"Article {pos} of {total} under the filters · pick one nearby",
             format_func=lambda d: labels.get(d, d), key=state.READER_PICK,
             on_change=state.open_picked, label_visibility="collapsed")

doc = reading.reading(corpus, doc_id)
st.subheader(md(doc["label"]))
published = query.as_day(doc["published"])
outlet = doc["outlet"] if isinstance(doc["outlet"], str) and doc["outlet"] else "unknown outlet"
st.caption(f"{md(outlet)} · {published} ({md(reading.date_provenance(corpus, doc))}) · {md(doc['path'])}")
if isinstance(doc["url"], str) and doc["url"].lower().startswith(("http://", "https://")):
    st.link_button("Open the original", doc["url"], icon=":material/open_in_new:")

show = set(st.pills("Highlight", list(KINDS), default=list(KINDS), selection_mode="multi",
                    format_func=KINDS.get, key=state.READER_LAYERS))
text_col, side = st.columns([3, 2])
with text_col:
    st.html(legend_html(show, doc["actor_types"]))
    st.html(annotated_html(doc["text"], doc["spans"], show, doc["anchors"]))
with side:
    q, ev = doc["quotes"], doc["events"]
    lists = [(query.plural(len(q), "quote"), [(f"q-{r.quote_id}", r.speaker if isinstance(r.speaker, str)
                                                 else "unattributed", f"({r.kind}) {r.text}")
                                                for r in q.itertuples()]),
             (query.plural(len(ev), "dated statement"),
              [(f"e-{r.event_id}", timeline.when_label(r.date, r.date_end, r.granularity), str(r.sentence).strip())
               for r in ev.itertuples()])]
    for head, items in lists:
        st.markdown(f"**{head}** · click one to scroll to it" if items else f"**{head}**")
        if items:
            st.html(anchor_list_html(items))
