"""Benchmark: what a page costs before it shows any corpus. Ready times of tiny Streamlit apps in
headless Chromium against an empty page (`st.title` only), in one run:

- `plotly_chart`: one three-point `st.plotly_chart` (Streamlit's full plotly.js bundle);
- `plotchart`: the same figure drawn by `dossier_app.plotchart` (plotly.js basic, from static/);
- `sidebar`: the app's sidebar widgets (two multiselects, a date range, two buttons) and a slider;
- `dataframe`: one three-row `st.dataframe`;
- `sidebar+plotchart`, `sidebar+plotchart+dataframe`: those together, the least a chart page of
  the app (filters, a chart, a table) shows.

These are the floors under the app's pages (bench/app_scale.py): no page with the sidebar filters
can be quicker than `sidebar`, no chart page than `sidebar+plotchart`.

usage: python bench/page_floor.py [--repeats 5]
Skips (exit 0) when Chromium or shoot.py is missing.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.app_scale import CHROMIUM, ROOT, SHOOT, load_shoot

APPS = {
    "empty": "import streamlit as st\nst.title('Empty')\n",
    "plotly_chart": ("import streamlit as st, plotly.graph_objects as go\nst.title('Chart')\n"
                     "st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))\n"),
    "plotchart": ("import streamlit as st, plotly.graph_objects as go\nfrom dossier_app import plotchart\n"
                  "st.title('Chart')\nplotchart.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), 'c', {})\n"),
    "sidebar": ("import streamlit as st\nst.title('Sidebar')\nwith st.sidebar:\n"
                "    st.multiselect('Actors', [f'a{i}' for i in range(300)])\n"
                "    st.date_input('Dates', value=None)\n    st.multiselect('Types', ['PERSON', 'ORG'])\n"
                "    st.button('Reset filters')\n    st.download_button('Briefing pack', data=b'x')\n"
                "st.slider('Actors shown', 3, 40, 12)\n"),
    "dataframe": ("import streamlit as st, pandas as pd\nst.title('Table')\n"
                  "st.dataframe(pd.DataFrame({'name': ['a', 'b', 'c'], 'n': [1, 2, 3]}), hide_index=True)\n"),
}
_BODY = {name: code.split("\n", 2)[2] for name, code in APPS.items()}      # after the import and title lines
_HEAD = ("import streamlit as st, pandas as pd, plotly.graph_objects as go\nfrom dossier_app import plotchart\n"
         "st.title('Page')\n")
APPS["sidebar+plotchart"] = _HEAD + _BODY["sidebar"] + _BODY["plotchart"]
APPS["sidebar+plotchart+dataframe"] = APPS["sidebar+plotchart"] + _BODY["dataframe"]
CHART_READY = ('.dossier-plot[data-chart-ready="1"]',)
WAIT = {"plotly_chart": (".main-svg",), "plotchart": CHART_READY, "sidebar+plotchart": CHART_READY,
        "sidebar+plotchart+dataframe": CHART_READY}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    if not SHOOT.is_file() or not CHROMIUM.exists():
        print(f"skip: needs {SHOOT} and {CHROMIUM}")
        return 0
    from playwright.sync_api import sync_playwright
    sh = load_shoot()
    work = Path(tempfile.mkdtemp(prefix="dossier-floor-"))
    for name, code in APPS.items():
        (work / f"{name}.py").write_text(code)
    (work / "static").symlink_to(ROOT / "static")             # plotchart's bundle, served as in the app
    (work / ".streamlit").symlink_to(ROOT / ".streamlit")
    servers = {n: sh.start_server(work, f"{n}.py", work / f"{n}.log") for n in APPS}
    times: dict[str, list[float]] = {n: [] for n in APPS}
    try:
        with sync_playwright() as pw:
            ctx = sh.launch_browser(pw, 1400, 900, str(work / "profile"))
            for rep in range(a.repeats + 1):                   # the first round warms the HTTP cache
                for name, (_, url) in servers.items():
                    page = ctx.new_page()
                    t0 = time.monotonic()
                    page.goto(url + "/", wait_until="domcontentloaded")
                    sh.wait_ready(page, WAIT.get(name, ()), 60_000, 500, ())
                    if rep:
                        times[name].append(time.monotonic() - t0 - 0.5)
                    page.close()
            ctx.close()
    finally:
        for proc, _ in servers.values():
            sh.stop_server(proc)
    base = statistics.median(times["empty"])
    print(f"{a.repeats} repeats · {os.cpu_count()} CPUs · load avg {os.getloadavg()[0]:.1f}")
    print(f"{'app':28} {'ready s, median (range)':>24} {'x empty':>8}")
    for name, xs in times.items():
        print(f"{name:28} {statistics.median(xs):10.2f} ({min(xs):.2f}-{max(xs):.2f}) {statistics.median(xs) / base:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
