"""Timeline data at scale: week totals for crowded lanes, the axis window, selections."""
from datetime import date, timedelta

import pandas as pd

from dossier_app import query, timeline
from dossier_app.filters import Filters
from helpers import corpus

D = date


def busy_corpus(n_days: int, step: int = 1, extra_dates=()) -> query.Corpus:
    """One actor with one article and one day event per date (plus far outliers)."""
    days = [D(1987, 3, 2) + timedelta(days=step * i) for i in range(n_days)] + list(extra_dates)
    n = len(days)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "path": [f"in/{i}.txt" for i in range(n)],
                         "title": [f"T{i}" for i in range(n)], "outlet": "R",
                         "published": days[:n_days] + [None] * (n - n_days),
                         "date_source": "metadata", "n_words": 10, "duplicate_of": None})
    actors = pd.DataFrame({"actor_id": ["a"], "name": ["Acme"], "type": ["ORG"], "aliases": [[]],
                           "n_mentions": [n], "n_docs": [n]})
    mentions = pd.DataFrame({"doc_id": docs.doc_id, "actor_id": "a", "start": 0, "end": 1, "sent": 0})
    events = pd.DataFrame({"event_id": [f"e{i}" for i in range(n)], "doc_id": docs.doc_id, "date": days,
                           "date_end": days, "granularity": "day", "expression": None, "expr_start": None,
                           "expr_end": None,
                           "date_source": ["explicit", "publication"] * (n // 2) + ["explicit"] * (n % 2),
                           "sentence": [f"s{i}" for i in range(n)], "start": 0, "end": 1, "actor_ids": [["a"]] * n})
    quotes = pd.DataFrame({"quote_id": [], "doc_id": [], "text": [], "kind": [], "start": [], "end": [],
                           "speaker": [], "speaker_id": [], "about_ids": []})
    return query.Corpus(docs, actors, mentions, events, quotes, {})


def test_sparse_lanes_keep_their_days():
    plot = timeline.plot_data(busy_corpus(8, step=30), Filters())
    assert not plot.dense and set(plot.marks.granularity) == {"day"} and len(plot.marks) == 8


def test_crowded_lanes_become_week_totals():
    plot = timeline.plot_data(busy_corpus(70), Filters())       # a point a day for ten weeks
    assert plot.dense and set(plot.marks.granularity) == {"week-total"} and len(plot.marks) == 10
    first = plot.marks.iloc[0]
    assert (first.date, first.date_end) == (D(1987, 3, 2), D(1987, 3, 8))        # Monday to Sunday
    assert (first.n_events, first.n_articles, first.n_explicit, first.n_publication) == (7, 7, 4, 3)
    assert len(first.examples) == timeline.N_EXAMPLES
    sel, total = timeline.selected_statements(busy_corpus(70), plot, [0])
    assert total == 7 and list(sel.event_id) == [f"e{i}" for i in range(7)]


def test_far_outliers_stay_off_the_axis():
    c = busy_corpus(70, extra_dates=[D(1600, 1, 1), D(2080, 1, 1)])
    plot = timeline.plot_data(c, Filters())
    lo, hi = plot.window
    assert D(1987, 1, 1) < lo < D(1987, 3, 2) and D(1987, 5, 10) < hi < D(1987, 8, 1)
    assert plot.outside == 2 and (plot.rows.mark == -1).sum() == 2


def test_selection_on_the_small_corpus():
    c = corpus()
    plot = timeline.plot_data(c, Filters(), top_n=5)
    assert not plot.dense and plot.outside == 0
    i = int(plot.marks.index[(plot.marks.lane == "Ali Khamenei") & (plot.marks.granularity == "day")][0])
    sel, total = timeline.selected_statements(c, plot, [i])
    assert sorted(sel.event_id) == ["e1", "e2"] and total == 2 and set(sel.title) == {"A", "b.txt"}


def test_timeline_colours_are_the_actor_type_palette():
    """One palette per actor type on every page: a lane's marks take its actor's type colour, the
    date source is the marker's shape, and the legend names types, never date sources, by colour."""
    from dossier_app import charts, palette
    c = corpus()
    plot = timeline.plot_data(c, Filters(), top_n=5)
    table = charts.timeline_table(plot.marks)
    fig = charts.timeline_figure(table, list(dict.fromkeys(plot.marks.lane)), "t", "s", "src")
    types = dict(zip(c.actors.name, c.actors.type))
    drawn = [(lane, colour) for tr in fig.data if tr.y is not None and tr.y[0] is not None
             for lane, colour in zip(tr.y, tr.marker.color)]
    assert drawn and all(colour == palette.type_color(types[lane]) for lane, colour in drawn)
    assert palette.type_color("PERSON") != palette.type_color("GPE")
    assert {("Person", palette.TYPE_COLORS["PERSON"])} <= {(t.name, t.marker.color) for t in fig.data if t.showlegend}
    shapes = {t.marker.symbol for t in fig.data if t.type == "scatter" and t.y[0] is not None}
    assert shapes <= set(charts.SOURCE_SYMBOLS.values()) and shapes
    # colours that mean something else never reuse a type colour
    others = {palette.NEUTRAL, palette.QUOTE_EDGE_COLOR, palette.COOC_EDGE_COLOR, palette.TIME_BG,
              *palette.COMMUNITY_COLORS}
    assert not others & set(palette.TYPE_COLORS.values())
