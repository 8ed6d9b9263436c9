"""Benchmark: the app on a big cache. Page ready times vs an empty Streamlit page, filter change
time and server memory, in one run.

usage: python bench/app_scale.py CACHE [--small SMALL_CACHE] [--repeats 3] [--sessions 6] [--shots DIR]

Starts three Streamlit servers with /work/shared/tools/shoot.py's helpers (Debian's Chromium,
its "ready" rule: script idle, no spinner, iframes loaded, the network's `data-graph-ready`):
an empty page (`st.title` only), the app with `DOSSIER_CACHE=CACHE`, and the app on a small
cache (SMALL_CACHE, else a build of data/sample, five articles): what the same page costs when
the corpus costs nothing. The apps' first pages (which load the corpus) are timed apart; then
each repeat opens every app page in a fresh browser tab (a new Streamlit session), each right
after the empty page and the same page on the small cache, and prints the ready times and each
page's ratios to those two, opened just before it (the machine is noisy).

Then, on /timeline and /quotes: type the most mentioned actor's name into the sidebar's actor
box and press Enter. The filter-change time is timed in the page, from the key event to the end of
the rerun (and the chart drawn again on chart pages); the time until the bench, polling from
outside, sees the URL carry the actor and the app idle is printed beside it. Server memory is
the RSS of the app server process, sampled every 100 ms (peak) and after: every page opened, the
actor picks, then `--sessions` concurrent sessions opened and closed (and 20 s later).

Skips (exit 0, "skip: ...") when CACHE has no manifest.json, Chromium or shoot.py is missing.
--shots DIR keeps a full-page PNG of each page of the last repeat (never inside the repo: the
corpus text may be research-only).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
SHOOT = Path("/work/shared/tools/shoot.py")
CHROMIUM = Path("/usr/bin/chromium")
PAGES = ["/", "/timeline", "/network", "/quotes", "/actors"]
FRAME_READY = ("body[data-graph-ready]",)
CHART_READY = ('.dossier-plot[data-chart-ready="1"]',)     # dossier_app/plotchart.py drew its figure
CHART_PAGES = ("/", "/timeline")
EMPTY_APP = "import streamlit as st\n\nst.title('Empty')\n"


def load_shoot():
    """shoot.py's helpers (server start, ready waits): a shared tool outside the repository, loaded
    from its file. Not a sibling import: bench modules import each other as `bench.X`."""
    spec = importlib.util.spec_from_file_location("shoot", SHOOT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class RSS:
    """Samples a process's RSS every 100 ms in a thread; `peak` and `now()` in MB."""

    def __init__(self, pid: int):
        import psutil
        self.proc = psutil.Process(pid)
        self.peak = 0.0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def now(self) -> float:
        try:
            return self.proc.memory_info().rss / 2**20
        except Exception:
            return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.now())
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._t.join(2)


def open_ready(sh, ctx, url: str, timeout_ms: int = 120_000, settle_ms: int = 500,
               wait_for: tuple[str, ...] = ()) -> tuple[float, object]:
    """Open `url` in a new tab; seconds until ready (settle time excluded; `wait_for` selectors
    visible, e.g. a chart drawn), and the page."""
    page = ctx.new_page()
    t0 = time.monotonic()
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    sh.wait_ready(page, wait_for, timeout_ms, settle_ms, FRAME_READY if "/network" in url else ())
    return time.monotonic() - t0 - settle_ms / 1000, page


# in the page: when Enter went down in the actor box, when the script state changed, when a chart
# finished drawing (performance.now() times, the same clock as the key event's timeStamp)
WATCH_JS = """() => {
  const ev = window.__pick = {enter: null, states: [], charts: []};
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => ev.states.push([app.getAttribute('data-test-script-state'), performance.now()]))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  new MutationObserver((muts) => { for (const m of muts) if (m.target.getAttribute('data-chart-ready') === '1')
    ev.charts.push(performance.now()); })
    .observe(document.body, {attributes: true, subtree: true, attributeFilter: ['data-chart-ready']});
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && ev.enter === null) ev.enter = e.timeStamp; },
                            true);
}"""


