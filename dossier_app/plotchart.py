"""Plotly figures on the pages, drawn by plotly.js's basic bundle instead of `st.plotly_chart`.

`st.plotly_chart` ships the full plotly.js (4.7 MB), which takes about 2 s to start in every new
browser tab on a 2-core machine: the largest part of the Overview's and Timeline's time to ready.
Our figures use only scatter and bar traces, which the basic bundle (1.2 MB, `static/`, served by
`server.enableStaticServing`) draws the same, in about 0.5 s. The figure goes to a Streamlit
component (components v2, in the page itself, no iframe) as JSON; its text was escaped by
`charts.esc` when the figure was built. With `select`, a click (or the box tool) reports the
picked marks' customdata, and a double click clears them.
"""
from __future__ import annotations

import json
from importlib.resources import files

import plotly.graph_objects as go
import streamlit as st

SRC = "app/static/plotly-basic.min.js"      # relative: also right under server.baseUrlPath
_JS = files("dossier_app").joinpath("assets", "plotchart.js").read_text(encoding="utf-8")
# in the page's own DOM, not a shadow root: plotly.js styles its layers from the page's <head>
_chart = st.components.v2.component("dossier_plot", js=_JS, isolate_styles=False)


def figure_data(fig: go.Figure, config: dict, select: bool = False) -> dict:
    """What the component draws: the figure as plain JSON, the modebar config, the bundle's URL."""
    figure = json.loads(fig.to_json())
    figure["layout"].setdefault("uirevision", "keep")     # zoom and selection survive the page's reruns
    return {"figure": figure, "config": {**config, "responsive": True},
            "select": select, "src": SRC}


MAX_PICKED = 10_000      # a selection from the browser is untrusted: bounded before it is read


def picked_marks(state) -> list[int]:
    """The marks a selection holds: distinct non-negative integers, in order (anything else is dropped)."""
    values = state[:MAX_PICKED] if isinstance(state, (list, tuple)) else []
    return list(dict.fromkeys(v for v in values if isinstance(v, int) and not isinstance(v, bool) and v >= 0))


def plotly_chart(fig: go.Figure, key: str, config: dict, select: bool = False) -> list[int]:
    """Draw `fig`; with `select`, the customdata of the marks the user picked (else [])."""
    height = int(fig.layout.height or 450)
    result = _chart(key=key, data=figure_data(fig, config, select), height=height,
                    default={"selection": []}, on_selection_change=lambda: None)
    return picked_marks(getattr(result, "selection", None)) if select else []
