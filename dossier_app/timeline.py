"""The timeline's data: lanes of actors, marks per lane and date, the axis window, and week totals
when lanes are too busy to draw day by day. Pure pandas, no streamlit.

Rows are lean (event positions, datetime64 dates, categories, document positions); the text of
a statement is fetched only for the few examples a hover shows and for selected marks.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .corpus import Corpus
from .filters import Filters
from .charts import timeline_table
from .query import event_mask, memo_lru

ROW_COLUMNS = ["pos", "actor_id", "lane", "date", "date_end", "granularity", "date_source", "doc", "n_articles"]
MARK_KEYS = ["lane", "date", "date_end", "granularity", "date_source"]
MARK_COLUMNS = MARK_KEYS + ["n_events", "n_articles", "examples"]
SOURCES = ("explicit", "relative", "publication")
N_EXAMPLES = 3
DAYS_PER_POINT = 12    # lanes with a point every 12 days or more often are drawn as week totals
MIN_CROWDED = 20


def timeline_rows(c: Corpus, f: Filters, top_n: int = 12) -> pd.DataFrame:
    """One row per (event, actor lane): the actors picked in the sidebar, else the top N by events.

    Columns: ROW_COLUMNS. `pos` is the event's row in `c.events`, `doc` its document's row in
    `c.documents`, dates are datetime64; n_articles counts the articles reporting that actor on
    those dates.
    """
    ok = event_mask(c, f)
    ea = c.ev_actors
    x = ea[ok[ea.pos.to_numpy()]]
    if f.actors:
        lanes = list(f.actors)
    else:
        cand = x.actor_id
        if f.types:
            cand = cand[cand.map(c.types).isin(list(f.types))]
        lanes = list(cand.value_counts().head(top_n).index)
    x = x[x.actor_id.isin(lanes)]
    pos = x.pos.to_numpy()
    order = {a: i for i, a in enumerate(lanes)}
    rows = pd.DataFrame({"pos": pos, "actor_id": x.actor_id.cat.remove_unused_categories(),
                         "date": c.ev_d0[pos], "date_end": c.ev_d1[pos],
                         "granularity": c.ev_gran[pos], "date_source": c.ev_src[pos], "doc": c.ev_doc[pos]})
    rows["lane"] = rows.actor_id.map(c.names).astype(object)
    rows["n_articles"] = rows.groupby(["actor_id", "date", "date_end"], observed=True).doc.transform("nunique")
    rows["_o"] = rows.actor_id.map(order).astype(np.int64)
    rows = rows.sort_values(["_o", "date"], kind="stable").reset_index(drop=True)
    return rows[ROW_COLUMNS]


def _aggregate(c: Corpus, r: pd.DataFrame, keys: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """(marks, group of each row of `r`): one mark per distinct `keys`, counting events and
    articles, with up to N_EXAMPLES (sentence, title, outlet, expression), one per article."""
    g = r.groupby(keys, sort=False, observed=True).ngroup().to_numpy()
    r = r.assign(_g=g)
    by = r.groupby("_g", sort=True)
    marks = r.drop_duplicates("_g").set_index("_g")[keys].sort_index()
    marks["n_events"] = by.size()
    marks["n_articles"] = by.doc.nunique()
    ex = r.drop_duplicates(["_g", "doc"])
    ex = ex[ex.groupby("_g").cumcount() < N_EXAMPLES]
    ev, docs = c.events, c.documents
    p, dpos = ex.pos.to_numpy(), ex.doc.to_numpy()
    texts = [col.iloc[i].to_numpy(dtype=object) for col, i in
             ((ev.sentence, p), (docs.label, dpos), (docs.outlet, dpos), (ev.expression, p))]
    examples: dict[int, list] = {}
    for grp, t in zip(ex._g.to_numpy(), zip(*texts)):
        examples.setdefault(int(grp), []).append(t)
    marks["examples"] = [examples.get(int(i), []) for i in marks.index]
    for col in ("date", "date_end"):
        marks[col] = [t.date() for t in pd.to_datetime(marks[col])]
    for col in ("granularity", "date_source"):
        marks[col] = marks[col].astype(object)
    return marks.reset_index(drop=True), g


def timeline_marks(c: Corpus, rows: pd.DataFrame, periods: tuple[str, ...] = ("week", "month", "range"),
                   ) -> tuple[pd.DataFrame, np.ndarray]:
    """(marks, mark of each row or -1): one mark per lane, dates, granularity and date source.

    Events sharing a lane and the same dates collapse into one mark that counts them, so a
    thousand "this year"s are one bar and a busy day is one bigger point. Granularities not in
    `periods` (nor "day") are left out (-1).
    """
    mark = np.full(len(rows), -1, dtype=np.int64)
    keep = rows.granularity.isin(("day", *periods)).to_numpy() if len(rows) else np.zeros(0, dtype=bool)
    if not keep.any():
        return pd.DataFrame(columns=MARK_COLUMNS), mark
    marks, g = _aggregate(c, rows[keep], MARK_KEYS)
    mark[keep] = g
    return marks[MARK_COLUMNS], mark


def week_totals(c: Corpus, rows: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Day events summed per lane and week (Monday to Sunday), whatever their date source.

    Marks with granularity "week-total", date_source "mixed", date the Monday, date_end the
    Sunday, and n_explicit, n_relative, n_publication (events by how their date was found);
    and the mark of each row.
    """
    if rows.empty:
        return pd.DataFrame(columns=MARK_COLUMNS + [f"n_{s}" for s in SOURCES]), np.zeros(0, dtype=np.int64)
    d = pd.to_datetime(rows.date)
    monday = (d - pd.to_timedelta(d.dt.day_of_week, unit="D")).dt.normalize()
    src = rows.date_source.astype(object).to_numpy()
    r = rows.assign(date=monday.to_numpy(), date_end=(monday + pd.Timedelta(days=6)).to_numpy(),
                    granularity="week-total", date_source="mixed")
    marks, g = _aggregate(c, r, MARK_KEYS)
    for s in SOURCES:
        marks[f"n_{s}"] = np.bincount(g[src == s], minlength=len(marks))
    return marks, g


