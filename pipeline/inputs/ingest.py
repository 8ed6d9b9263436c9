"""Ingest: read input files into RawArticle records. Every problem is an InputError, never a crash.

Supported inputs: `.txt` and `.md` (one article per file), `.html`/`.htm` (and `.html.gz`: the
page's article, see `webpage`), `.jsonl` (one JSON object per line) and `.csv` (one row per
article), both with a `text` column/field, plus a `metadata.csv` sidecar (columns `file`, and
any of `title`, `outlet`, `published`, `url`). Encodings and binary files are sniffed (`sniff`).
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .article import RawArticle
from . import sniff, webpage
from .publication import parse_date, plausible

TEXT_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".html.gz", ".htm.gz"}
SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES
SIDECAR = "metadata.csv"
NOT_ARTICLES = {SIDECAR, "aliases.csv"}     # our own CSVs inside an input folder
MAX_BYTES = 50 * 1024 * 1024          # one input file; larger ones are rejected, not read
META_FIELDS = ("title", "outlet", "url", "published")


@dataclass
class InputError:
    """A rejected input: the file (or `file#n` record) and why."""
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class InputFile:
    """One input file found on disk, with the folder its metadata names are relative to."""
    path: Path
    root: Path


def suffix(path: Path) -> str:
    """The file type by name: `.txt`, `.html.gz`, … (lower case)."""
    name = path.name.lower()
    for double in (".html.gz", ".htm.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def discover(inputs: list[Path]) -> tuple[list[InputFile], list[InputError]]:
    """Files to read from INPUT arguments (files or folders, folders walked recursively).

    Hidden files and our own CSVs are passed over; symlinks that lead outside their input folder
    are skipped with a reason; other file types get one summary line per folder."""
    found: list[InputFile] = []
    errors: list[InputError] = []
    for inp in inputs:
        if inp.is_dir():
            files, errs = _walk(inp)
            found.extend(files)
            errors.extend(errs)
        elif inp.is_file():
            if suffix(inp) not in SUFFIXES:
                errors.append(InputError(str(inp), f"unsupported file type {suffix(inp) or '(none)'!r}; "
                                                   f"use one of {', '.join(sorted(SUFFIXES))}"))
            else:
                found.append(InputFile(inp, inp.parent))
        else:
            errors.append(InputError(str(inp), "no such file or folder"))
    return found, errors


def _walk(folder: Path) -> tuple[list[InputFile], list[InputError]]:
    """The article files below `folder`, in path order (`os.scandir`: no stat call per plain file).

    Hidden files and folders are passed over; symlinks leading outside the folder are skipped with
    a reason; other file types get one summary line."""
    root = folder.resolve()
    found: list[tuple[tuple[str, ...], Path]] = []
    errors: list[InputError] = []
    other: dict[str, int] = {}
    stack: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while stack:
        where, parts = stack.pop()
        with os.scandir(where) as entries:
            for e in entries:
                if e.name.startswith("."):
                    continue
                link = e.is_symlink()
                if link and not _inside(Path(e.path), root):
                    errors.append(InputError(e.path, "symlink pointing outside the input folder: skipped"))
                elif e.is_dir(follow_symlinks=False):
                    stack.append((e.path, parts + (e.name,)))
                elif link and os.path.isdir(e.path):
                    continue                      # a link to a folder inside: its files are read there
                else:
                    kind = suffix(Path(e.name))
                    if kind not in SUFFIXES:
                        other[kind or "(no extension)"] = other.get(kind or "(no extension)", 0) + 1
                    elif e.name not in NOT_ARTICLES and e.is_file():
                        found.append((parts + (e.name,), Path(e.path)))
    if other:
        n = sum(other.values())
        errors.append(InputError(str(folder), f"skipped {n} file{'s' if n > 1 else ''} of unsupported "
                                              f"type{'s' if len(other) > 1 else ''}: {', '.join(sorted(other))}"))
    errors.sort(key=lambda e: e.path)
    return [InputFile(p, folder) for _, p in sorted(found)], errors


def relative(path: Path, root: Path) -> str | None:
    """`path` relative to `root` as a POSIX string, or None when it is not below it.

    String work, not `Path.relative_to`: this runs once per file and folders hold thousands."""
    p, r = path.as_posix(), root.as_posix().rstrip("/")
    if p.startswith(r + "/"):
        return p[len(r) + 1:]
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):          # a symlink loop
        return False


def read_bytes(path: Path) -> bytes:
    """Raw bytes of a file, refusing files that are too large."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit")
    return path.read_bytes()


def file_hash(path: Path) -> str:
    """sha256 of a file's bytes, for the manifest and staleness checks."""
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _meta_value(row: dict, key: str) -> str | None:
    v = row.get(key)
    if v is None:
        return None
    v = str(v).strip()
    return v or None


def _meta_from_row(row: dict) -> dict:
    """title/outlet/url/published from a record or sidecar row; bad dates become None."""
    out = {k: _meta_value(row, k) for k in ("title", "outlet", "url")}
    raw = _meta_value(row, "published") or _meta_value(row, "date")
    out["published"] = plausible(parse_date(raw)) if raw else None
    return out


