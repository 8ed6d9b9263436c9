"""The reader page's data: one article with its quotes, dated statements and highlight spans,
its neighbours under the filters, and how its date was found. Pure, no streamlit."""
from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .filters import Filters
from .query import article, filter_documents


def reading(c: Corpus, doc_id: str) -> dict | None:
    """Everything the reader page shows for one article: `article` plus its quotes and dated
    statements (in text order), the spans to highlight (start, end, kind, tooltip, actor type for
    actors) and the anchors
    {offset: ids} where each quote and statement starts."""
    doc = article(c, doc_id)
    if doc is None:
        return None
    names = c.names
    q = c.quotes[c.quotes.doc_id == doc_id].sort_values("start")
    ev = c.events[c.events.doc_id == doc_id].sort_values("start")
    spans = [(int(m.start), int(m.end), "actor", names.get(m.actor_id, ""), c.types.get(m.actor_id))
             for m in doc["mentions"].itertuples()]
    spans += [(int(r.start), int(r.end), "quote", f"{r.speaker if isinstance(r.speaker, str) else 'unattributed'}"
               f" ({r.kind})") for r in q.itertuples()]
    anchors: dict[int, list[str]] = {}
    for r in q.itertuples():
        anchors.setdefault(int(r.start), []).append(f"q-{r.quote_id}")
    for r in ev.itertuples():
        timed = r.expr_start is not None and not pd.isna(r.expr_start)
        if timed:
            spans.append((int(r.expr_start), int(r.expr_end), "time", str(r.date)))
        anchors.setdefault(int(r.start), []).append(f"e-{r.event_id}")
    doc["quotes"], doc["events"], doc["spans"], doc["anchors"] = q, ev, spans, anchors
    doc["actor_types"] = {s[4] for s in spans if s[2] == "actor"}
    return doc


def neighbours(c: Corpus, f: Filters, doc_id: str) -> tuple[str | None, str | None, int, int]:
    """(previous doc id, next doc id, position from 1, count) among the filter's articles by date."""
    docs = filter_documents(c, f).sort_values(["published", "label"], na_position="last")
    ids = list(docs.doc_id)
    if doc_id not in ids:
        return None, (ids[0] if ids else None), 0, len(ids)
    i = ids.index(doc_id)
    return (ids[i - 1] if i else None), (ids[i + 1] if i + 1 < len(ids) else None), i + 1, len(ids)


def article_options(ids: list[str], doc_id: str, radius: int = 150) -> list[str]:
    """The reader's article picker: the articles around `doc_id` in the filter's order (at most
    2 * radius + 1, so 17,000 articles never become 17,000 options), `doc_id` first when it is
    outside the filter."""
    if doc_id not in ids:
        return [doc_id, *ids[:2 * radius]]
    i = ids.index(doc_id)
    lo = max(0, min(i - radius, len(ids) - 2 * radius - 1))
    return ids[lo:lo + 2 * radius + 1]


def date_provenance(c: Corpus, doc: dict) -> str:
    """How the publication date was found, in words (and from which article when borrowed)."""
    how = {"metadata": "from the metadata", "header": "from the scraper header", "dateline": "from the dateline",
           "text": "from the text", "similar": "borrowed from a near-identical article",
           "none": "no publication date found"}.get(doc.get("date_source"), str(doc.get("date_source")))
    source = doc.get("dated_from")
    if isinstance(source, str) and source in c.by_doc.index:
        how += f": {c.by_doc.label[source]}"
    return how
