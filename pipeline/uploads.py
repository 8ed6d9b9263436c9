"""Files handed in through the browser -> files in the upload folder, each saved or refused with a reason.

`accept` checks every file (size, type sniffed from content, zip limits, safe names, duplicate
content) and writes the good ones into the upload folder, which the next build reads as one of
its inputs. Nothing here raises for bad input: each refusal names the file and the reason, and
the rest of the batch is kept. Writes are atomic (a temporary file, then one rename), so a build
never reads half a file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import resources as R
from .inputs import sniff
from .inputs.ingest import META_FIELDS, NOT_ARTICLES, SIDECAR

UPLOAD_TYPES = ("txt", "md", "html", "htm", "jsonl", "csv", "zip")   # what the page offers


@dataclass(frozen=True)
class Limits:
    """How much one batch may hold. Defaults suit a laptop and a shared server alike."""
    file_bytes: int = 50 * 1024 * 1024          # one uploaded file (the build's own limit too)
    total_bytes: int = 200 * 1024 * 1024        # everything uploaded at once
    zip_entries: int = 5_000                    # files inside one zip
    unzipped_bytes: int = 500 * 1024 * 1024     # everything inside one zip, uncompressed


@dataclass
class Report:
    """What became of a batch: saved files (source name -> path) and refusals (source name, reason)."""
    saved: list[tuple[str, Path]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    metadata_rows: int = 0


UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"|?*\\]')     # C0 and C1 controls, Windows' reserved
LEADING = re.compile(r"^[\s.]+")          # dots and spaces in any order: " . .x" must not become ".x"
INVISIBLE = dict.fromkeys(map(ord, R.INVISIBLE_CHARS), None)
KIND_SUFFIX = {"html": ".html", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "txt": ".txt"}
MAX_NAME = 120
MAX_NAME_BYTES = 200       # UTF-8 bytes: file systems allow 255, and "-2" or a new suffix need room


def safe_part(part: str) -> str:
    """One path component made harmless: no separators, controls, invisible marks or leading dots."""
    part = unicodedata.normalize("NFC", part).translate(INVISIBLE)
    part = LEADING.sub("", UNSAFE.sub("_", part)).rstrip()
    if len(part) > MAX_NAME or len(part.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = part.rpartition(".")
        if dot and len(ext) <= 10:
            part = _cut(stem, MAX_NAME - len(ext) - 1, MAX_NAME_BYTES - len(ext.encode("utf-8")) - 1) + dot + ext
        else:
            part = _cut(part, MAX_NAME, MAX_NAME_BYTES)
    return part


def _cut(s: str, chars: int, nbytes: int) -> str:
    """`s` cut to at most `chars` characters and `nbytes` bytes of UTF-8 (never inside a character)."""
    return s[:chars].encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def safe_name(name: str) -> str | None:
    """The base name of an uploaded file, made safe; None when nothing usable is left.

    `../../x.txt` -> `x.txt`, `C:\\docs\\a.txt` -> `a.txt`, `.bashrc` -> `bashrc`."""
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    base = safe_part(base)
    return base or None


def safe_path(name: str) -> str | None:
    """A relative path inside a zip made safe: `..`, `.` and empty parts dropped, each part cleaned."""
    parts = [safe_part(p) for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    parts = [p for p in parts if p]
    return "/".join(parts) or None


def kind_of(name: str, data: bytes) -> str:
    """The type of a file from its content: zip, html, jsonl, csv, md or txt; ValueError why not."""
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if sniff.has_bom(data):
        sniff.decode(data)                       # a broken BOM file is refused here, with the reason
    elif (binary := sniff.binary_kind(data)) is not None:
        raise ValueError(f"binary file ({binary}), not an article")
    if sniff.looks_like_html(data):
        return "html"
    sniff.decode(data)                           # binary or undecodable: ValueError with the reason
    ext = PurePosixPath(name.lower()).suffix.lstrip(".")
    if ext == "zip":
        raise ValueError("named .zip but is not a zip archive")
    if ext in ("jsonl", "csv", "md"):
        return ext
    if ext in ("txt", "html", "htm", ""):
        return "txt"                             # an .html file with no markup is plain text
    raise ValueError(f"unsupported file type .{ext}; use one of {', '.join('.' + t for t in UPLOAD_TYPES)}")


def with_suffix(name: str, kind: str) -> str:
    """`name` with the extension its content calls for (`page.txt` holding HTML -> `page.html`)."""
    want = KIND_SUFFIX[kind]
    p = PurePosixPath(name)
    if p.suffix.lower() == want or (kind == "html" and p.suffix.lower() == ".htm"):
        return name
    return str(p.with_suffix(want)) if p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".csv", ".jsonl"} \
        else name + want


def content_hashes(folder: Path) -> dict[str, Path]:
    """sha256 -> file for what the upload folder already holds (duplicates are kept once)."""
    out: dict[str, Path] = {}
    if folder.is_dir():
        for p in sorted(folder.rglob("*")):
            if p.is_file() and not p.is_symlink() and not p.name.startswith(".") and p.name != SIDECAR:
                out.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), p)
    return out


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def free_path(folder: Path, rel: str) -> Path:
    """`folder/rel`, or `name-2.ext`, `name-3.ext`, … when that name is taken."""
    target = folder / rel
    n = 2
    while target.exists():
        p = PurePosixPath(rel)
        target = folder / p.with_name(f"{p.stem}-{n}{p.suffix}")
        n += 1
    return target


class _Batch:
    """The state of one `accept` call: the folder, limits, seen content and the report."""

    def __init__(self, folder: Path, limits: Limits):
        self.folder, self.limits, self.report = folder, limits, Report()
        self.seen = content_hashes(folder)
        self.renames: dict[str, str] = {}         # name in a metadata CSV -> path saved, relative to folder
        self.metadata: list[tuple[str, bytes, str]] = []   # (source, bytes, prefix for its names)

    def refuse(self, source: str, reason: str) -> None:
        self.report.refused.append((source, reason))

    def add(self, source: str, rel: str, data: bytes, in_zip: bool = False) -> None:
        """Check one file and save it under `rel` (a safe relative path)."""
        if len(data) > self.limits.file_bytes:
            return self.refuse(source, f"{len(data) / 1e6:.1f} MB, over the "
                                       f"{self.limits.file_bytes / 1e6:.0f} MB limit per file")
        try:
            kind = kind_of(rel, data)
        except ValueError as e:
            return self.refuse(source, str(e))
        if kind == "zip":
            if in_zip:
                return self.refuse(source, "a zip inside a zip: nested archives are not opened")
            return self.unzip(source, rel, data)
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.seen:
            where = self.seen[digest]
            return self.refuse(source, f"same content as {where.relative_to(self.folder).as_posix()}, "
                                       f"already uploaded: kept once")
        try:
            target = free_path(self.folder, with_suffix(rel, kind))
            write_atomic(target, data)
        except OSError as e:        # a path too long, or a zip's file where its folder must go ("a.txt/b.txt")
            return self.refuse(source, f"cannot be saved as {with_suffix(rel, kind)}: {e.strerror or e}")
        self.seen[digest] = target
        saved = target.relative_to(self.folder).as_posix()
        self.renames[rel] = saved
        self.renames.setdefault(PurePosixPath(rel).name, saved)
        self.report.saved.append((source, target))

    def unzip(self, source: str, rel: str, data: bytes) -> None:
        """Every member of a zip, within the limits; its root metadata.csv describes its files."""
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            members = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError) as e:
            return self.refuse(source, f"not a readable zip archive ({e})")
        if not members:
            return self.refuse(source, "an empty zip archive: no files inside")
        if len(members) > self.limits.zip_entries:
            return self.refuse(source, f"{len(members):,} files inside, over the "
                                       f"{self.limits.zip_entries:,} limit per zip")
        folder = safe_part(PurePosixPath(rel).stem) or "archive"
        budget = self.limits.unzipped_bytes
        for info in members:
            name = f"{source}/{info.filename}"
            inner = safe_path(info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                self.refuse(name, "a symbolic link inside a zip: not followed")
            elif info.flag_bits & 0x1:
                self.refuse(name, "encrypted zip entry: cannot be read")
            elif inner is None or any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX"
                                        for p in info.filename.replace("\\", "/").split("/")):
                self.refuse(name, "hidden or system file: skipped")
            elif budget <= 0:
                self.refuse(name, f"the zip unpacks to more than {self.limits.unzipped_bytes / 1e6:.0f} MB: "
                                  f"the rest of it is not read")
            else:
                want = min(self.limits.file_bytes, budget)
                body = self._read(zf, info, want + 1)
                if body is None:
                    self.refuse(name, "damaged zip entry: cannot be read")
                elif len(body) > want and want == self.limits.file_bytes:
                    self.refuse(name, f"unpacks to over the {self.limits.file_bytes / 1e6:.0f} MB limit per file")
                elif len(body) > want:
                    budget = 0
                    self.refuse(name, f"the zip unpacks to more than {self.limits.unzipped_bytes / 1e6:.0f} MB: "
                                      f"the rest of it is not read")
                else:
                    budget -= len(body)
                    self.member(name, folder, inner, body)

    def member(self, name: str, folder: str, inner: str, body: bytes) -> None:
        """One readable zip member: the zip's own metadata.csv, or a file to add."""
        base = PurePosixPath(inner).name.lower()
        if base == SIDECAR and "/" not in inner:
            self.metadata.append((name, body, folder + "/"))
        elif base in NOT_ARTICLES:
            self.refuse(name, "an aliases or metadata file below the zip's top folder: not read")
        else:
            self.add(name, f"{folder}/{inner}", body, in_zip=True)

    @staticmethod
    def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
        """At most `limit` bytes of a member, whatever size its header claims (zip bombs lie)."""
        try:
            with zf.open(info) as f:
                return f.read(limit)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            return None


