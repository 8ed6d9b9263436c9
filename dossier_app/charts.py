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
SOURCE_LABELS = {"explicit": "Explicit date in text", "relative": "Relative date (resolved)",
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


def _hover(r) -> str:
    how = {"explicit": f"explicit date: “{esc(r.expression)}”",
           "relative": f"relative: “{esc(r.expression)}”, resolved from the publication date",
           "publication": "publication date of the article"}.get(r.date_source, esc(r.date_source))
    when = f"{r.date}" if r.date == r.date_end else f"{r.date} – {r.date_end}"
    return (f"<b>{esc(r.lane)}</b> · {when} ({esc(r.granularity)})<br>"
            f"{esc(r.sentence, 90)}<br>"
            f"<i>{esc(r.title, 90)}</i> — {esc(r.outlet or 'unknown outlet')}<br>"
            f"<span style='color:{MUTED}'>Date: {how}</span>")


def timeline_figure(rows: pd.DataFrame, title: str, subtitle: str, source: str) -> go.Figure:
    """Lanes of actors over time: day events as points sized by articles, periods as bars."""
    fig = go.Figure()
    lanes = list(dict.fromkeys(rows.lane)) if len(rows) else []
    for src, colour in SOURCE_COLOURS.items():
        sub = rows[rows.date_source == src]
        if sub.empty:
            continue
        days = sub[sub.granularity == "day"]
        spans = sub[sub.granularity != "day"]
        if len(spans):
            starts = pd.to_datetime(spans.date)
            ends = pd.to_datetime(spans.date_end) + timedelta(days=1)
            fig.add_trace(go.Bar(
                base=starts.dt.strftime("%Y-%m-%d"), x=(ends - starts).dt.total_seconds() * 1000,
                y=spans.lane, orientation="h", marker={"color": colour, "opacity": 0.45,
                                                     "line": {"color": colour, "width": 1}},
                width=0.5, name=f"{SOURCE_LABELS[src]} (period)", legendgroup=src,
                hovertext=[_hover(r) for r in spans.itertuples()], hoverinfo="text",
                customdata=spans[["event_id", "doc_id"]].to_numpy(),
            ))
        if len(days):
            fig.add_trace(go.Scatter(
                x=pd.to_datetime(days.date), y=days.lane, mode="markers", name=SOURCE_LABELS[src],
                legendgroup=src,
                marker={"color": colour, "size": 9 + 5 * days.n_articles.clip(upper=6), "opacity": 0.85,
                        "line": {"color": "white", "width": 1}},
                hovertext=[_hover(r) for r in days.itertuples()], hoverinfo="text",
                customdata=days[["event_id", "doc_id"]].to_numpy(),
            ))
    height = max(380, 140 + 48 * len(lanes))
    brand(fig, title, subtitle, source, height)
    fig.update_layout(barmode="overlay", clickmode="event+select", dragmode="select")
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eef1f4", rangeslider={"visible": True, "thickness": 0.06})
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], showgrid=True, gridcolor="#f3f5f7",
                     title=None, automargin=True)
    return fig


def coverage_figure(cov: pd.DataFrame, source: str) -> go.Figure:
    """Articles per month of publication."""
    fig = go.Figure(go.Bar(x=cov.month, y=cov.articles, marker_color="#0072B2",
                           hovertemplate="%{x|%B %Y}: %{y} articles<extra></extra>"))
    brand(fig, "Articles by month of publication", "Dated articles only", source, 320)
    fig.update_xaxes(type="date", dtick="M1", tickformat="%b %Y")
    fig.update_yaxes(title="articles", gridcolor="#eef1f4", rangemode="tozero")
    fig.update_layout(showlegend=False)
    return fig
