"""Build: inputs -> cache. Wires ingest, clean, the per-document engine, corpus steps and store.

A build into an existing cache is incremental. Inputs are discovered once; a file whose bytes and
metadata row are unchanged keeps its articles' stored results, a changed file is read and cleaned
again, and only articles whose cleaned text (and what else the stages read, see
`results.nlp_key`) is new are parsed. Rows of removed inputs are dropped. Corpus-wide steps then
run over every article from the stored tables, so the result equals a full build.
"""
from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import PIPELINE_VERSION, store
from .inputs import ingest
from .inputs.article import PackedArticles
from .inputs.clean import clean_all
from .inputs.ingest import InputError
from .model import model_info, model_name

if TYPE_CHECKING:
    from .results import Collector

# The stages that import spaCy are imported inside the functions that run them, so a build that
# finds the cache up to date (`--if-stale`, every `make run`) never pays for importing spaCy.

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ALIASES = Path("data/aliases.csv")


@dataclass
class BuildReport:
    """What a build did: counts, rejected inputs, how much was parsed and where the cache is."""
    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    skipped: bool = False
    parsed: int = 0
    reused: int = 0


def code_hash() -> str:
    """Hash of the pipeline's own source: a code change makes every stored result stale."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(p.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Plan:
    """The inputs of one build, discovered once: files, sidecars, metadata and their keys."""
    files: list[ingest.InputFile]
    sidecars: list[Path]
    meta: dict[str, dict]
    keys: dict[str, str]               # input path -> sha256 of its bytes and metadata row
    errors: list[InputError]
    stats: dict = field(default_factory=dict)   # {"taken": ns, "files": {path: [size, mtime_ns, sha256]}}


RACY_NS = 2_000_000_000       # a file changed this close to the last look may keep its mtime: re-read it


def plan(inputs: list[Path], metadata: Path | None, known: dict | None = None) -> Plan:
    """Discover the inputs, read the metadata sidecars and key every file.

    `known`: the previous manifest's `file_stats` {"taken": ns, "files": {path: [size, mtime_ns,
    sha256]}}; a file whose size and modification time are unchanged, and older than that look by
    a margin (timestamps are coarse), is not read again, as make and git do."""
    taken = time.time_ns()
    files, errors = ingest.discover(inputs)
    sidecars = ingest.sidecars(inputs, metadata)
    meta, meta_errors = ingest.read_sidecars(sidecars)
    meta_errors += ingest.unmatched_metadata(meta, files, sidecars)
    keys, stats = {}, {}
    before = (known or {}).get("taken", 0) - RACY_NS
    seen = (known or {}).get("files", {})
    for f in files:
        path = str(f.path)
        st = os.stat(f.path)
        old = seen.get(path)
        same = old and old[:2] == [st.st_size, st.st_mtime_ns] and st.st_mtime_ns < before
        digest = old[2] if same else ingest.file_hash(f.path)
        stats[path] = [st.st_size, st.st_mtime_ns, digest]
        row = ingest.metadata_for(f, meta)
        h = hashlib.sha256(digest.encode())
        h.update(json.dumps(row, sort_keys=True, default=str).encode() if row else b"{}")
        keys[path] = h.hexdigest()
    return Plan(files, sidecars, meta, keys, errors + meta_errors, {"taken": taken, "files": stats})


def fingerprint(p: Plan, aliases: Path | None, model: str) -> dict:
    """Everything a cache depends on; equal fingerprints mean the cache is fresh."""
    return {
        "pipeline_version": PIPELINE_VERSION,
        "code_hash": code_hash(),
        "model": model_info(model),
        "inputs": [{"path": str(f.path), "sha256": p.keys[str(f.path)]} for f in p.files]
                  + [{"path": str(s), "sha256": ingest.file_hash(s)} for s in p.sidecars if s.is_file()],
        "aliases": {"path": str(aliases) if aliases else None,
                    "sha256": ingest.file_hash(aliases) if aliases and aliases.is_file() else None},
    }


def is_fresh(out: Path, fp: dict) -> bool:
    """True when the cache in `out` was built from exactly this fingerprint."""
    man = store.read_manifest(out)
    return bool(man) and all(man.get(k) == v for k, v in fp.items())


def _progress_bar(total: int):
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", desc="Parsing articles", file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)


def _previous(out: Path, fp: dict) -> tuple[Path | None, dict]:
    """The current generation when its stored results can be reused (same code and model)."""
    gen = store.resolve(out)
    man = store.read_manifest(gen) or {}
    same = all(man.get(k) == fp[k] for k in ("pipeline_version", "code_hash", "model"))
    if not same or not store.has_table(gen, "timexes"):
        return None, {}
    return gen, man


def collect(p: Plan, prev: Path | None, prev_man: dict, stamp: str, errors: list[InputError]
            ) -> tuple[list[dict], PackedArticles, list[tuple[int, str, str]]]:
    """What to carry over and what to parse, in input order.

    Returns (reuse, articles, todo): reuse rows {seq, old doc_id, and for re-read files the fresh
    path, input, title, outlet, url}; the articles to parse, packed; and (seq, input path, nlp
    key) for each of them."""
    from .results import nlp_key
    old_docs = (store.read_table(prev, "documents", ["doc_id", "input", "nlp_key"]) if prev
                else pd.DataFrame(columns=["doc_id", "input", "nlp_key"]))
    old_keys = {i["path"]: i["sha256"] for i in prev_man.get("inputs", [])}
    bad_inputs = {e["path"].split("#")[0] for e in prev_man.get("errors", [])}
    by_input: dict[str, list[str]] = {}          # a loop: a groupby over 19k inputs takes 2 s
    for i, d in zip(old_docs["input"].tolist(), old_docs.doc_id.tolist()):
        by_input.setdefault(i, []).append(d)
    by_key = dict(zip(old_docs.nlp_key, old_docs.doc_id))
    reuse: list[dict] = []
    articles, todo = PackedArticles(), []
    seq = 0
    for f in p.files:
        path = str(f.path)
        if old_keys.get(path) == p.keys[path] and path in by_input and path not in bad_inputs:
            for d in by_input[path]:            # unchanged file: its articles as stored, in order
                reuse.append({"seq": seq, "old": d})
                seq += 1
            continue
        raws, errs = ingest.read_file(f, p.meta)
        errors.extend(errs)
        for a in clean_all(raws, errors):
            key = nlp_key(a, stamp)
            if key in by_key:                   # the same article as before (a renamed file, a new JSONL line)
                reuse.append({"seq": seq, "old": by_key[key], "path": a.path, "input": path,
                              "title": a.title, "outlet": a.outlet, "url": a.url})
            else:
                articles.append(a)
                todo.append((seq, path, key))
            seq += 1
    return reuse, articles, todo


Progress = bool | Callable[[int, int], None]


def _ticker(progress: Progress, total: int):
    """(tick(n), close()) for a tqdm bar (True), a callback(done, total), or nothing (False)."""
    if callable(progress):
        done = [0]

        def tick(n: int) -> None:
            done[0] += n
            progress(done[0], total)
        progress(0, total)
        return tick, lambda: None
    if progress:
        bar = _progress_bar(total)
        return bar.update, bar.close
    return (lambda n: None), (lambda: None)


def parse(articles: PackedArticles, todo: list[tuple[int, str, str]], model: str, jobs: int | None,
          progress: Progress, engine_name: str, scheduler: str | None) -> Collector:
    """Run the per-document stages over the articles to parse, with `collect`'s (seq, input
    path, nlp key) for each, collecting compact tables.

    `progress`: True for a tqdm bar on stderr, or a callback(done, total) such as the upload page's."""
    from . import engine
    from .results import Collector
    col = Collector()
    if not todo:
        return col
    tick, close = _ticker(progress, len(todo))
    if engine_name == "dask":
        from . import engine_dask
        stream = engine_dask.run(articles, model, jobs, progress=tick, scheduler=scheduler)
    else:
        stream = engine.run(articles, model, jobs, progress=tick)
    try:
        with contextlib.closing(stream):       # a cluster is shut down even if we stop early
            for (seq, path, key), r in zip(todo, stream):
                col.add(seq, r, path, key)
    finally:
        close()
    return col


