"""Plotly figures, briefing-grade: title, subtitle with the filters, legend, source note, 2x PNG.

Every piece of corpus text that goes into a figure passes through `esc` (plotly renders a subset
of HTML in titles and hovers).
"""
from __future__ import annotations

import html
import textwrap
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

FONT = "Inter, 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#616e7c"
# Okabe-Ito, colour-blind safe
SOURCE_COLOURS = {"explicit": "#0072B2", "relative": "#E69F00", "publication": "#8c96a0"}
SOURCE_LABELS = {"explicit": "Full date in text", "relative": "Relative or year-less date",
                 "publication": "Publication date only"}


def esc(value, width: int | None = None) -> str:
    """Escape text for plotly's HTML subset, optionally wrapped to `width` with <br>."""
    s = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if width:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(s, width) or [""])
    return html.escape(s)


def plot_config(filename: str) -> dict:
    """Modebar with a 2x PNG export named after the chart."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
            "modeBarButtonsToRemove": ["lasso2d"]}


def brand(fig: go.Figure, title: str, subtitle: str, source: str, height: int) -> go.Figure:
    """Title, subtitle and source note inside the figure, so a PNG stands on its own."""
    fig.update_layout(
        title={"text": f"<b>{esc(title)}</b><br><span style='font-size:13px;color:{MUTED}'>{esc(subtitle)}</span>",
               "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor="white", plot_bgcolor="white", height=height,
        margin={"l": 10, "r": 20, "t": 90, "b": 110},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0,
                "font": {"size": 12}},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
    )
    # pinned to the bottom edge of the figure, below axes and range slider
    fig.add_annotation(text=esc(source), xref="paper", yref="paper", x=0, y=0, yanchor="top",
                       xanchor="left", showarrow=False, font={"size": 11, "color": MUTED},
                       yshift=-(110 - 24))
    return fig


HOW = {"explicit": "explicit date in the text", "relative": "relative or year-less date, resolved from the publication date",
       "publication": "publication date of the article"}
PERIOD_OPACITY = {"week": 0.55, "month": 0.45, "range": 0.45, "year": 0.22}


def _hover(m) -> str:
    """Hover of one mark: what, when, how the date was found, and up to three examples."""
    when = f"{m.date}" if m.date == m.date_end else f"{m.date} – {m.date_end}"
    head = (f"<b>{esc(m.lane)}</b> · {when} ({esc(m.granularity)})<br>"
            f"{m.n_events} statement{'s' if m.n_events != 1 else ''} in {m.n_articles} "
            f"article{'s' if m.n_articles != 1 else ''}<br>")
    lines = []
    for sentence, title, outlet, expression in m.examples:
        expr = f" · “{esc(expression)}”" if isinstance(expression, str) and expression else ""
        lines.append(f"{esc(sentence, 90)}<br><i>{esc(title, 90)}</i> — {esc(outlet or 'unknown outlet')}{expr}")
    more = m.n_articles - len(m.examples)
    tail = f"<br>… and {more} more article{'s' if more != 1 else ''}" if more > 0 else ""
    return head + "<br>".join(lines) + tail + f"<br><span style='color:{MUTED}'>Date: {HOW.get(m.date_source, '')}</span>"


def timeline_figure(marks: pd.DataFrame, title: str, subtitle: str, source: str,
                    x_range: tuple | None = None) -> go.Figure:
    """Lanes of actors over time: days as points sized by articles, periods as thin bars.

    `marks` comes from `query.timeline_marks`; customdata carries each mark's row position, so a
    selection maps back to its events. `x_range` is the initial view (the range slider shows all).
    """
    fig = go.Figure()
    lanes = list(dict.fromkeys(marks.lane)) if len(marks) else []
    for src, colour in SOURCE_COLOURS.items():
        sub = marks[marks.date_source == src]
        spans = sub[sub.granularity != "day"]
        days = sub[sub.granularity == "day"]
        if len(spans):
            starts = pd.to_datetime(spans.date)
            ends = pd.to_datetime(spans.date_end) + timedelta(days=1)
            fig.add_trace(go.Bar(
                base=starts.dt.strftime("%Y-%m-%d"), x=(ends - starts).dt.total_seconds() * 1000,
                y=spans.lane, orientation="h", width=0.2, offset=0.12,
                marker={"color": colour, "opacity": [PERIOD_OPACITY.get(g, 0.4) for g in spans.granularity],
                        "line": {"width": 0}},
                name=f"{SOURCE_LABELS[src]} (week, month or range)", legendgroup=src,
                hovertext=[_hover(m) for m in spans.itertuples()], hoverinfo="text",
                customdata=spans.index.to_numpy(),
            ))
        if len(days):
            fig.add_trace(go.Scatter(
                x=pd.to_datetime(days.date), y=days.lane, mode="markers", name=f"{SOURCE_LABELS[src]} (day)",
                legendgroup=src,
                marker={"color": colour, "size": (7 + 4 * days.n_articles.clip(upper=36) ** 0.5).tolist(),
                        "opacity": 0.85, "line": {"color": "white", "width": 1}},
                hovertext=[_hover(m) for m in days.itertuples()], hoverinfo="text",
                customdata=days.index.to_numpy(),
            ))
    height = max(380, 150 + 46 * len(lanes))
    brand(fig, title, subtitle, source, height)
    fig.update_layout(barmode="overlay", clickmode="event+select", dragmode="select")
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eef1f4",
                     rangeslider={"visible": True, "thickness": 0.06})
    if x_range:
        fig.update_xaxes(range=[str(x_range[0]), str(x_range[1])])
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], showgrid=True, gridcolor="#f3f5f7",
                     title=None, automargin=True)
    return fig


def coverage_figure(cov: pd.DataFrame, source: str) -> go.Figure:
    """Articles per month of publication."""
    month_ms = 26 * 24 * 3600 * 1000        # a bar a month wide, however few months there are
    fig = go.Figure(go.Bar(x=cov.month, y=cov.articles, marker_color="#0072B2", width=[month_ms] * len(cov),
                           xperiod="M1", xperiodalignment="start",
                           hovertemplate="%{x|%B %Y}: %{y} articles<extra></extra>"))
    brand(fig, "Articles by month of publication", "Dated articles only", source, 320)
    fig.update_xaxes(type="date", dtick="M1", tickformat="%b %Y")
    top = int(cov.articles.max()) if len(cov) else 1
    fig.update_yaxes(title="articles", gridcolor="#eef1f4", rangemode="tozero", tickformat=",d",
                     dtick=max(1, -(-top // 5)))
    fig.update_layout(showlegend=False)
    return fig