def _metadata_rows(source: str, data: bytes, prefix: str, renames: dict[str, str]
                   ) -> tuple[list[dict], str | None]:
    """The rows of an uploaded metadata CSV, their `file` names pointing at the saved files."""
    try:
        rows = list(csv.DictReader(io.StringIO(sniff.decode(data))))
    except (ValueError, csv.Error) as e:
        return [], f"metadata CSV cannot be read: {e}"
    out = []
    for row in rows:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        if "file" not in row:
            return [], f"metadata CSV has no 'file' column (columns: file, {', '.join(META_FIELDS)})"
        name = row["file"]
        key = safe_path(name) or ""
        row["file"] = (renames.get(prefix + key) or renames.get(key) or renames.get(safe_name(name) or "")
                       or (prefix + key if prefix else key))
        out.append({k: row.get(k, "") for k in ("file", *META_FIELDS)})
    return out, None


def merge_metadata(folder: Path, rows: list[dict]) -> None:
    """Add rows to the upload folder's metadata.csv; a new row for a file replaces its old one."""
    path = folder / SIDECAR
    merged: dict[str, dict] = {}
    if path.is_file():
        for row in csv.DictReader(io.StringIO(sniff.decode(path.read_bytes()))):
            if row.get("file"):
                merged[row["file"]] = {k: row.get(k) or "" for k in ("file", *META_FIELDS)}
    for row in rows:
        merged[row["file"]] = row
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["file", *META_FIELDS], lineterminator="\n")
    w.writeheader()
    w.writerows(merged.values())
    write_atomic(path, buf.getvalue().encode("utf-8"))


