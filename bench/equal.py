"""Are two caches the same, table by table, up to row order? The check behind a reshaping.

usage: python bench/equal.py CACHE_A CACHE_B      (or python -m bench.equal ...)

Build the same inputs before and after a change (`python -m pipeline build IN --out A`, then
`... --out B`), then compare. Prints one line per table that differs (row counts and a few rows
only in each), and exits 0 when every table is equal, 1 when some differ, 2 when a cache is
missing. `nlp_key` (which holds the code hash) is ignored.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import store
from pipeline.compare import diff_caches


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path, metavar="CACHE_A")
    ap.add_argument("b", type=Path, metavar="CACHE_B")
    args = ap.parse_args(argv)
    for c in (args.a, args.b):
        if store.read_manifest(store.resolve(c)) is None:
            print(f"skip: no built cache at {c}", file=sys.stderr)
            return 2
    diff = diff_caches(args.a, args.b)
    for table, what in diff.items():
        print(f"{table}: {what}")
    counts = {t: len(store.read_table(store.resolve(args.a), t)) for t in store.TABLES}
    print("equal" if not diff else f"{len(diff)} table(s) differ", "·",
          ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
