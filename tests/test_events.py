"""Events on the sample articles, publication date from the text, and corpus-wide similar dates.

The samples are parsed whole; captions, boilerplate, the scraper header and the dateline prefix are
skipped with the patterns the clean stage uses (pipeline.resources), as the orchestrator does.

Decisions pinned here:
- "a month ago" is the previous calendar month (granularity month), not the day a month back.
- A year-less date ("October 7") without a publication date cannot be placed: no event.
- Relative expressions without a publication date: no event (never invent a date).
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from pipeline import resources as R
from pipeline.document.dates import find_timexes, publication_from_text
from pipeline.corpus.events import build_events
from pipeline.corpus.similar import _index_sentences, _postings, near_duplicates, sentence_sets, similar_dates

SAMPLES = ROOT / "data" / "sample"
D = date


def _sample(prefix: str) -> tuple[str, str]:
    path = next(SAMPLES.glob(prefix + "_*.txt"))
    return path.stem, path.read_text(encoding="utf-8")


def _skipper(text: str):
    """Offsets in caption, boilerplate and header lines, and in a leading dateline, are skipped."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if R.CAPTION_RE.search(line) or R.BOILERPLATE_RE.match(line) or R.HEADER_RE.match(line):
            spans.append((pos, end))
        else:
            m = R.DATELINE_RE.match(line)
            if m:
                spans.append((pos, pos + m.end()))
        pos = end + 1
    return lambda off: any(s <= off < e for s, e in spans)


@pytest.fixture(scope="module")
def parsed(nlp):
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        doc_id, text = _sample(prefix)
        doc = nlp(text)
        skip = _skipper(text)
        out[prefix] = (doc_id, text, doc, skip, find_timexes(doc, skip))
    return out


def _events(parsed, prefix, published, lead=None):
    doc_id, text, _, _, tx = parsed[prefix]
    return build_events(doc_id, text, published, lead, tx)


def _key(events):
    return sorted((e["expression"], e["date"], e["date_end"], e["granularity"]) for e in events if e["expression"])


def test_000_events(parsed):
    evs = _events(parsed, "000", D(2024, 7, 31), lead=(0, 10))
    assert _key(evs) == [
        ("July 31", D(2024, 7, 31), D(2024, 7, 31), "day"),                    # "the night of July 31"
        ("Wednesday, July 31", D(2024, 7, 31), D(2024, 7, 31), "day"),
    ]
    pub = [e for e in evs if e["date_source"] == "publication"]
    assert len(pub) == 1 and pub[0]["expression"] is None and (pub[0]["start"], pub[0]["end"]) == (0, 10)
    text = parsed["000"][1]
    for e in evs:
        assert e["sentence"] == text[e["start"]:e["end"]]
        if e["expression"]:
            assert text[e["expr_start"]:e["expr_end"]] == e["expression"]
            assert e["start"] <= e["expr_start"] < e["expr_end"] <= e["end"]
    # the header's 2024-07-31 is not an event (skipped line)
    assert all(e["expr_start"] is None or e["expr_start"] > 40 for e in evs)


def test_event_ids_stable_and_unique(parsed):
    a = _events(parsed, "003", D(2023, 11, 5), lead=(0, 20))
    b = _events(parsed, "003", D(2023, 11, 5), lead=(0, 20))
    assert [e["event_id"] for e in a] == [e["event_id"] for e in b]
    assert len({e["event_id"] for e in a}) == len(a)


def test_002_events(parsed):
    evs = _events(parsed, "002", D(2023, 11, 5))
    assert _key(evs) == [
        ("Sunday", D(2023, 11, 5), D(2023, 11, 5), "day"),                  # publication weekday itself
        ("Tuesday", D(2023, 10, 31), D(2023, 10, 31), "day"),
        ("a month ago", D(2023, 10, 1), D(2023, 10, 31), "month"),
    ]
    assert {e["date_source"] for e in evs} == {"relative"}                  # no lead given: no publication event


def test_003_caption_date_is_not_an_event(parsed):
    tx = parsed["003"][4]
    assert "June 21" not in [t["expression"] for t in tx]
    # undated: nothing can be placed (all its expressions are relative or year-less)
    assert _events(parsed, "003", None, lead=(0, 20)) == []


def test_003_events_with_similar_date(parsed):
    evs = _events(parsed, "003", D(2023, 11, 5))
    key = _key(evs)
    assert ("October 7", D(2023, 10, 7), D(2023, 10, 7), "day") in key
    assert ("last Saturday", D(2023, 11, 4), D(2023, 11, 4), "day") in key
    assert ("Last week", D(2023, 10, 23), D(2023, 10, 29), "week") in key
    assert ("the past days", D(2023, 10, 29), D(2023, 11, 5), "range") in key  # the week up to publication
    assert ("this week", D(2023, 10, 30), D(2023, 11, 5), "week") in key
    assert ("October", D(2023, 10, 1), D(2023, 10, 31), "month") in key
    assert not any(e["expression"] == "June 21" for e in evs)


def test_004_undated_has_no_events(parsed):
    tx = parsed["004"][4]
    exprs = [t["expression"] for t in tx]
    assert exprs.count("October 7") == 3 and "earlier this month" in exprs   # found …
    assert _events(parsed, "004", None, lead=(0, 50)) == []                  # … but not placed
    # once a date is known, the same timexes resolve (resolve is separate from find)
    key = _key(_events(parsed, "004", D(2023, 11, 15)))
    assert ("earlier this month", D(2023, 11, 1), D(2023, 11, 30), "month") in key
    assert key.count(("October 7", D(2023, 10, 7), D(2023, 10, 7), "day")) == 3


