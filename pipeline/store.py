"""Store: the only module that reads or writes the cache folder (see DATA.md).

A cache is a set of generations beside it and an atomic pointer:

    data/cache                 -> .cache.gens/g-20261130T215501-1234   (a relative symlink)
    data/.cache.gens/g-…/      documents.parquet, actors.parquet, …, manifest.json

A build writes every table of a new generation, then its manifest, then swaps the symlink with
one `os.replace`. A build killed at any moment leaves the previous generation in place, whole;
readers that open `data/cache/documents.parquet` follow the link and never see a mix. A cache that
is a plain folder (an older Dossier, or copied with `cp -rL`) is read as it is and is moved into
the generations folder by the next build.

Tables are one Parquet file, or a folder of part files under the same name when large
(`mentions.parquet/part-00000.parquet`, …); `read_table` reads both layouts.
"""
from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("documents", "actors", "mentions", "events", "quotes")
# Tables the pipeline keeps for itself: re-deriving actors and events without re-parsing.
INTERNAL_TABLES = ("mentions_raw", "timexes")
MANIFEST = "manifest.json"
PART_ROWS = 250_000        # tables longer than this are written as a folder of part files
KEEP_GENERATIONS = 3       # the current one and two before it (a reader may still be on them)

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
    "timexes": {"doc_id": _STR, "start": _I32, "end": _I32},
}


class CacheError(RuntimeError):
    """The cache folder is missing, incomplete or unreadable."""


# ---------------------------------------------------------------- generations

def generations_dir(cache: Path) -> Path:
    """Where a cache's generations live: a hidden folder beside it."""
    cache = Path(cache)
    return cache.parent / f".{cache.name}.gens"


def resolve(cache: Path) -> Path:
    """The folder holding the cache's current tables (its generation, or the cache itself)."""
    cache = Path(cache)
    return Path(os.path.realpath(cache)) if cache.is_symlink() else cache


def new_generation(cache: Path) -> Path:
    """A fresh, empty generation folder for a build to write into (not yet visible)."""
    gens = generations_dir(cache)
    gens.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    gen = Path(tempfile.mkdtemp(prefix=f"g-{stamp}-", dir=gens))
    os.chmod(gen, 0o777 & ~_umask())
    return gen


