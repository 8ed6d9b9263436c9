"""The pages' charts: plotly.js's basic bundle from static/, and what a selection may carry."""
import json
import re
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest

from dossier_app import plotchart
from helpers import ROOT


def test_the_served_bundle_matches_the_python_plotly_version():
    """static/plotly-basic.min.js must be the plotly.js the pinned `plotly` package bundles, so the
    figures' JSON means the same to both (upgrade both together; see static/README.md)."""
    head = (ROOT / "static" / "plotly-basic.min.js").read_text(encoding="utf-8")[:300]
    ours = re.search(r"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)", head)
    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    bundled = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", full.read_text(encoding="utf-8")[:300])
    assert ours and bundled and ours.group(1) == bundled.group(1)
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert re.search(r"^enableStaticServing = true", config, re.M)
    assert plotchart.SRC == "app/static/plotly-basic.min.js" and not plotchart.SRC.startswith("/")


def test_figure_data_is_plain_json():
    fig = go.Figure(go.Scatter(x=[1, 2], y=["a", "b"], customdata=[0, 1]))
    data = plotchart.figure_data(fig, {"displaylogo": False}, select=True)
    assert json.loads(json.dumps(data)) == data
    assert data["config"] == {"displaylogo": False, "responsive": True} and data["select"] is True
    assert data["figure"]["data"][0]["customdata"] == [0, 1]


@pytest.mark.parametrize("state, marks", [
    ([3, 1, 3], [3, 1]),                 # distinct, in the order picked
    ([], []), (None, []), ("3", []),     # nothing picked, or not a list
    ([2, -1, True, 1.5, "4", None], [2]),   # only non-negative integers: the rest is not ours
])
def test_picked_marks(state, marks):
    assert plotchart.picked_marks(state) == marks