def crowded(marks: pd.DataFrame, view: tuple[date, date] | None, min_days: int = MIN_CROWDED) -> bool:
    """True when some lane has so many distinct days in `view` that its points would overlap.

    A chart about 700 px wide gives a day under 2 px over a year; points are 7 to 31 px. More
    than one day in `DAYS_PER_POINT` on average (and at least `min_days`) merges into a band.
    """
    days = marks[marks.granularity == "day"]
    if days.empty:
        return False
    if view:
        days = days[(days.date >= view[0]) & (days.date <= view[1])]
        span = max((view[1] - view[0]).days, 1)
    else:
        span = max((days.date.max() - days.date.min()).days, 1)
    busiest = int(days.groupby("lane").date.nunique().max()) if len(days) else 0
    return busiest > max(min_days, span / DAYS_PER_POINT)


def focus_range(rows: pd.DataFrame, low: float = 0.05, high: float = 0.98) -> tuple[date, date] | None:
    """The span most events fall in (5th to 98th percentile, padded): the chart's initial view.

    Outliers ("by the year 2000", a 1600 address) and the thin tail of background dates stay
    reachable with the range slider but do not squash the bulk into one column.
    """
    if rows.empty:
        return None
    lo = pd.to_datetime(rows.date).quantile(low)
    hi = pd.to_datetime(rows.date_end).quantile(high)
    if pd.isna(lo) or pd.isna(hi):
        return None
    hi = max(hi, lo)
    pad = max(pd.Timedelta(days=7), (hi - lo) * 0.05)
    return (lo - pad).date(), (hi + pad).date()


def axis_window(rows: pd.DataFrame, bounds: tuple[date | None, date | None] = (None, None),
                low: float = 0.01, high: float = 0.99) -> tuple[date, date] | None:
    """What the axis and its range slider span: the bulk of dates (1st to 99th percentile) and the
    publication months in `bounds`, padded. Marks wholly outside are not drawn (the page says
    how many), so one "1600" or "2080" cannot stretch the slider over five centuries.
    """
    if rows.empty:
        return None
    # nearest real dates, never a point interpolated between an outlier and the bulk
    lo = pd.to_datetime(rows.date).quantile(low, interpolation="higher")
    hi = pd.to_datetime(rows.date_end).quantile(high, interpolation="lower")
    if pd.isna(lo) or pd.isna(hi):
        return None
    if bounds[0] and bounds[1]:
        lo, hi = min(lo, pd.Timestamp(bounds[0])), max(hi, pd.Timestamp(bounds[1]))
    pad = max(pd.Timedelta(days=14), (hi - lo) * 0.03)
    return (lo - pad).date(), (hi + pad).date()


def inside(frame: pd.DataFrame, window: tuple[date, date] | None) -> np.ndarray:
    """Rows (marks: dates; rows: datetime64) that overlap `window` (all when there is none)."""
    if window is None or frame.empty:
        return np.ones(len(frame), dtype=bool)
    lo, hi = window
    if pd.api.types.is_datetime64_any_dtype(frame.date):
        lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    return ((frame.date_end >= lo) & (frame.date <= hi)).to_numpy(dtype=bool)


