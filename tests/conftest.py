"""Shared fixtures: the spaCy model is loaded once per test session.

Only fixtures live here; helpers that test files import (ROOT, run_build, serve, open_page, corpus, ...)
are in tests/helpers.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, run_build


@pytest.fixture(scope="session")
def nlp():
    from pipeline.document import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture(scope="session")
def sample_articles():
    """The cleaned sample articles, as pipeline/build.py makes them (the stages date articles in
    place: deep-copy before parsing)."""
    from pipeline.inputs import ingest
    from pipeline.inputs.clean import clean
    raws, errors, _ = ingest.read_inputs([ROOT / "data" / "sample"])
    assert not errors
    return [a for raw in raws for a in clean(raw)]


@pytest.fixture(scope="session")
def sample_cache(tmp_path_factory):
    """data/sample built once per session through the real CLI; yields the cache folder."""
    out = tmp_path_factory.mktemp("cache")
    proc = run_build(str(ROOT / "data" / "sample"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def hostile_cache(tmp_path_factory):
    """A cache built from tests/fixtures/hostile: a text article and metadata full of markup, scripts and
    Markdown tricks, and a saved web page full of them (it must be read, so the build exits 0)."""
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


@pytest.fixture
def curated_app(sample_cache, tmp_path, monkeypatch):
    """The Actors page on a private copy of the sample cache whose alias file lives in tmp_path:
    (AppTest, cache folder, aliases.csv)."""
    import shutil

    from helpers import open_app
    from pipeline import store
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,type,hidden\n")
    man = store.read_manifest(cache)
    man["aliases"] = {"path": str(aliases), "sha256": None}
    store.write_manifest(cache, man)
    monkeypatch.setenv("DOSSIER_CACHE", str(cache))
    monkeypatch.setenv("DOSSIER_WARM", "0")
    monkeypatch.chdir(ROOT)
    return open_app("actors.py"), cache, aliases
