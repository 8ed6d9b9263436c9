"""Plotly figures, briefing-grade: title, subtitle with the filters, legend, source note, 2x PNG.

Every piece of corpus text that goes into a figure passes through `esc` (plotly renders a subset
of HTML in titles and hovers). The timeline's marks come from `dossier_app.timeline`; dense lanes
are drawn as week totals (a heat strip) instead of thousands of overlapping points.
"""
from __future__ import annotations

import html
import textwrap
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from .palette import NEUTRAL, type_color, type_label

FONT = "Inter, 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#616e7c"
# colour is the actor type (the app's one palette); the marker's shape says how the date was found
SOURCE_SYMBOLS = {"explicit": "circle", "relative": "circle-open", "publication": "diamond"}
SOURCE_LABELS = {"explicit": "Full date in text", "relative": "Relative or year-less date",
                 "publication": "Publication date only"}
HOW = {"explicit": "explicit date in the text",
       "relative": "relative or year-less date, resolved from the publication date",
       "publication": "publication date of the article"}
PERIOD_OPACITY = {"week": 0.6, "month": 0.5, "range": 0.5, "year": 0.25}
HEAT_RANGE = ["#dadaeb", "#9e9ac8", "#6a51a3", "#3f007d"]    # ColorBrewer Purples: apart from the sources
LANE_PX = 46
HEAT_SCALE = [[0, HEAT_RANGE[0]], [0.33, HEAT_RANGE[1]], [0.66, HEAT_RANGE[2]], [1, HEAT_RANGE[3]]]
MARGIN_B = 80             # room below the plot for the source note


def clip(value, limit: int = 160) -> str:
    """Plain text of a value, whitespace folded, cut to `limit` characters (escape it before HTML)."""
    missing = value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value))   # None, NaN, NA
    s = "" if missing else " ".join(str(value).split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def esc(value, width: int | None = None) -> str:
    """Escape text for plotly's HTML subset, optionally wrapped to `width` with <br>."""
    s = clip(value, 10_000)
    if width:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(s, width) or [""])
    return html.escape(s)


