"""Compare two caches table by table, up to row order (incremental vs full, engine vs engine)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import store


def canonical(df: pd.DataFrame, ignore: tuple[str, ...] = ()) -> list[tuple]:
    """Rows as sorted tuples of plain values: lists become tuples, missing values None."""
    cols = sorted(c for c in df.columns if c not in ignore)

    def plain(v):
        if isinstance(v, (list, tuple)) or hasattr(v, "tolist") and not isinstance(v, str):
            v = v.tolist() if hasattr(v, "tolist") else v
            return tuple(plain(x) for x in v) if isinstance(v, (list, tuple)) else v
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return None
        return v
    rows = [tuple(plain(v) for v in r) for r in df[cols].itertuples(index=False, name=None)]
    return sorted(rows, key=repr)


def diff_caches(a: Path, b: Path, tables: tuple[str, ...] = store.TABLES + store.INTERNAL_TABLES,
                ignore: tuple[str, ...] = ("nlp_key",)) -> dict[str, str]:
    """{table: what differs} for tables that differ; empty when the caches hold the same rows."""
    out: dict[str, str] = {}
    for name in tables:
        ta, tb = store.read_table(store.resolve(a), name), store.read_table(store.resolve(b), name)
        if sorted(ta.columns) != sorted(tb.columns):
            out[name] = f"columns differ: {sorted(set(ta.columns) ^ set(tb.columns))}"
            continue
        ra, rb = canonical(ta, ignore), canonical(tb, ignore)
        if ra != rb:
            only_a = [r for r in ra if r not in set(rb)][:3]
            only_b = [r for r in rb if r not in set(ra)][:3]
            out[name] = (f"{len(ra)} vs {len(rb)} rows; only in first: {_short(only_a)}; "
                         f"only in second: {_short(only_b)}")
    return out


def _short(rows: list[tuple]) -> str:
    return repr([tuple(str(v)[:40] for v in r) for r in rows])
