"""The upload page's work: where uploads go, which inputs the cache is built from, and the build.

The build runs as `python -m pipeline build` in a child process: the app server never loads the
spaCy model or forks workers, a failed build cannot take the server down, and the cache is
swapped in whole when the build finishes (`pipeline.store`), so open sessions keep reading the
previous generation until they rerun.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import store
from pipeline import uploads as uploads_mod

TRUE = {"1", "true", "yes", "on"}


def uploads_dir() -> Path:
    """$DOSSIER_UPLOADS, else data/uploads."""
    return Path(os.environ.get("DOSSIER_UPLOADS") or "data/uploads")


def readonly() -> bool:
    """True for a shared deployment started with DOSSIER_READONLY=1: no upload, no curation."""
    return os.environ.get("DOSSIER_READONLY", "").strip().lower() in TRUE


def build_inputs(cache: Path, uploads: Path) -> tuple[list[Path], Path | None]:
    """The inputs of the next build: the cache's own inputs (from its manifest) plus the upload folder.

    Returns (inputs, metadata CSV of the last build or None). Inputs that no longer exist are left
    out, so a moved sample folder does not stop uploads."""
    man = store.read_manifest(cache) or {}
    roots = [Path(r) for r in man.get("roots", [])]
    inputs = [r for r in roots if r.exists()]
    if not any(_same(r, uploads) for r in inputs):
        inputs.append(uploads)
    meta = Path(man["metadata"]) if man.get("metadata") else None
    return inputs, meta if meta and meta.is_file() else None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@dataclass
class Outcome:
    """What a build run from the page did."""
    code: int                                   # the CLI's exit code: 0, 1 (some rejected), 2 (failed)
    summary: str = ""                           # the "Built …" line
    rejected: list[tuple[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.code in (0, 1)


def parse_line(line: str) -> tuple[str, tuple]:
    """One stderr line of the build: ("progress", (done, total)), ("rejected", (path, reason)),
    ("built", (line,)) or ("message", (line,))."""
    line = line.rstrip("\n")
    if line.startswith("progress "):
        parts = line.split()
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            return "progress", (int(parts[1]), int(parts[2]))
    if line.startswith("rejected: "):
        path, _, reason = line[len("rejected: "):].partition(": ")
        return "rejected", (path, reason)
    if line.startswith("Built "):
        return "built", (line,)
    return "message", (line,)


def run_build(inputs: list[Path], cache: Path, metadata: Path | None = None,
              on_progress: Callable[[int, int], None] = lambda d, t: None,
              on_message: Callable[[str], None] = lambda m: None) -> Outcome:
    """An incremental build of `cache` from `inputs` in a child process, reporting as it goes."""
    cmd = [sys.executable, "-m", "pipeline", "build", *map(str, inputs), "--out", str(cache), "--progress-lines"]
    if metadata:
        cmd += ["--metadata", str(metadata)]
    out = Outcome(code=2)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace")
    assert proc.stderr is not None
    for line in proc.stderr:
        kind, value = parse_line(line)
        if kind == "progress":
            on_progress(*value)
        elif kind == "rejected":
            out.rejected.append(value)
        elif kind == "built":
            out.summary = value[0]
        elif value[0].strip():
            out.messages.append(value[0])
            on_message(value[0])
    out.code = proc.wait()
    return out


def new_rejections(outcome: Outcome, uploads: Path) -> list[tuple[str, str]]:
    """The build's rejections of files in the upload folder (older inputs' problems are on Overview)."""
    root = uploads.as_posix().rstrip("/") + "/"
    return [(p, r) for p, r in outcome.rejected if p.startswith(root) or p == uploads.as_posix()]


@dataclass
class Added:
    """What "Add to corpus" did: the files saved or refused, and the build (None when nothing was saved)."""
    report: uploads_mod.Report
    build: Outcome | None = None


def add_to_corpus(files: list[tuple[str, bytes]], metadata: list[tuple[str, bytes]], cache: Path,
                  folder: Path, on_progress: Callable[[int, int], None] = lambda d, t: None,
                  on_message: Callable[[str], None] = lambda m: None) -> Added:
    """Save the acceptable files into the upload folder, then build the cache incrementally."""
    if readonly():
        raise PermissionError("this Dossier is read-only (DOSSIER_READONLY=1)")
    report = uploads_mod.accept(files, folder, metadata)
    if not report.saved and not report.metadata_rows:
        return Added(report)
    inputs, meta = build_inputs(cache, folder)
    return Added(report, run_build(inputs, cache, meta, on_progress, on_message))
