"""Charts as static images for the briefing pack: Plotly figures -> SVG through kaleido.

kaleido drives a Chromium it finds on the machine (Debian's `/usr/bin/chromium` here; never a
downloaded one). Without a working renderer the pack still builds: `svg` returns the reason
instead of the image, and the pack prints one line where the chart would be.
"""
from __future__ import annotations

import os
from pathlib import Path

import plotly.graph_objects as go

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")


def svg(fig: go.Figure, width: int = 1100, height: int | None = None) -> tuple[bytes | None, str | None]:
    """(SVG bytes, None), or (None, why the chart could not be drawn)."""
    if "BROWSER_PATH" not in os.environ and SYSTEM_CHROMIUM.exists():
        os.environ["BROWSER_PATH"] = str(SYSTEM_CHROMIUM)     # kaleido's way to name the browser
    try:
        import kaleido  # noqa: F401 - only to give a clear reason when it is missing
    except ImportError:
        return None, "no chart renderer: install kaleido (pinned in requirements.txt)"
    try:
        return fig.to_image(format="svg", width=width, height=height or fig.layout.height or 600), None
    except Exception as e:  # noqa: BLE001 - any renderer failure becomes a note, never a crash
        first = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
        return None, f"the chart renderer failed ({type(e).__name__}: {first})"
