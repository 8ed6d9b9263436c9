"""Store: the only module that reads or writes the cache folder (see DATA.md).

Every write is atomic: a temporary file in the same folder, then `os.replace`. A build writes the
tables first and `manifest.json` last, so a reader that keys on the manifest never sees a
half-written build.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("documents", "actors", "mentions", "events", "quotes")
# Tables the pipeline keeps for itself (re-deriving actors without re-parsing).
INTERNAL_TABLES = ("mentions_raw",)
MANIFEST = "manifest.json"

_STR = pa.string()
_I32 = pa.int32()
_DATE = pa.date32()
_LIST = pa.list_(pa.string())

# The contract's column types; extra columns are written with inferred types.
SCHEMAS: dict[str, dict[str, pa.DataType]] = {
    "documents": {"doc_id": _STR, "path": _STR, "title": _STR, "outlet": _STR, "url": _STR,
                  "published": _DATE, "date_source": _STR, "text": _STR, "n_words": _I32,
                  "duplicate_of": _STR},
    "actors": {"actor_id": _STR, "name": _STR, "type": _STR, "aliases": _LIST,
               "n_mentions": _I32, "n_docs": _I32},
    "mentions": {"doc_id": _STR, "actor_id": _STR, "start": _I32, "end": _I32, "text": _STR,
                 "label": _STR, "sent": _I32},
    "events": {"event_id": _STR, "doc_id": _STR, "date": _DATE, "date_end": _DATE,
               "granularity": _STR, "expression": _STR, "expr_start": _I32, "expr_end": _I32,
               "date_source": _STR, "sentence": _STR, "start": _I32, "end": _I32,
               "actor_ids": _LIST},
    "quotes": {"quote_id": _STR, "doc_id": _STR, "text": _STR, "kind": _STR, "start": _I32,
               "end": _I32, "speaker": _STR, "speaker_id": _STR, "speaker_start": _I32,
               "speaker_end": _I32, "cue": _STR, "about_ids": _LIST},
}


class CacheError(RuntimeError):
    """The cache folder is missing, incomplete or unreadable."""


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table with the contract's types for the contract's columns."""
    schema = SCHEMAS.get(name, {})
    cols = list(schema) + [c for c in df.columns if c not in schema]
    arrays, fields = [], []
    for c in cols:
        values = df[c] if c in df.columns else pd.Series([None] * len(df), dtype=object)
        typ = schema.get(c)
        if typ is not None and pa.types.is_integer(typ):
            values = values.astype("Int32") if len(values) else values.astype("int32")
        if typ is not None and pa.types.is_date(typ):
            values = pd.Series([None if pd.isna(v) else pd.Timestamp(v).date() for v in values], dtype=object)
        arr = pa.array(values.tolist() if typ is not None and not pa.types.is_integer(typ) else values,
                       type=typ, from_pandas=True)
        arrays.append(arr)
        fields.append(pa.field(c, arr.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_table(cache: Path, name: str, df: pd.DataFrame) -> Path:
    """Write one table atomically; returns its path."""
    path = Path(cache) / f"{name}.parquet"
    table = to_arrow(name, df.reset_index(drop=True))
    _atomic_write(path, lambda tmp: pq.write_table(table, tmp))
    return path


def write_manifest(cache: Path, manifest: dict) -> Path:
    """Write manifest.json atomically (last step of a build)."""
    path = Path(cache) / MANIFEST
    data = json.dumps(manifest, indent=2, default=str, ensure_ascii=False)
    _atomic_write(path, lambda tmp: Path(tmp).write_text(data, encoding="utf-8"))
    return path


def read_manifest(cache: Path) -> dict | None:
    """The manifest, or None when there is none (or it is unreadable)."""
    path = Path(cache) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_table(cache: Path, name: str) -> pd.DataFrame:
    """One table as a DataFrame (dates as `datetime.date`, lists as Python lists)."""
    path = Path(cache) / f"{name}.parquet"
    try:
        return pq.read_table(path).to_pandas(types_mapper=None, date_as_object=True)
    except FileNotFoundError:
        raise CacheError(f"{path} is missing: build the cache with `python -m pipeline build`") from None
    except (OSError, pa.ArrowException) as e:
        raise CacheError(f"{path} is unreadable: {e}") from None


def read_cache(cache: Path, tables: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """The named tables of a built cache; raises CacheError when it is not a complete build."""
    cache = Path(cache)
    if read_manifest(cache) is None:
        raise CacheError(f"no cache at {cache} (manifest.json missing): run `make run` or "
                         f"`python -m pipeline build data/sample --out {cache}`")
    return {name: read_table(cache, name) for name in tables}


def read_csv(path: Path) -> pd.DataFrame | None:
    """A user CSV next to the cache (aliases); None when absent."""
    path = Path(path)
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def write_csv(path: Path, df: pd.DataFrame) -> Path:
    """Write a user CSV atomically (the Actors page saves aliases.csv through this)."""
    path = Path(path)
    _atomic_write(path, lambda tmp: df.to_csv(tmp, index=False))
    return path