def test_001_weekdays_with_date(parsed):
    key = _key(_events(parsed, "001", D(2024, 7, 31)))
    assert ("Tuesday evening", D(2024, 7, 30), D(2024, 7, 30), "day") in key
    assert key.count(("Wednesday morning", D(2024, 7, 31), D(2024, 7, 31), "day")) == 2


def test_publication_from_text_samples(parsed):
    # none of the samples anchors a full date on a reporting verb in its body
    for prefix in ("000", "001", "002", "003", "004"):
        _, _, doc, skip, tx = parsed[prefix]
        assert publication_from_text(doc, tx, skip) is None, prefix


def _corpus(published: dict[str, date]) -> list[dict]:
    docs = []
    for prefix in ("000", "001", "002", "003", "004"):
        doc_id, text = _sample(prefix)
        docs.append({"doc_id": prefix, "text": text, "published": published.get(prefix),
                     "date_source": "header" if prefix in published else "none"})
    return docs


def test_similar_dates_samples():
    got = similar_dates(_corpus({"000": D(2024, 7, 31), "002": D(2023, 11, 5)}))
    # 003 repeats (in another translation) the Tasnim quote and state-TV statement of 002;
    # 001 repeats 000's account of the Security Council meeting; 004 shares no such passages.
    assert got == {"003": (D(2023, 11, 5), "002"), "001": (D(2024, 7, 31), "000")}


def test_similar_dates_nothing_dated():
    assert similar_dates(_corpus({})) == {}


def test_near_duplicates():
    docs = [(d["doc_id"], d["text"]) for d in _corpus({})]
    assert near_duplicates(docs) == {}
    _, text = _sample("002")
    copy = text.replace("Spread the love", "Share this").replace("a month ago", "four weeks ago")
    docs += [("copy", copy), ("other", re.sub(r"Khamenei", "Rouhani", text))]
    got = near_duplicates(docs)
    assert got["copy"] == "002"
    assert "other" not in got or got["other"] == "002"


def test_similar_dates_from_near_duplicate():
    _, text = _sample("004")
    docs = [{"doc_id": "a", "text": text, "published": None, "date_source": "none"},
            {"doc_id": "b", "text": text + "\nUpdated.", "published": D(2023, 11, 16), "date_source": "metadata"}]
    assert similar_dates(docs) == {"a": (D(2023, 11, 16), "b")}


WORDS = ["minister", "talks", "border", "treaty", "envoy", "summit", "rebels", "sanctions", "oil",
         "ceasefire", "troops", "parliament", "election", "budget"]
# a sentence is indexed from R.SIMILAR_MIN_SHARED (8) distinct content words: some are, some not
sentences = st.lists(st.sampled_from(WORDS), min_size=4, max_size=16).map(" ".join)
texts = st.lists(st.lists(sentences, max_size=4).map(". ".join), max_size=6)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_sentence_index_holds_each_sentence_and_its_postings(docs):
    """The flat sentence index equals a set per sentence and a list of sentences per word."""
    sets = [(i, ws) for i, t in enumerate(docs) for ws in sentence_sets(t)]
    owner, offsets, flat, vocab = _index_sentences(enumerate(docs))
    assert owner.tolist() == [i for i, _ in sets]
    by_id = {v: w for w, v in vocab.items()}
    assert sorted(vocab) == [by_id[k] for k in range(len(vocab))]      # ids in the words' order
    assert [{by_id[k] for k in flat[a:b].tolist()} for a, b in zip(offsets[:-1], offsets[1:])] == [ws for _, ws in sets]
    postings, ptr = _postings(flat, offsets, len(vocab))
    expected = {w: [n for n, (_, ws) in enumerate(sets) if w in ws] for w in vocab}
    assert {w: postings[ptr[k]:ptr[k + 1]].tolist() for w, k in vocab.items()} == expected


def _timex(seq: int, expression: str, start: int, spec: dict) -> dict:
    return {"seq": seq, "expression": expression, "expr_start": start, "expr_end": start + len(expression),
            "sent_start": 0, "sent_end": 20, "spec": json.dumps(spec)}


def test_events_table_per_document_in_stored_order():
    """steps.build_events takes each document's own time expressions, in stored order, whatever the
    order of the documents; a dated lead is a publication event; an undated article has no events."""
    import pandas as pd
    from pipeline.corpus import steps
    docs = pd.DataFrame([
        {"seq": 2, "doc_id": "b", "text": "He yesterday spoke. Later.", "published": date(2024, 7, 3),
         "lead_start": None, "lead_end": None},
        {"seq": 0, "doc_id": "a", "text": "Talks opened on 5 March 2024.", "published": date(2024, 3, 9),
         "lead_start": 0, "lead_end": 29},
        {"seq": 1, "doc_id": "c", "text": "Talks opened on 5 March 2024.", "published": None,
         "lead_start": 0, "lead_end": 29}])
    day = {"kind": "date", "year": 2024, "month": 3, "day": 5}
    timexes = pd.DataFrame([_timex(2, "yesterday", 3, {"kind": "dayword", "offset": -1}),
                            _timex(0, "5 March 2024", 16, day), _timex(1, "5 March 2024", 16, day),
                            _timex(2, "Later", 20, {"kind": "nonsense"})])
    ev = steps.build_events(docs, timexes)
    got = list(zip(ev.doc_id, ev.date_source, ev.date.astype(str), ev.expression.fillna("")))
    assert got == [("b", "relative", "2024-07-02", "yesterday"),
                   ("a", "publication", "2024-03-09", ""), ("a", "explicit", "2024-03-05", "5 March 2024"),
                   ("c", "explicit", "2024-03-05", "5 March 2024")]
    assert list(ev.columns) == steps.EVENT_COLS
    empty = steps.build_events(docs.iloc[:0], timexes.iloc[:0])
    assert list(empty.columns) == steps.EVENT_COLS and len(empty) == 0