@dataclass
class Plot:
    """What the timeline page draws: marks (their index is the chart's customdata), the rows
    behind them (`mark`: the mark a row is drawn in, -1 for none), the initial view, the axis
    window, whether single days are drawn as week totals and how many statements fell outside."""
    rows: pd.DataFrame
    marks: pd.DataFrame
    view: tuple[date, date] | None = None
    window: tuple[date, date] | None = None
    dense: bool = False
    outside: int = 0
    table: pd.DataFrame | None = None       # the marks as chart data (`charts.timeline_table`)


def plot_data(c: Corpus, f: Filters, top_n: int = 12,
              periods: tuple[str, ...] = ("week", "month", "range")) -> Plot:
    """Rows, marks, view and window for the timeline; crowded lanes' days become week totals."""
    rows = timeline_rows(c, f, top_n)
    marks, mark = timeline_marks(c, rows, periods)
    if marks.empty:
        return Plot(rows.assign(mark=mark), marks.assign(type=pd.Series(dtype=object)))
    drawn = rows[mark >= 0]
    view = focus_range(drawn)
    window = axis_window(drawn, c.date_bounds())
    keep = inside(marks, window)
    outside = int(marks.n_events[~keep].sum())
    dense = crowded(marks[keep], view)
    base = keep & (marks.granularity != "day").to_numpy() if dense else keep
    new = np.full(len(marks), -1, dtype=np.int64)
    new[base] = np.arange(int(base.sum()))
    row_mark = np.where(mark >= 0, new[mark.clip(0)], -1)
    parts = [marks[base]]
    if dense:
        days = (mark >= 0) & keep[mark.clip(0)] & (rows.granularity == "day").to_numpy()
        totals, g = week_totals(c, rows[days])
        row_mark[days] = int(base.sum()) + g
        parts.append(totals)
    drawn_marks = pd.concat(parts, ignore_index=True)
    lane_type = dict(zip(rows.lane, rows.actor_id.astype(object).map(c.types)))
    drawn_marks["type"] = drawn_marks.lane.map(lane_type).astype(object)
    order = {lane: i for i, lane in enumerate(rows.lane.unique())}
    perm = np.argsort(drawn_marks.lane.map(order).to_numpy(), kind="stable")
    inverse = np.empty(len(perm), dtype=np.int64)
    inverse[perm] = np.arange(len(perm))
    row_mark = np.where(row_mark >= 0, inverse[row_mark.clip(0)], -1)
    return Plot(rows.assign(mark=row_mark), drawn_marks.iloc[perm].reset_index(drop=True),
                view, window, dense, outside)


def plot(c: Corpus, f: Filters, top_n: int = 12, periods: tuple[str, ...] = ("week", "month", "range")) -> Plot:
    """`plot_data`, kept per corpus for the last few filter settings (shared, read-only)."""
    def make() -> Plot:
        p = plot_data(c, f, top_n, periods)
        p.table = timeline_table(p.marks) if len(p.marks) else None
        return p
    return memo_lru(c, "timeline", (f, top_n, tuple(periods)), make)


def selected_statements(c: Corpus, plot: Plot, picked: list[int], limit: int = 50) -> tuple[pd.DataFrame, int]:
    """The statements behind the picked marks, one row per event (at most `limit`), and their count.

    Columns: event_id, date, sentence, title, doc_id, start, end."""
    pos = plot.rows.pos[plot.rows.mark.isin(picked)].drop_duplicates().to_numpy()
    ev = c.events.iloc[pos].sort_values(["date", "date_end", "event_id"], kind="stable").head(limit)
    out = ev[["event_id", "date", "date_end", "granularity", "sentence", "doc_id", "start", "end"]].assign(
        title=ev.doc_id.map(c.by_doc.label))
    return out.reset_index(drop=True), len(pos)


def when_label(d0, d1, granularity: str) -> str:
    """How precise a date is, in words: "2024-07-31", "week of 2024-07-29", "October 2023", "2023"."""
    if granularity == "month":
        return pd.Timestamp(d0).strftime("%B %Y")
    if granularity == "year":
        return str(pd.Timestamp(d0).year)
    if granularity == "week":
        return f"week of {d0}"
    if granularity == "range" and d1 is not None and not pd.isna(d1) and d1 != d0:
        return f"{d0} – {d1}"
    return str(d0)
