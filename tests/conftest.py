"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