def plot_config(filename: str) -> dict:
    """Modebar with a 2x PNG export named after the chart."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
            # no "Share chart..." (plotly.js 4 offers to send the figure to a chart service)
            "modeBarButtonsToRemove": ["lasso2d", "autoScale2d", "sendChartToCloud"]}


def brand(fig: go.Figure, title: str, subtitle: str, source: str, height: int, top: int = 140) -> go.Figure:
    """Title, subtitle and source note inside the figure, so a PNG stands on its own (`top`: the
    room above the plot for them and a legend)."""
    fig.update_layout(
        title={"text": f"<b>{esc(title)}</b><br><span style='font-size:13px;color:{MUTED}'>{esc(subtitle)}</span>",
               "x": 0.01, "xanchor": "left", "xref": "container", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 22}},
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor="white", plot_bgcolor="white", height=height,
        margin={"l": 10, "r": 20, "t": top, "b": MARGIN_B},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "xanchor": "left", "x": 0.0,
                "font": {"size": 12}},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
    )
    # right-aligned to the plot and wrapped: long lane labels push the plot right, never the note off
    fig.add_annotation(text=esc(source, 70), xref="paper", yref="paper", x=1, y=0, yanchor="top",
                       xanchor="right", align="right", showarrow=False, font={"size": 11, "color": MUTED},
                       yshift=-(MARGIN_B - 30))
    return fig


def _when(d0: date, d1: date) -> str:
    return f"{d0}" if d0 == d1 else f"{d0} – {d1}"


def timeline_table(marks: pd.DataFrame) -> pd.DataFrame:
    """The marks as plain chart data: positions, sizes, colours and tooltip text (no HTML)."""
    rows = []
    for i, m in zip(marks.index, marks.itertuples()):
        week = m.granularity == "week-total"
        what = "single days in this week" if week else str(m.granularity)
        if week:
            how = (f"{int(m.n_explicit)} full dates, {int(m.n_relative)} relative, "
                   f"{int(m.n_publication)} publication date only")
        else:
            how = HOW.get(m.date_source, "")
        ex = list(m.examples) + [None] * 3
        rows.append({
            "mark": int(i), "lane": m.lane, "color": type_color(getattr(m, "type", None)),
            "type_label": type_label(getattr(m, "type", None)),
            "start": pd.Timestamp(m.date), "end": pd.Timestamp(m.date_end) + timedelta(days=1),
            "kind": "week" if week else "day" if m.granularity == "day" else "period",
            "source": SOURCE_LABELS.get(m.date_source, "Mixed"), "opacity": PERIOD_OPACITY.get(m.granularity, 0.5),
            "articles": int(m.n_articles), "week_articles": int(m.n_articles) if week else None,
            "hover": _hover(f"{clip(m.lane, 80)} ({type_label(getattr(m, 'type', None)).lower()})", f"{_when(m.date, m.date_end)} ({what})", m.n_events, m.n_articles,
                            [e for e in ex[:3] if e], how),
        })
    return pd.DataFrame(rows)


def _hover(lane, when: str, n_events: int, n_articles: int, examples: list, how: str) -> str:
    """Hover of one mark: who, when, how many, up to three examples, how the date was found."""
    head = (f"<b>{esc(clip(lane, 120))}</b> · {esc(when)}<br>{n_events} statement{'s' if n_events != 1 else ''} "
            f"in {n_articles} article{'s' if n_articles != 1 else ''}")
    lines = [f"{esc(clip(e[0], 200), 90)}<br><i>{esc(clip(e[1], 90))}</i> — {esc(clip(e[2], 60) or 'unknown outlet')}"
             for e in examples]
    return "<br>".join([head, *lines, f"<span style='color:{MUTED}'>Date: {esc(how)}</span>"])


def timeline_figure(data: pd.DataFrame, lanes: list[str], title: str, subtitle: str, source: str,
                    view: tuple | None = None) -> go.Figure:
    """Lanes of actors over time from `timeline_table` rows.

    Days are points sized by articles and periods thin bars, both coloured by the lane's actor type
    (the app's one palette; a point's shape says how its date was found), and
    week totals (a heat strip, darker = more articles) when days are too many to draw one by one.
    customdata carries each row's `mark`, so a selection maps back to its statements; the x axis
    opens on `view` (the page's time-span slider), without a range-slider strip.
    """
    fig = go.Figure()
    height = max(400, 190 + LANE_PX * len(lanes))
    # lane names are corpus text and plotly draws tick labels through its HTML subset (<a href>,
    # <span style>): escaped here, shown as written (plotly turns &lt; back into "<")
    data = data.assign(lane=data.lane.map(esc)) if len(data) else data
    lanes = [esc(lane) for lane in lanes]
    weeks = data[data.kind == "week"] if len(data) else data
    if len(weeks):
        top = max(int(weeks.articles.quantile(0.95)), 1)
        fig.add_trace(go.Bar(
            base=weeks.start.dt.strftime("%Y-%m-%d"), x=(weeks.end - weeks.start).dt.total_seconds() * 1000,
            y=weeks.lane, orientation="h", width=0.5, offset=-0.3, name="Single days, summed per week",
            marker={"color": weeks.articles.clip(upper=top), "colorscale": HEAT_SCALE, "cmin": 0, "cmax": top,
                    "line": {"color": "white", "width": 0.5},
                    # upright, right of the plot: never over the legend or the title
                    "colorbar": {"title": {"text": "Articles<br>per week", "side": "top"}, "orientation": "v",
                                 # in pixels: with one or two lanes a fraction of the plot is too short to read
                                 "lenmode": "pixels", "len": min(220, height - 140 - MARGIN_B), "thickness": 10, "x": 1.01, "xanchor": "left", "y": 0.5,
                                 "yanchor": "middle", "tickfont": {"size": 11}}},
            hovertext=weeks.hover, hoverinfo="text", customdata=weeks["mark"].to_numpy()))
    spans = data[data.kind == "period"] if len(data) else data
    if len(spans):
        fig.add_trace(go.Bar(
            base=spans.start.dt.strftime("%Y-%m-%d"), x=(spans.end - spans.start).dt.total_seconds() * 1000,
            y=spans.lane, orientation="h", width=0.16, offset=0.22, showlegend=False,
            marker={"color": spans.color.tolist(), "opacity": spans.opacity.tolist(), "line": {"width": 0}},
            hovertext=spans.hover, hoverinfo="text", customdata=spans["mark"].to_numpy()))
    for src, symbol in SOURCE_SYMBOLS.items():
        days = data[(data.kind == "day") & (data.source == SOURCE_LABELS[src])] if len(data) else data
        if len(days):
            fig.add_trace(go.Scatter(
                x=days.start, y=days.lane, mode="markers", showlegend=False,
                marker={"color": days.color.tolist(), "symbol": symbol,
                        "size": (7 + 4 * days.articles.clip(upper=36) ** 0.5).tolist(),
                        "opacity": 0.6 if src == "publication" else 0.85,
                        "line": {"color": days.color.tolist() if symbol.endswith("open") else "white",
                                 "width": 2 if symbol.endswith("open") else 1}},
                hovertext=days.hover, hoverinfo="text", customdata=days["mark"].to_numpy()))
    _legend(fig, data)
    brand(fig, title, subtitle, source, height)
    # a drag zooms the time axis and a click selects one mark; with dragmode "select" plotly turns a
    # click into an empty box selection first, so single marks could not be picked (defect 3)
    fig.update_layout(barmode="overlay", clickmode="event+select", dragmode="zoom",
                      legend={"itemclick": False, "itemdoubleclick": False})
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eef1f4")
    if view:
        fig.update_xaxes(range=[str(view[0]), str(pd.Timestamp(view[1]) + timedelta(days=1))])
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], showgrid=True, gridcolor="#f3f5f7",
                     title=None, automargin=True, fixedrange=True)
    return fig


def _legend(fig: go.Figure, data: pd.DataFrame) -> None:
    """Legend-only entries: a colour per actor type drawn, a shape per date source drawn, and the
    bars (traces carry many colours, so their own legend entries would show one arbitrary colour)."""
    def entry(name: str, marker: dict, mode: str = "markers", line: dict | None = None) -> None:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode=mode, name=name, marker=marker, line=line,
                                 hoverinfo="skip", showlegend=True))
    if not len(data):
        return
    drawn = data[data.kind != "week"]           # week totals are drawn in the heat scale, not type colours
    for label, color in dict.fromkeys(zip(drawn.type_label, drawn.color)):
        entry(label, {"color": color, "symbol": "square", "size": 11})
    days = data[data.kind == "day"]
    for src, symbol in SOURCE_SYMBOLS.items():
        if (days.source == SOURCE_LABELS[src]).any():
            entry(SOURCE_LABELS[src], {"color": NEUTRAL, "symbol": symbol, "size": 10,
                                       "line": {"color": NEUTRAL, "width": 2 if symbol.endswith("open") else 0}})
    if (data.kind == "period").any():
        entry("Week, month or range", {}, mode="lines", line={"color": NEUTRAL, "width": 4})


def coverage_figure(cov: pd.DataFrame, source: str) -> go.Figure:
    """Articles per month of publication, a bar a month wide."""
    month_ms = 26 * 24 * 3600 * 1000
    fig = go.Figure(go.Bar(x=cov.month, y=cov.articles, marker_color=NEUTRAL, width=[month_ms] * len(cov),
                           xperiod="M1", xperiodalignment="start",
                           hovertemplate="%{x|%B %Y}: %{y:,d} articles<extra></extra>"))
    brand(fig, "Articles by month of publication", "Dated articles only", source, 380, top=90)   # no legend
    months = len(pd.period_range(cov.month.min(), cov.month.max(), freq="M")) if len(cov) else 1
    step = next(s for s in (1, 3, 6, 12, 24, 60) if months / s <= 8)     # at most ~8 labels: no overlap
    fig.update_xaxes(type="date", dtick=f"M{step}", tickformat="%b %Y" if step < 12 else "%Y", tickangle=0)
    top = int(cov.articles.max()) if len(cov) else 1
    # whole articles: steps of 1 for small counts, else plotly's round steps (2,000, not 1,956)
    fig.update_yaxes(title="articles", gridcolor="#eef1f4", rangemode="tozero", tickformat=",d", automargin=True,
                     dtick=1 if top <= 5 else None, nticks=6)
    fig.update_layout(showlegend=False)
    return fig