def pick_actor(sh, page, name: str, timeout_ms: int = 60_000, wait_for: tuple[str, ...] = ()
               ) -> tuple[float, float]:
    """Type `name` in the sidebar's actor box, Enter. Returns (in the page: seconds from the key
    press until the rerun finished and, with `wait_for`, the chart was drawn again; polled from
    here: seconds until the URL has it and the app is idle)."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.locator("input")
    box.click()
    box.fill(name)
    page.wait_for_timeout(300)              # the dropdown filters as one types
    page.evaluate(WATCH_JS)
    want = "actor=" + quote_plus(name)
    t0 = time.monotonic()
    box.press("Enter")
    page.wait_for_function(f"() => window.location.search.includes({want!r})", timeout=timeout_ms)
    sh.wait_ready(page, wait_for, timeout_ms, 300, ())
    polled = time.monotonic() - t0 - 0.3
    if wait_for:                            # the old chart's ready mark may have satisfied wait_ready
        page.wait_for_function("() => window.__pick.charts.length > 0", timeout=timeout_ms)
    ev = page.evaluate("() => window.__pick")
    ends = [t for s, t in ev["states"] if s == "notRunning"][-1:] + (ev["charts"][-1:] if wait_for else [])
    in_page = (max(ends) - ev["enter"]) / 1000 if ends and ev["enter"] is not None else float("nan")
    return in_page, polled


def top_actor(cache: Path) -> str:
    from pipeline import store
    a = store.read_table(store.resolve(cache), "actors", ["name", "n_mentions"])
    return str(a.sort_values("n_mentions", ascending=False).name.iloc[0])


def small_cache(arg: Path | None, work: Path) -> Path | None:
    """SMALL_CACHE, else data/sample built into `work` (about 15 s: the model loads); None when
    that build fails."""
    if arg:
        return arg
    out = work / "small"
    build = subprocess.run([sys.executable, "-m", "pipeline", "build", str(ROOT / "data" / "sample"), "--out",
                            str(out), "--no-progress"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
    if build.returncode:
        print(f"could not build data/sample for the small cache: {build.stderr.strip()[-300:]}")
        return None
    return out


def start_app(sh, cache: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """The app's server on `cache`. shoot.py's servers take this process's environment, so
    DOSSIER_CACHE is set for the start and put back after."""
    old = os.environ.get("DOSSIER_CACHE")
    os.environ["DOSSIER_CACHE"] = str(cache.resolve())
    try:
        return sh.start_server(ROOT, "app.py", log)
    finally:
        if old is None:
            del os.environ["DOSSIER_CACHE"]
        else:
            os.environ["DOSSIER_CACHE"] = old


def fmt(xs: list[float]) -> str:
    return f"{statistics.median(xs):5.2f} ({min(xs):.2f}-{max(xs):.2f})" if xs else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cache", type=Path)
    ap.add_argument("--small", type=Path, help="a small cache for the same pages (default: data/sample built)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sessions", type=int, default=6)
    ap.add_argument("--shots", type=Path)
    a = ap.parse_args()
    for cache in (a.cache, a.small):
        if cache and not (cache / "manifest.json").is_file():
            print(f"skip: {cache} has no manifest.json (build it with `python -m pipeline build`)")
            return 0
    if not SHOOT.is_file() or not CHROMIUM.exists():
        print(f"skip: needs {SHOOT} and {CHROMIUM}")
        return 0
    if a.shots and a.shots.resolve().is_relative_to(ROOT):
        print("error: --shots must be outside the repo (the corpus text may be research-only)")
        return 2
    from playwright.sync_api import sync_playwright
    sh = load_shoot()
    work = Path(tempfile.mkdtemp(prefix="dossier-appscale-"))
    (work / "empty").mkdir()
    (work / "empty" / "app.py").write_text(EMPTY_APP)
    actor = top_actor(a.cache)
    small = small_cache(a.small, work)
    if small is None:
        print("skip: no small cache to compare the pages with (pass --small CACHE)")
        return 0
    times: dict[str, list[float]] = {p: [] for p in ["empty", *PAGES]}
    small_times: dict[str, list[float]] = {p: [] for p in PAGES}
    ratios: dict[str, list[float]] = {p: [] for p in PAGES}
    small_ratios: dict[str, list[float]] = {p: [] for p in PAGES}
    mem: list[tuple[str, float]] = []
    picks: dict[str, list[float]] = {"/timeline": [], "/quotes": []}
    polled: dict[str, list[float]] = {"/timeline": [], "/quotes": []}
    cold = 0.0
    servers: list[subprocess.Popen] = []
    rss = None
    try:
        empty_proc, empty_url = sh.start_server(work / "empty", "app.py", work / "empty.log")
        servers.append(empty_proc)
        small_proc, small_url = start_app(sh, small, work / "small.log")
        servers.append(small_proc)
        app_proc, app_url = start_app(sh, a.cache, work / "app.log")
        servers.append(app_proc)
        rss = RSS(app_proc.pid)
        mem.append(("server started", rss.now()))
        with sync_playwright() as pw:
            ctx = sh.launch_browser(pw, 1400, 900, str(work / "profile"))
            try:
                cold, page = open_ready(sh, ctx, app_url + "/")      # loads the corpus: reported apart
                page.close()
                _, page = open_ready(sh, ctx, small_url + "/")
                page.close()
                mem.append(("first page (corpus loaded)", rss.now()))
                time.sleep(5)                                        # let the background warm-up finish
                for rep in range(a.repeats):
                    for p in PAGES:
                        # an empty page right before each app page: both under the same machine load
                        e, page = open_ready(sh, ctx, empty_url + "/")
                        page.close()
                        times["empty"].append(e)
                        wait = CHART_READY if p in CHART_PAGES else ()
                        ts, page = open_ready(sh, ctx, small_url + p, wait_for=wait)
                        page.close()
                        small_times[p].append(ts)
                        t, page = open_ready(sh, ctx, app_url + p, wait_for=wait)
                        times[p].append(t)
                        ratios[p].append(t / e)
                        small_ratios[p].append(t / ts)
                        if a.shots and rep == a.repeats - 1:
                            a.shots.mkdir(parents=True, exist_ok=True)
                            page.screenshot(path=str(a.shots / f"page{p.replace('/', '_') or '_'}.png"),
                                            full_page=True)
                        page.close()
                    mem.append((f"repeat {rep + 1}: every page opened", rss.now()))
                    for p in picks:
                        _, page = open_ready(sh, ctx, app_url + p)
                        in_page, by_poll = pick_actor(sh, page, actor, wait_for=CHART_READY if p in CHART_PAGES else ())
                        picks[p].append(in_page)
                        polled[p].append(by_poll)
                        if a.shots and rep == a.repeats - 1:
                            page.screenshot(path=str(a.shots / f"picked{p.replace('/', '_')}.png"), full_page=True)
                        page.close()
                    mem.append((f"repeat {rep + 1}: actor picked", rss.now()))
                pages = []
                for i in range(a.sessions):
                    _, page = open_ready(sh, ctx, app_url + PAGES[i % len(PAGES)])
                    pages.append(page)
                mem.append((f"{a.sessions} sessions open", rss.now()))
                for page in pages:
                    page.close()
                time.sleep(2)
                mem.append((f"{a.sessions} sessions closed", rss.now()))
                time.sleep(20)
                mem.append(("20 s later", rss.now()))
            finally:
                ctx.close()
    finally:
        if rss:
            rss.stop()
        for proc in servers:
            sh.stop_server(proc)
    shutil.rmtree(work, ignore_errors=True)       # kept when a run fails: the servers' logs are there
    print(f"cache {a.cache} · {a.repeats} repeats · {os.cpu_count()} CPUs · load avg {os.getloadavg()[0]:.1f}")
    print(f"first page after the server started (loads the corpus): {cold:.2f} s")
    print(f"small cache {a.small or 'data/sample, built for this run'} (the same pages when the corpus costs nothing)")
    print(f"{'page':12} {'ready s, median (range)':>24} {'x the empty page':>22} {'small cache: ready s':>24}"
          f" {'x the small cache':>22}")
    print(f"{'empty page':12} {fmt(times['empty']):>24}")
    for p in PAGES:
        print(f"{p:12} {fmt(times[p]):>24} {fmt(ratios[p]):>22} {fmt(small_times[p]):>24} {fmt(small_ratios[p]):>22}")
    print(f"\npicking an actor ({actor!r}): seconds from the key press until the rerun ended and the chart")
    print("was drawn again, timed in the page; then as polled from the bench (until idle, 300 ms settle excluded):")
    for p, xs in picks.items():
        print(f"  {p:10} in the page {fmt(xs)} s · polled {fmt(polled[p])} s")
    print("\napp server RSS (MB):")
    for label, mb in mem:
        print(f"  {label:36} {mb:7.0f}")
    print(f"  {'peak':36} {rss.peak:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