def discard(generation: Path) -> None:
    """Delete a generation a failed build was writing (never published, so never read)."""
    shutil.rmtree(generation, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish(cache: Path, generation: Path) -> None:
    """Point `cache` at a complete `generation` with one atomic rename, then prune old ones."""
    cache = Path(cache)
    generation = Path(generation)
    if not (generation / MANIFEST).is_file():
        raise CacheError(f"{generation} has no manifest: refusing to publish an incomplete build")
    gens = generations_dir(cache)
    if cache.exists() and not cache.is_symlink():       # a plain-folder cache from before
        os.replace(cache, gens / f"g-00000000T000000-legacy-{os.getpid()}")
    link = gens.parent / f".{cache.name}.link-{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(generation, cache.parent), link)
    os.replace(link, cache)
    prune(cache)


def prune(cache: Path, keep: int = KEEP_GENERATIONS) -> None:
    """Delete generations older than the newest `keep` complete ones, and abandoned builds.

    Called under the cache's lock, so an incomplete generation is one a killed build left."""
    gens = generations_dir(cache)
    if not gens.is_dir():
        return
    current = resolve(cache)
    complete = sorted((g for g in gens.iterdir() if g.is_dir() and (g / MANIFEST).is_file()),
                      key=lambda g: g.name)
    keep_set = {current, *complete[-keep:]}
    for g in gens.iterdir():
        if g not in keep_set and g.is_dir():
            shutil.rmtree(g, ignore_errors=True)


def _lock_path(cache: Path) -> Path:
    return Path(cache).parent / f".{Path(cache).name}.lock"


@contextlib.contextmanager
def lock(cache: Path, wait: bool = True):
    """One build at a time per cache (the upload page and the shell may both start one)."""
    path = _lock_path(cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise CacheError(f"another build is writing {cache}; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def carry_over(src: Path, dst: Path, name: str) -> bool:
    """Reuse an unchanged table of the previous generation (a hard link, else a copy)."""
    s = table_path(src, name)
    if not s.exists():
        return False
    d = table_path(dst, name)
    if s.is_dir():
        d.mkdir()
        for part in sorted(s.iterdir()):
            _link_or_copy(part, d / part.name)
    else:
        _link_or_copy(s, d)
    return True


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


# ---------------------------------------------------------------- writing

def release_memory() -> None:
    """Hand Arrow's freed buffers back to the system. Its allocator keeps them for reuse, so
    reading a table kept several times the table's size resident (17k articles' documents:
    +141 MB read, +21 MB once released); a build's peak was made of such leftovers."""
    pa.default_memory_pool().release_unused()


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
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
        # through Python objects only where Arrow cannot read the column as it is (object columns
        # of lists or dates); a string column goes straight, or a text column is copied twice over
        as_is = typ is None or pa.types.is_integer(typ) or (
            pa.types.is_string(typ) and isinstance(values.dtype, pd.StringDtype))
        arr = pa.array(values if as_is else values.tolist(), type=typ, from_pandas=True)
        arrays.append(arr)
        fields.append(pa.field(c, arr.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def pack(df: pd.DataFrame) -> bytes | pd.DataFrame:
    """A table as zstd-compressed Parquet bytes in memory (a build's parsed rows until the parse
    ends: under a third of the DataFrame's size), or the DataFrame itself when Arrow cannot
    hold a column (mixed types): it is then only kept larger, never lost."""
    buf = io.BytesIO()
    try:
        df.to_parquet(buf, index=False, compression="zstd")
    except (pa.ArrowException, ValueError, TypeError):
        return df
    return buf.getvalue()


def unpack(packed: bytes | pd.DataFrame) -> pd.DataFrame:
    """The DataFrame `pack` was given (the same columns, dtypes and values)."""
    return packed if isinstance(packed, pd.DataFrame) else pd.read_parquet(io.BytesIO(packed))


def table_path(cache: Path, name: str) -> Path:
    """`NAME.parquet` in the cache: a file, or a folder of part files."""
    return Path(cache) / f"{name}.parquet"


def write_table(cache: Path, name: str, df: pd.DataFrame, part_rows: int = PART_ROWS) -> Path:
    """Write one table atomically: one file, or a folder of parts when over `part_rows` rows."""
    path = table_path(cache, name)
    _write_arrow(path, to_arrow(name, df.reset_index(drop=True)), part_rows)
    release_memory()                    # the Arrow copy is gone: hand its buffers back
    return path


def _write_arrow(path: Path, table: pa.Table, part_rows: int) -> None:
    if table.num_rows <= part_rows:
        _atomic_write(path, lambda tmp: pq.write_table(table, tmp))
        return
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    os.chmod(tmp_dir, 0o777 & ~_umask())
    for i, start in enumerate(range(0, table.num_rows, part_rows)):
        pq.write_table(table.slice(start, part_rows), tmp_dir / f"part-{i:05d}.parquet")
    if path.is_dir():
        shutil.rmtree(path)
    path.unlink(missing_ok=True)
    os.replace(tmp_dir, path)


def write_manifest(cache: Path, manifest: dict) -> Path:
    """Write manifest.json atomically (last step of a build)."""
    path = Path(cache) / MANIFEST
    data = json.dumps(manifest, indent=2, default=str, ensure_ascii=False)
    _atomic_write(path, lambda tmp: Path(tmp).write_text(data, encoding="utf-8"))
    return path


# ---------------------------------------------------------------- reading

def read_manifest(cache: Path) -> dict | None:
    """The manifest, or None when there is none (or it is unreadable)."""
    path = Path(cache) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def table_files(cache: Path, name: str) -> list[str]:
    """The Parquet files of a table (one, or its parts), for DuckDB or pyarrow scans."""
    path = table_path(cache, name)
    if path.is_dir():
        return [str(p) for p in sorted(path.glob("*.parquet"))]
    return [str(path)] if path.is_file() else []


def read_arrow(cache: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """One table as Arrow (both layouts), optionally only some columns."""
    path = table_path(cache, name)
    files = table_files(cache, name)
    if not files:
        raise CacheError(f"{path} is missing: build the cache with `python -m pipeline build`")
    try:
        parts = [pq.read_table(f, columns=columns) for f in files]
        return pa.concat_tables(parts, promote_options="default") if len(parts) > 1 else parts[0]
    except (OSError, pa.ArrowException) as e:
        raise CacheError(f"{path} is unreadable: {e}") from None


def read_table(cache: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table as a DataFrame (dates as `datetime.date`, lists as Python lists)."""
    df = read_arrow(cache, name, columns).to_pandas(date_as_object=True)
    release_memory()
    return df


def has_table(cache: Path, name: str) -> bool:
    return bool(table_files(cache, name))


def missing(cache: Path) -> CacheError:
    """The error for a folder that holds no complete build, with what to run."""
    return CacheError(f"no cache at {cache} (manifest.json missing): run `make run` or "
                      f"`python -m pipeline build data/sample --out {cache}`")


def manifest_stamp(cache: Path) -> str | None:
    """Changes whenever a build or re-link writes a manifest (always a new file); None without one.

    The manifest's inode, size and mtime: no need to read and parse a manifest that lists 19k
    input files on every rerun of the app."""
    try:
        s = os.stat(Path(cache) / MANIFEST)
    except OSError:
        return None
    return f"{s.st_ino}-{s.st_size}-{s.st_mtime_ns}"


def read_text(cache: Path, doc_id: str) -> str | None:
    """One article's text by doc_id: a DuckDB scan that decodes the text of the matching rows only
    (about 50 ms at 19k articles, against 0.4 s for reading the whole text column)."""
    import duckdb
    files = table_files(cache, "documents")
    if not files:
        return None
    with duckdb.connect() as con:
        row = con.execute("SELECT text FROM read_parquet(?) WHERE doc_id = ? LIMIT 1", [files, doc_id]).fetchone()
    return None if row is None else row[0]


def read_leads(cache: Path, doc_ids: list[str], chars: int = 90) -> dict[str, str]:
    """The first `chars` characters of the lead paragraph of these articles (for untitled ones):
    DuckDB reads only those rows and characters, not the text column."""
    import duckdb
    files = table_files(cache, "documents")
    if not files or not doc_ids:
        return {}
    with duckdb.connect() as con:
        cols = {r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [files]).fetchall()}
        start = "coalesce(lead_start, 0)" if "lead_start" in cols else "0"
        rows = con.execute(f"SELECT doc_id, substr(text, {start} + 1, ?) FROM read_parquet(?) "
                           f"WHERE doc_id IN (SELECT unnest(?))", [chars, files, list(doc_ids)]).fetchall()
    return {d: t for d, t in rows if t}


def read_cache(cache: Path, tables: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """The named tables of a built cache; raises CacheError when it is not a complete build.

    Reads from one generation even if a build swaps the pointer meanwhile."""
    cache = resolve(Path(cache))
    if read_manifest(cache) is None:
        raise missing(cache)
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
