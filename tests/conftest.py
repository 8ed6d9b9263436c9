"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def nlp():
    from pipeline import nlp as nlp_mod
    return nlp_mod.load()


def run_build(*args: str, cwd: Path = ROOT):
    """`python -m pipeline build ...` in a subprocess; returns the CompletedProcess."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "pipeline", "build", *args, "--no-progress"],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def sample_cache(tmp_path_factory):
    """data/sample built once per session through the real CLI; yields the cache folder."""
    out = tmp_path_factory.mktemp("cache")
    proc = run_build(str(ROOT / "data" / "sample"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def hostile_cache(tmp_path_factory):
    """A cache built from an article and metadata full of markup, scripts and Markdown tricks."""
    out = tmp_path_factory.mktemp("hostile")
    proc = run_build(str(ROOT / "tests" / "fixtures" / "hostile"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def pw():
    """One playwright driver for the whole session (two at once would clash)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(pw, tmp_path_factory):
    """Debian's Chromium driven by playwright (never playwright's own browser download)."""
    ctx = pw.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, headless=True,
        args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield ctx
    ctx.close()