def build(inputs: list[Path], out: Path, metadata: Path | None = None, aliases: Path | None = None,
          model: str | None = None, jobs: int | None = None, if_stale: bool = False,
          progress: Progress = True, log=lambda msg: print(msg, file=sys.stderr), engine_name: str = "local",
          scheduler: str | None = None, full: bool = False, part_rows: int = store.PART_ROWS) -> BuildReport:
    """Build or update the cache in `out` from `inputs`. Rejected inputs are reported, never fatal.

    `full`: parse everything again instead of reusing the stored results."""
    model = model or model_name()
    if aliases is None and DEFAULT_ALIASES.is_file():
        aliases = DEFAULT_ALIASES
    report = BuildReport(out=out)
    with store.lock(out):
        p = plan(inputs, metadata, (store.read_manifest(out) or {}).get("file_stats"))
        fp = fingerprint(p, aliases, model)
        if if_stale and is_fresh(out, fp):
            man = store.read_manifest(out) or {}
            report.skipped = True
            report.counts = man.get("counts", {})
            report.errors = [InputError(e["path"], e["reason"]) for e in man.get("errors", [])]
            log(f"Cache in {out} is up to date ({report.counts.get('documents', 0)} documents); skipping the build.")
            return report
        started = datetime.now(timezone.utc)
        prev, prev_man = (None, {}) if full else _previous(out, fp)
        errors = list(p.errors)
        stamp = f"{fp['pipeline_version']}|{fp['code_hash']}|{json.dumps(fp['model'], sort_keys=True)}"
        reuse, articles, todo = collect(p, prev, prev_man, stamp, errors)
        log(f"{len(reuse) + len(todo)} articles from {len(p.files)} file(s): {len(todo)} to parse, "
            f"{len(reuse)} unchanged; {len(errors)} rejected.")
        from .results import pending_tables
        col = parse(articles, todo, model, jobs, progress, engine_name, scheduler)
        del articles                    # the articles' texts and lines: the tables have what is kept
        tables = pending_tables(col, prev, reuse)
        for path, msgs in zip(tables["documents"].path, tables["documents"].stage_errors):
            errors.extend(InputError(path, m) for m in (msgs or "").split("\n") if m)
        from .corpus import steps
        from .engine import parallel_steps
        n_docs = len(tables["documents"])
        gen = store.new_generation(out)
        try:                            # each table is written as soon as the steps finish it
            report.counts = write_all(gen, steps.derive_stream(tables, read_aliases(aliases),
                                                               parallel=parallel_steps(n_docs, jobs)), part_rows)
            report.errors, report.parsed, report.reused = errors, len(todo), len(reuse)
            manifest = {**fp, "counts": report.counts, "parsed": len(todo), "reused": len(reuse),
                        "errors": [{"path": e.path, "reason": e.reason} for e in errors],
                        "metadata": str(metadata) if metadata else None,
                        "roots": [str(i) for i in inputs], "file_stats": p.stats,
                        "started": started.isoformat(timespec="seconds"),
                        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            store.write_manifest(gen, manifest)
        except BaseException:
            store.discard(gen)
            raise
        store.publish(out, gen)
    return report


def read_aliases(path: Path | None) -> pd.DataFrame | None:
    """The user's alias table, or None."""
    if path is None:
        return None
    df = store.read_csv(path)
    if df is None:
        return None
    for c in ("alias", "canonical", "type", "hidden"):
        if c not in df.columns:
            df[c] = ""
    return df


def write_all(gen: Path, tables: Iterable[tuple[str, pd.DataFrame]], part_rows: int = store.PART_ROWS
              ) -> dict[str, int]:
    """Write each (name, table) into a new generation as it comes, keeping none (the manifest
    comes after). Returns the row counts of the contract's tables."""
    counts: dict[str, int] = {}
    for name, df in tables:
        if name in store.TABLES + store.INTERNAL_TABLES:
            store.write_table(gen, name, df.drop(columns=["seq"], errors="ignore"), part_rows)
        if name in store.TABLES:
            counts[name] = int(len(df))
        del df                          # before the steps make the next table
    return {k: counts[k] for k in store.TABLES if k in counts}


def relink(out: Path, aliases: Path) -> dict[str, int]:
    """Re-derive actors, mentions, quote speakers and event actors after an alias edit.

    Writes a new generation: the unchanged tables are carried over, the rest rewritten."""
    with store.lock(out):
        cur = store.resolve(out)
        t = store.read_cache(cur, ("quotes", "events", "mentions_raw"))
        from .corpus import link
        tables = link.derive(t["mentions_raw"], t["quotes"], t["events"], read_aliases(aliases))
        gen = store.new_generation(out)
        for name in ("documents", "mentions_raw", "timexes"):
            store.carry_over(cur, gen, name)
        counts = write_all(gen, tables.items())
        man = store.read_manifest(cur) or {}
        man["aliases"] = {"path": str(aliases), "sha256": ingest.file_hash(aliases) if aliases.is_file() else None}
        man["counts"] = {**man.get("counts", {}), **counts}
        man["relinked"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        store.write_manifest(gen, man)
        store.publish(out, gen)
    return man["counts"]
