"""Queries behind the pages, on a tiny hand-made corpus with exact expected results."""
from datetime import date

import pandas as pd
import pytest

from dossier_app import query, timeline
from dossier_app.filters import Filters
from helpers import corpus

D = date


def test_date_bounds_are_the_publication_months():
    # events reach back to 1600 and into 2023-01: the filter offers the months articles appeared in
    assert corpus().date_bounds() == (D(2023, 11, 1), D(2024, 7, 31))


@pytest.mark.parametrize("f, expected", [
    (Filters(), ["d1", "d2", "d3"]),
    (Filters(start=D(2024, 1, 1)), ["d1"]),
    (Filters(end=D(2023, 12, 31)), ["d2"]),
    (Filters(actors=("i",)), ["d3"]),
])
def test_filter_documents(f, expected):
    assert sorted(query.filter_documents(corpus(), f).doc_id) == expected


@pytest.mark.parametrize("f, expected", [
    (Filters(), ["e1", "e2", "e3", "e4", "e5"]),
    (Filters(start=D(2023, 10, 15), end=D(2023, 10, 20)), ["e3", "e4"]),   # periods overlapping the range
    (Filters(actors=("h",)), ["e1", "e4"]),
])
def test_filter_events(f, expected):
    assert sorted(query.filter_events(corpus(), f).event_id) == expected


def test_timeline_marks_collapse_same_dates():
    c = corpus()
    rows = timeline.timeline_rows(c, Filters(), top_n=5)
    marks, mark = timeline.timeline_marks(c, rows)
    events = c.events.event_id.to_numpy()
    behind = {i: tuple(sorted(events[rows.pos[mark == i]])) for i in range(len(marks))}
    got = sorted((m.lane, str(m.date), m.granularity, m.n_events, m.n_articles, behind[m.Index])
                 for m in marks.itertuples())
    assert got == [("Ali Khamenei", "2023-10-01", "month", 1, 1, ("e3",)),
                   ("Ali Khamenei", "2024-07-31", "day", 2, 2, ("e1", "e2")),
                   ("Hamas", "2024-07-31", "day", 1, 1, ("e1",))]
    day = marks[marks.granularity == "day"].iloc[0]
    assert [e[0] for e in day.examples] == ["sentence e1", "sentence e2"]      # one example per article
    with_years, _ = timeline.timeline_marks(c, rows, ("week", "month", "range", "year"))
    assert len(with_years) == 5


def test_focus_range_ignores_outliers():
    rows = pd.DataFrame({"date": [D(1600, 1, 1)] + [D(2024, 7, d) for d in range(1, 31)] * 3,
                         "date_end": [D(1600, 12, 31)] + [D(2024, 7, d) for d in range(1, 31)] * 3})
    assert timeline.focus_range(rows) == (D(2024, 6, 25), D(2024, 8, 6))     # 7-day pad around the bulk


@pytest.mark.parametrize("kwargs, expected", [
    ({}, ["q2", "q1", "q3"]),
    ({"search": "harsh PUNISHMENT"}, ["q1"]),
    ({"search": "khamenei prepared"}, []),
    ({"kinds": ("indirect",)}, ["q3"]),
    ({"speakers": ("k",)}, ["q2", "q1"]),
    ({"about": ("i",)}, ["q3"]),
    ({"outlets": ("NYT",)}, ["q1"]),
])
def test_quote_table(kwargs, expected):
    assert list(query.quote_table(corpus(), Filters(), **kwargs).quote_id) == expected


def test_quote_filters_by_actor_spoken_or_mentioned():
    assert sorted(query.filter_quotes(corpus(), Filters(actors=("h",))).quote_id) == ["q1"]
    assert sorted(query.filter_quotes(corpus(), Filters(actors=("k",))).quote_id) == ["q1", "q2"]


def test_also_reported_earliest_first():
    got = query.also_reported(corpus(), "q1")
    assert list(got.quote_id) == ["q2", "q1"] and list(got.earliest) == [True, False]
    assert list(got.outlet) == ["WAI", "NYT"]


def test_actor_table_first_and_last():
    t = query.actor_table(corpus()).set_index("name")
    assert (t.loc["Ali Khamenei", "first"], t.loc["Ali Khamenei", "last"]) == (D(2023, 11, 5), D(2024, 7, 31))
    assert pd.isna(t.loc["Iran", "first"]) and t.loc["Iran", "aliases"] == "Tehran"


def test_doc_label_falls_back_to_file_name():
    assert list(query.doc_label(corpus().documents)) == ["A", "b.txt", "C"]


def test_also_reported_prefers_the_article_whose_date_is_its_own():
    c = corpus()
    docs = c.documents.copy()
    docs.loc[docs.doc_id == "d1", ["published", "date_source", "title"]] = [D(2023, 11, 5), "similar", "A"]
    docs.loc[docs.doc_id == "d2", "title"] = "B"
    c = query.Corpus(docs, c.actors, c.mentions, c.events, c.quotes, c.manifest)
    got = query.also_reported(c, "q1")
    assert list(got.article) == ["B", "A"]          # same day: the dateline-dated article first
