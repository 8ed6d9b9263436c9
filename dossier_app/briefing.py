"""Command line: `python -m dossier_app.briefing CACHE --out FILE.html [--actor NAME]... [--start
YYYY-MM-DD] [--end YYYY-MM-DD] [--types TYPE,...]`: one self-contained HTML briefing pack.

Exit codes: 0 the pack was written; 2 usage error (bad date, no cache, unwritable output).
Actor names and aliases are matched as in the app's URL; an unknown one is reported on stderr
and in the pack, and left out of the filters.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

DEFAULT_APP_URL = "http://localhost:8501"


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m dossier_app.briefing",
                                 description="Write a one-file HTML briefing pack of a Dossier view.")
    ap.add_argument("cache", type=Path, metavar="CACHE", help="the cache folder (as built by python -m pipeline build)")
    ap.add_argument("--out", type=Path, required=True, metavar="FILE.html", help="where to write the pack")
    ap.add_argument("--actor", action="append", default=[], metavar="NAME", help="an actor name or alias (repeatable)")
    ap.add_argument("--start", type=date.fromisoformat, metavar="YYYY-MM-DD", help="first publication day")
    ap.add_argument("--end", type=date.fromisoformat, metavar="YYYY-MM-DD", help="last publication day")
    ap.add_argument("--types", default="", metavar="TYPE,...", help="actor types, e.g. PERSON,ORG")
    ap.add_argument("--app-url", default=os.environ.get("DOSSIER_APP_URL", DEFAULT_APP_URL),
                    help="where the app runs, for the link back to the view (default: $DOSSIER_APP_URL or "
                         f"{DEFAULT_APP_URL})")
    ap.add_argument("--no-images", action="store_true", help="skip the chart images (no renderer needed)")
    return ap


def filters_for(corpus, actors: list[str], start, end, types: str):
    """(Filters, unknown actor names, unknown types) from the command line's values."""
    from .filters import Filters
    lookup = corpus.actor_lookup()
    ids, unknown = [], []
    for name in actors:
        aid = lookup.get(name.strip().lower())
        if aid is None:
            unknown.append(name)
        elif aid not in ids:
            ids.append(aid)
    wanted = [t.strip().upper() for t in types.split(",") if t.strip()]
    bad_types = [t for t in wanted if t not in corpus.type_names]
    return Filters(tuple(ids), start, end, tuple(t for t in wanted if t in corpus.type_names)), unknown, bad_types


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.start and args.end and args.start > args.end:
        print(f"error: --start {args.start} is after --end {args.end}", file=sys.stderr)
        return 2
    from pipeline import store
    from . import pack, render
    from .corpus import load
    try:
        corpus = load(store.resolve(args.cache))
    except store.CacheError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    f, unknown, bad_types = filters_for(corpus, args.actor, args.start, args.end, args.types)
    for name in unknown:
        print(f"warning: no actor called {name!r} in {args.cache}: left out of the filters", file=sys.stderr)
    for t in bad_types:
        print(f"warning: no actors of type {t!r} in {args.cache} (types: {', '.join(corpus.type_names)}): "
              f"left out", file=sys.stderr)
    result = pack.build(corpus, f, args.app_url, None if args.no_images else render.svg, unknown)
    for note in result.notes:
        print(f"note: charts not drawn: {note}", file=sys.stderr)
    try:
        write_atomic(args.out, result.html)
    except OSError as e:
        print(f"error: cannot write {args.out}: {e}", file=sys.stderr)
        return 2
    print(f"Wrote {args.out} ({len(result.html.encode()) / 1e6:.1f} MB): {result.quotes} quotes, "
          f"{result.events} events, {result.sources} sources · {f.describe(corpus.names)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
