"""Corpus-wide steps over the per-document tables: ids, duplicates, borrowed dates, events, links.

Input: the tables of `pipeline.results` (documents, mentions, quotes, timexes keyed by `seq`,
the article's place in input order), whether parsed now or carried over from the last build.
Output: the cache tables of DATA.md. Nothing here parses text again, and nothing is quadratic in
the number of documents, so an incremental build costs little more than its new articles.
"""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from . import events, link, similar
from ..background import in_background
from ..inputs.publication import settle
from ..inputs.article import doc_id_for
from ..results import PendingTables, frame, timex_lookup


def assign_ids(docs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """doc_id per row (hash of the cleaned text) and duplicate_of for exact copies.

    A second copy of a text gets an id from its text and path, pointing at the first copy."""
    ids, dup, first = [], [], {}
    for text, path in zip(docs.text, docs.path):
        d = doc_id_for(text)
        if d in first:
            dup.append(first[d])
            d = doc_id_for(text + "\x00" + path)
        else:
            first[d] = d
            dup.append(None)
        ids.append(d)
    return pd.Series(ids, index=docs.index), pd.Series(dup, index=docs.index, dtype=object)


def own_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """Publication dates as the article itself gave them: a date borrowed last time is undone."""
    borrowed = docs.date_source.eq("similar")
    return docs.assign(published=docs.published.where(~borrowed, None).astype(object),
                       date_source=docs.date_source.where(~borrowed, "none"))


def dates_from_similar(docs: pd.DataFrame) -> tuple[list[bytes], dict[str, str], dict]:
    """(MinHash signatures, near-duplicates {doc_id: original}, `similar.similar_dates` result)
    for documents with doc_id, text, published, date_source and the stored minhash, if any."""
    stored = docs["minhash"] if "minhash" in docs.columns else pd.Series(None, index=docs.index, dtype=object)
    sigs = [s if isinstance(s, bytes) else similar.signature(t) for s, t in zip(stored, docs.text.tolist())]
    near = similar.near_duplicates(list(zip(docs.doc_id.tolist(), docs.text.tolist())), signatures=sigs)
    found = similar.similar_dates(docs[["doc_id", "text", "published", "date_source"]].to_dict("records"), near)
    return sigs, near, found


def borrow_dates(docs: pd.DataFrame, similar_result: tuple[list[bytes], dict[str, str], dict]) -> pd.DataFrame:
    """Near-duplicates, then `similar` publication dates for undated articles (the last rung of
    metadata > header > dateline > text > similar; the earlier rungs are set per document), from
    `similar_result` = `dates_from_similar(docs)`."""
    sigs, near, found = similar_result
    docs = docs.assign(minhash=pd.Series(sigs, index=docs.index, dtype=object), duplicate_of=[d if d is not None else near.get(i)
                                     for i, d in zip(docs.doc_id, docs.duplicate_of)],
                       dated_from=pd.Series(None, index=docs.index, dtype=object))
    if found:
        hit = docs.doc_id.isin(found.keys()) & docs.published.isna()
        settled = docs.loc[hit, "doc_id"].map(lambda d: settle({"similar": found[d][0]}))
        docs.loc[hit, "published"] = settled.map(lambda s: s[0])
        docs.loc[hit, "date_source"] = settled.map(lambda s: s[1])
        docs.loc[hit, "dated_from"] = docs.loc[hit, "doc_id"].map(lambda d: found[d][1])
    return docs


EVENT_COLS = ["event_id", "doc_id", "date", "date_end", "granularity", "expression", "expr_start",
              "expr_end", "date_source", "sentence", "start", "end"]


def build_events(docs: pd.DataFrame, timexes: pd.DataFrame) -> pd.DataFrame:
    """The events table (without actor_ids) from stored time expressions and final dates.

    Rows go straight into column lists, one document at a time: at 17k articles a dict per row
    (63k) held about 100 MB more at once."""
    dicts_for = timex_lookup(timexes)
    cols: dict[str, list] = {c: [] for c in EVENT_COLS}
    for seq, d, text, pub, ls, le in zip(docs.seq, docs.doc_id, docs.text, docs.published,
                                         docs.lead_start, docs.lead_end):
        pub = None if pub is None or pd.isna(pub) else pub
        lead = None if ls is None or pd.isna(ls) else (int(ls), int(le))
        for row in events.build_events(d, text, pub, lead, dicts_for(seq)):
            for c, v in cols.items():
                v.append(row[c])
    return pd.DataFrame(cols) if cols["event_id"] else frame([], EVENT_COLS)


def dated_events(docs: pd.DataFrame, timexes: pd.DataFrame
                 ) -> tuple[tuple[list[bytes], dict[str, str], dict], pd.DataFrame]:
    """(`dates_from_similar(docs)`, the events table without actor ids): the half of the corpus
    steps that needs no actors. `docs` as `own_dates` left them."""
    found = dates_from_similar(docs)
    return found, build_events(borrow_dates(docs, found), timexes)


def derive_stream(tables: dict[str, pd.DataFrame] | PendingTables, aliases: pd.DataFrame | None,
                  parallel: bool = False) -> Iterator[tuple[str, pd.DataFrame]]:
    """All cache tables from the per-document tables of `pipeline.results` (keyed by seq), each
    as (name, table) once it is final, so that the caller can write it and let it go.

    Takes each table out of `tables` as it reads it (a build's `PendingTables` makes it only
    then, so the quotes stay packed while the actors are resolved), and drops every table once it
    is yielded: the corpus is never held twice, and the steps' largest transients (actors, quote
    groups) run when the documents, time expressions and events are already gone (17k articles,
    steps and writes: 0.47 GB, against 0.58-0.60 GB when every table was held to the end).

    `parallel`: dates from similar articles and the events come from a second process while the
    actors are resolved here (the halves meet only when events get their actors)."""
    docs = tables.pop("documents").sort_values("seq", kind="stable").reset_index(drop=True)
    docs["doc_id"], docs["duplicate_of"] = assign_ids(docs)
    docs = own_dates(docs)
    seq_to_id = dict(zip(docs.seq, docs.doc_id))
    timexes = tables.pop("timexes")
    timexes = timexes.assign(doc_id=timexes.seq.map(seq_to_id))
    cols = [c for c in ("seq", "doc_id", "text", "published", "date_source", "minhash", "duplicate_of",
                        "lead_start", "lead_end") if c in docs.columns]

    def keyed(df: pd.DataFrame) -> pd.DataFrame:
        df = df.sort_values("seq", kind="stable").reset_index(drop=True)
        return df.assign(doc_id=df.seq.map(seq_to_id)).drop(columns=["seq"])

    def dated_tables(found) -> list[tuple[str, pd.DataFrame]]:
        """documents and timexes, final once dates are borrowed; this step lets go of them."""
        nonlocal docs, timexes
        out = [("documents", borrow_dates(docs, found)), ("timexes", timexes)]
        docs = timexes = None
        return out

    pending = in_background(dated_events, docs[cols], timexes) if parallel else None
    try:
        evs = None
        if pending is None:             # the dated half first: its tables go before the actors
            found, evs = dated_events(docs[cols], timexes)
            yield from dated_tables(found)
        mentions_raw = keyed(tables.pop("mentions"))
        actors, mentions = link.resolve_mentions(mentions_raw, aliases)
        yield "mentions_raw", mentions_raw
        mentions_raw = None
        spans = link.spans_by_doc(mentions)
        if evs is None:
            found, evs = pending.result()
            yield from dated_tables(found)
        found = None
        yield "events", link.link_events(evs, spans)
        evs = None
        quotes = keyed(tables.pop("quotes"))
        quotes["speaker_raw"] = quotes["speaker"]
        quotes["quote_id"] = [link.stable_id(d, s, e, k) for d, s, e, k in
                              zip(quotes.doc_id, quotes.start, quotes.end, quotes.kind)]
        quotes = link.linked_quotes(quotes, mentions, actors, spans)
        yield "actors", actors
        yield "mentions", mentions
        actors = mentions = spans = None
        yield "quotes", link.with_groups(quotes)
    finally:
        if pending is not None:
            pending.cancel()            # an error here stops the worker too


def derive_all(tables: dict[str, pd.DataFrame], aliases: pd.DataFrame | None,
               parallel: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of `derive_stream` in one dict (for callers that keep them all)."""
    return dict(derive_stream(tables, aliases, parallel))
