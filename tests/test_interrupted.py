"""A build killed with SIGKILL at any moment leaves the previous cache whole, and the next one completes."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from pipeline import build, store
from pipeline.compare import diff_caches

SAMPLE = ROOT / "data" / "sample"

# Runs a build in a child process that SIGKILLs itself right after writing its second table.
KILL_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from pipeline import build, store
written = []
real = store.write_table
def write_then_die(*a, **k):
    out = real(*a, **k)
    written.append(out)
    if len(written) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return out
store.write_table = write_then_die
build.build([Path(sys.argv[1])], Path(sys.argv[2]), aliases=None, progress=False)
"""

# Runs a build in a child process that SIGKILLs itself in the per-document stages of its first
# article to parse (the model loaded, the article's Doc parsed, nothing written yet).
KILL_WHILE_PARSING = """
import os, signal, sys
from pathlib import Path
from pipeline import build, engine
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
engine.process = die
build.build([Path(sys.argv[1])], Path(sys.argv[2]), aliases=None, progress=False, jobs=1)
"""


@pytest.fixture
def cache(tmp_path, nlp):
    """A cache of two sample articles; the input folder then gains a third."""
    inp = tmp_path / "in"
    inp.mkdir()
    names = sorted(p.name for p in SAMPLE.iterdir())
    for n in names[:2]:
        shutil.copy(SAMPLE / n, inp / n)
    build.build([inp], tmp_path / "cache", aliases=None, progress=False, log=lambda m: None)
    shutil.copytree(store.resolve(tmp_path / "cache"), tmp_path / "before")
    shutil.copy(SAMPLE / names[4], inp / names[4])
    return tmp_path


def assert_previous_cache_whole(tmp: Path) -> None:
    assert store.read_manifest(tmp / "cache")["counts"]["documents"] == 2
    assert diff_caches(tmp / "cache", tmp / "before") == {}


def finish_and_check(tmp: Path) -> None:
    report = build.build([tmp / "in"], tmp / "cache", aliases=None, progress=False, log=lambda m: None)
    assert report.counts["documents"] == 3
    assert len(store.read_table(tmp / "cache", "documents")) == 3


def test_killed_while_parsing(cache):
    proc = subprocess.run([sys.executable, "-c", KILL_WHILE_PARSING, str(cache / "in"), str(cache / "cache")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert "to parse" in proc.stderr                    # it got as far as the parse
    assert_previous_cache_whole(cache)
    finish_and_check(cache)


def test_killed_while_writing(cache):
    proc = subprocess.run([sys.executable, "-c", KILL_WHILE_WRITING, str(cache / "in"), str(cache / "cache")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert_previous_cache_whole(cache)
    finish_and_check(cache)
    leftovers = [g for g in store.generations_dir(cache / "cache").iterdir()
                 if not (g / store.MANIFEST).is_file()]
    assert leftovers == [], "the killed build's half-written generation is cleaned up"


def test_a_step_that_fails_after_tables_were_written_leaves_no_generation(cache, monkeypatch):
    """Tables are written as the corpus steps finish them: an error in a later step discards the
    half-written generation at once, and the previous cache stays current."""
    from pipeline.corpus import link

    def broken(quotes):
        raise RuntimeError("quote groups failed")
    monkeypatch.setattr(link, "with_groups", broken)
    written = []
    real = store.write_table
    monkeypatch.setattr(store, "write_table", lambda gen, name, *a, **k: written.append(name) or real(gen, name, *a, **k))
    with pytest.raises(RuntimeError, match="quote groups failed"):
        build.build([cache / "in"], cache / "cache", aliases=None, progress=False, log=lambda m: None)
    assert "documents" in written and "quotes" not in written
    assert_previous_cache_whole(cache)
    assert [g for g in store.generations_dir(cache / "cache").iterdir() if not (g / store.MANIFEST).is_file()] == []
    monkeypatch.undo()
    finish_and_check(cache)