def accept(files: list[tuple[str, bytes]], folder: Path, metadata: list[tuple[str, bytes]] = (),
           limits: Limits = Limits()) -> Report:
    """Save the acceptable `files` (name, bytes) into `folder`; refuse the rest with reasons.

    `metadata`: uploaded metadata CSVs (name, bytes), merged into `folder/metadata.csv` with their
    `file` names pointing at the files as saved."""
    batch = _Batch(folder, limits)
    total = 0
    for name, data in files:
        total += len(data)
        safe = safe_name(name)
        if total > limits.total_bytes:
            batch.refuse(name, f"the upload is over the {limits.total_bytes / 1e6:.0f} MB limit in total: "
                               f"add the rest in another batch")
        elif safe is None:
            batch.refuse(name, "no usable file name")
        elif safe.lower() == SIDECAR:
            batch.metadata.append((name, data, ""))
        elif safe.lower() in NOT_ARTICLES:
            batch.refuse(name, "actor aliases are edited on the Actors page, not uploaded")
        else:
            batch.add(name, safe, data)
    rows: list[dict] = []
    for name, data, prefix in [*((n, d, "") for n, d in metadata), *batch.metadata]:
        got, problem = _metadata_rows(name, data, prefix, batch.renames)
        if problem:
            batch.refuse(name, problem)
        rows.extend(got)
    if rows:
        merge_metadata(folder, rows)
    batch.report.metadata_rows = len(rows)
    return batch.report