def read_metadata(path: Path) -> tuple[dict[str, dict], list[InputError]]:
    """The sidecar: {file name relative to its folder: metadata}. Bad rows are errors, not crashes."""
    errors: list[InputError] = []
    try:
        rows = list(csv.DictReader(io.StringIO(sniff.decode(read_bytes(path)))))
    except (OSError, ValueError, csv.Error) as e:
        return {}, [InputError(str(path), f"cannot read metadata: {e}")]
    if rows and "file" not in rows[0]:
        return {}, [InputError(str(path), "metadata CSV has no 'file' column")]
    meta: dict[str, dict] = {}
    for i, row in enumerate(rows, start=2):
        name = _meta_value(row, "file")
        if not name:
            errors.append(InputError(f"{path}:{i}", "metadata row without a file name"))
            continue
        m = _meta_from_row(row)
        raw = _meta_value(row, "published")
        if raw and m["published"] is None:
            errors.append(InputError(f"{path}:{i}", f"unreadable published date {raw!r} (use YYYY-MM-DD)"))
        meta[name.replace("\\", "/")] = m
    return meta, errors


def _records(f: InputFile, text: str) -> tuple[list[RawArticle], list[InputError]]:
    """Articles of a JSONL or CSV file: one per record with a non-empty `text`."""
    arts: list[RawArticle] = []
    errs: list[InputError] = []
    if f.path.suffix.lower() == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(InputError(f"{f.path}#{n}", f"invalid JSON: {e.msg}"))
                continue
            if not isinstance(obj, dict):
                errs.append(InputError(f"{f.path}#{n}", "JSON line is not an object"))
                continue
            rows.append((n, obj))
    else:
        try:
            reader = csv.DictReader(io.StringIO(text))
            rows = [(n, row) for n, row in enumerate(reader, start=1)]
        except csv.Error as e:
            return [], [InputError(str(f.path), f"invalid CSV: {e}")]
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            return [], [InputError(str(f.path), "CSV has no 'text' column")]
    for n, row in rows:
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            errs.append(InputError(f"{f.path}#{n}", "record has no text"))
            continue
        m = _meta_from_row({k: v for k, v in row.items() if isinstance(v, (str, int, float))})
        arts.append(RawArticle(path=f"{f.path}#{n}", text=body, **m))
    return arts, errs


def metadata_for(f: InputFile, meta: dict[str, dict]) -> dict:
    """The sidecar row of a plain-text file (by path relative to its folder, else by name)."""
    if f.path.suffix.lower() in RECORD_SUFFIXES:
        return {}
    rel = relative(f.path, f.root) or f.path.name
    return meta.get(rel) or meta.get(f.path.name) or {}


def read_file(f: InputFile, meta: dict[str, dict]) -> tuple[list[RawArticle], list[InputError]]:
    """Articles of one input file, with sidecar metadata applied to plain-text and HTML files."""
    kind = suffix(f.path)
    try:
        data = read_bytes(f.path)
        if kind in (".html.gz", ".htm.gz"):
            data = webpage.gunzip(data, MAX_BYTES)
        text = sniff.decode(data)
    except (OSError, ValueError, EOFError) as e:
        why = f"cannot read: {e.strerror or e}" if isinstance(e, OSError) and not isinstance(e, ValueError) else str(e)
        return [], [InputError(str(f.path), why)]
    if kind in RECORD_SUFFIXES:
        return _records(f, text)
    if not text.strip():
        return [], [InputError(str(f.path), "empty file")]
    m = {k: v for k, v in metadata_for(f, meta).items() if v is not None}
    if kind in HTML_SUFFIXES or (kind in TEXT_SUFFIXES and sniff.looks_like_html(data)):
        try:
            page = webpage.extract(text)
        except webpage.NoArticle as e:
            return [], [InputError(str(f.path), str(e))]
        own = {"title": page.title, "outlet": page.outlet, "url": page.url, "published": page.published}
        return [RawArticle(path=str(f.path), text=page.text, **{k: m.get(k) or own[k] for k in META_FIELDS})], []
    return [RawArticle(path=str(f.path), text=text, **{k: m.get(k) for k in META_FIELDS})], []


def sidecars(inputs: list[Path], metadata: Path | None = None) -> list[Path]:
    """The metadata files of a build: `metadata` when given, else `metadata.csv` in each input folder."""
    if metadata:
        return [metadata]
    return [p / SIDECAR for p in inputs if p.is_dir() and (p / SIDECAR).is_file()]


def unmatched_metadata(meta: dict[str, dict], files: list[InputFile], cars: list[Path]) -> list[InputError]:
    """A warning for each metadata row that names no input file (a typo, a moved file)."""
    names = set()
    for f in files:
        names.add(f.path.name)
        rel = relative(f.path, f.root)
        if rel:
            names.add(rel)
    where = ", ".join(map(str, cars)) or "metadata"
    return [InputError(where, f"metadata row for {name!r}, which is not among the inputs: ignored")
            for name in sorted(meta) if name not in names]


def read_sidecars(paths: list[Path]) -> tuple[dict[str, dict], list[InputError]]:
    """All sidecars' rows as one {file name: metadata}; unreadable ones are errors."""
    meta: dict[str, dict] = {}
    errors: list[InputError] = []
    for sc in paths:
        if not sc.is_file():
            errors.append(InputError(str(sc), "metadata file not found"))
            continue
        m, errs = read_metadata(sc)
        meta.update(m)
        errors.extend(errs)
    return meta, errors


def read_inputs(inputs: list[Path], metadata: Path | None = None) -> tuple[list[RawArticle], list[InputError], list[Path]]:
    """All articles under INPUTs. Returns (articles, errors, files read), errors never raise."""
    files, errors = discover(inputs)
    cars = sidecars(inputs, metadata)
    meta, meta_errors = read_sidecars(cars)
    errors.extend(meta_errors)
    articles: list[RawArticle] = []
    for f in files:
        arts, errs = read_file(f, meta)
        articles.extend(arts)
        errors.extend(errs)
    return articles, errors, [f.path for f in files] + cars
