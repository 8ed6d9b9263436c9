"""Build: inputs -> cache. Orchestrates ingest, clean, the per-document engine, corpus steps, store.

Also decides whether a cache is stale (inputs, aliases, pipeline code or model changed) and
re-derives the actor tables after the user edits aliases, without re-parsing.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path

import pandas as pd

from . import PIPELINE_VERSION, engine, events, ingest, link, nlp, similar, store
from .article import Article, doc_id_for
from .clean import clean
from .ingest import InputError

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ALIASES = Path("data/aliases.csv")
MAX_ARTICLE_CHARS = 1_000_000      # about 170k words, several minutes of parsing for one article


@dataclass
class BuildReport:
    """What a build did: counts, rejected inputs and where the cache is."""
    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    skipped: bool = False


def code_hash() -> str:
    """Hash of the pipeline's own source: a code change makes every cache stale."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE_DIR.glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def model_info(name: str) -> dict:
    """Model name and installed version, without loading it."""
    try:
        version = importlib_metadata.version(name.replace("_", "-"))
    except importlib_metadata.PackageNotFoundError:
        version = "?"
    return {"name": name, "version": version}


def fingerprint(inputs: list[Path], metadata: Path | None, aliases: Path | None, model: str) -> dict:
    """Everything a cache depends on; equal fingerprints mean the cache is fresh."""
    files, _ = ingest.discover(inputs)
    paths = [f.path for f in files]
    if metadata:
        paths.append(metadata)
    else:
        paths += [p / ingest.SIDECAR for p in inputs if p.is_dir() and (p / ingest.SIDECAR).is_file()]
    return {
        "pipeline_version": PIPELINE_VERSION,
        "code_hash": code_hash(),
        "model": model_info(model),
        "inputs": [{"path": str(p), "sha256": ingest.file_hash(p)} for p in paths if p.is_file()],
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


def _unique_ids(articles: list[Article]) -> tuple[list[str], dict[str, str]]:
    """doc_ids (hash of cleaned text), made unique; identical texts point at the first copy."""
    ids, first, dup = [], {}, {}
    for a in articles:
        d = a.doc_id
        if d in first:
            orig = first[d]
            d = doc_id_for(a.text + "\x00" + a.path)
            dup[d] = orig
        else:
            first[d] = d
        ids.append(d)
    return ids, dup


def _documents(results, ids: list[str], dup: dict[str, str]) -> pd.DataFrame:
    rows = []
    for r, d in zip(results, ids):
        a = r.article
        rows.append({"doc_id": d, "path": a.path, "title": a.title, "outlet": a.outlet, "url": a.url,
                     "published": a.published, "date_source": a.date_source, "text": a.text,
                     "n_words": r.n_words, "duplicate_of": dup.get(d),
                     "lead_start": r.lead[0] if r.lead else None, "lead_end": r.lead[1] if r.lead else None,
                     "dated_from": None, "cleaning_notes": len(a.notes)})
    return pd.DataFrame(rows, columns=["doc_id", "path", "title", "outlet", "url", "published", "date_source",
                                       "text", "n_words", "duplicate_of", "lead_start", "lead_end",
                                       "dated_from", "cleaning_notes"])


def _corpus_dates(docs: pd.DataFrame) -> None:
    """Near-duplicates and `similar` publication dates (in place)."""
    near = similar.near_duplicates(list(zip(docs.doc_id, docs.text)))
    docs["duplicate_of"] = [dup if dup is not None else near.get(d) for d, dup in zip(docs.doc_id, docs.duplicate_of)]
    found = similar.similar_dates(docs[["doc_id", "text", "published", "date_source"]].to_dict("records"))
    for i, d in enumerate(docs.doc_id):
        if d in found and pd.isna(docs.at[i, "published"]):
            docs.at[i, "published"] = found[d][0]
            docs.at[i, "date_source"] = "similar"
            docs.at[i, "dated_from"] = found[d][1]


def _frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for c in cols:
        if c not in df.columns:
            df[c] = pd.Series(dtype=object)
    return df


QUOTE_COLS = ["doc_id", "text", "kind", "start", "end", "speaker", "speaker_start", "speaker_end",
              "speaker_ref_start", "speaker_ref_end", "cue"]


def _quotes_raw(results, ids) -> pd.DataFrame:
    rows = [{**q, "doc_id": d} for r, d in zip(results, ids) for q in r.quotes]
    q = _frame(rows, QUOTE_COLS)
    q["speaker_raw"] = q["speaker"]
    q["quote_id"] = [link.stable_id(d, s, e, k) for d, s, e, k in zip(q.doc_id, q.start, q.end, q.kind)]
    return q


def _events_raw(results, ids, docs: pd.DataFrame) -> pd.DataFrame:
    published = dict(zip(docs.doc_id, docs.published))
    rows = []
    for r, d in zip(results, ids):
        pub = published.get(d)
        pub = None if pd.isna(pub) else pub
        rows += events.build_events(d, r.article.text, pub, r.lead, r.timexes)
    return _frame(rows, ["event_id", "doc_id", "date", "date_end", "granularity", "expression", "expr_start",
                         "expr_end", "date_source", "sentence", "start", "end"])


def _mentions_raw(results, ids) -> pd.DataFrame:
    rows = [{**m, "doc_id": d} for r, d in zip(results, ids) for m in r.mentions]
    return _frame(rows, link.MENTION_COLS)


def build(inputs: list[Path], out: Path, metadata: Path | None = None, aliases: Path | None = None,
          model: str | None = None, jobs: int | None = None, if_stale: bool = False,
          progress: bool = True, log=lambda msg: print(msg, file=sys.stderr)) -> BuildReport:
    """Build the cache in `out` from `inputs`. Rejected inputs are reported, never fatal."""
    model = model or nlp.model_name()
    if aliases is None and DEFAULT_ALIASES.is_file():
        aliases = DEFAULT_ALIASES
    fp = fingerprint(inputs, metadata, aliases, model)
    report = BuildReport(out=out)
    if if_stale and is_fresh(out, fp):
        man = store.read_manifest(out) or {}
        report.skipped = True
        report.counts = man.get("counts", {})
        report.errors = [InputError(e["path"], e["reason"]) for e in man.get("errors", [])]
        log(f"Cache in {out} is up to date ({report.counts.get('documents', 0)} documents); skipping the build.")
        return report
    started = datetime.now(timezone.utc)
    raws, errors, _ = ingest.read_inputs(inputs, metadata)
    articles: list[Article] = []
    for raw in raws:
        try:
            cleaned = clean(raw)
        except Exception as e:  # noqa: BLE001 - one bad record never stops the build
            errors.append(InputError(raw.path, f"cleaning failed: {type(e).__name__}: {e}"))
            continue
        if not cleaned:
            errors.append(InputError(raw.path, "no article text left after cleaning "
                                               "(only headlines, captions, tables or boilerplate)"))
        for a in cleaned:
            if len(a.text) > MAX_ARTICLE_CHARS:
                errors.append(InputError(a.path, f"article is {len(a.text):,} characters, over the "
                                                 f"{MAX_ARTICLE_CHARS:,} limit: split it into articles"))
            else:
                articles.append(a)
    log(f"Read {len(raws)} records ({len(articles)} articles) from {len(inputs)} input(s); "
        f"{len(errors)} rejected.")
    bar = _progress_bar(len(articles)) if progress and articles else None
    results = list(engine.run(articles, model, jobs, progress=bar.update if bar else (lambda n: None)))
    if bar:
        bar.close()
    for r in results:
        errors.extend(InputError(r.article.path, e) for e in r.errors)
    ids, dup = _unique_ids([r.article for r in results])
    docs = _documents(results, ids, dup)
    _corpus_dates(docs)
    mentions_raw = _mentions_raw(results, ids)
    quotes = _quotes_raw(results, ids)
    evs = _events_raw(results, ids, docs)
    alias_df = read_aliases(aliases)
    tables = link.derive(mentions_raw, quotes, evs, alias_df)
    tables["documents"] = docs
    tables["mentions_raw"] = mentions_raw
    write_all(out, tables)
    report.counts = {k: int(len(v)) for k, v in tables.items() if k in store.TABLES}
    report.errors = errors
    manifest = {**fp, "counts": report.counts,
                "errors": [{"path": e.path, "reason": e.reason} for e in errors],
                "metadata": str(metadata) if metadata else None,
                "started": started.isoformat(timespec="seconds"),
                "finished": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    store.write_manifest(out, manifest)
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


def write_all(out: Path, tables: dict[str, pd.DataFrame]) -> None:
    for name in store.TABLES + store.INTERNAL_TABLES:
        if name in tables:
            store.write_table(out, name, tables[name])


def relink(out: Path, aliases: Path) -> dict[str, int]:
    """Re-derive actors, mentions, quote speakers and event actors after an alias edit."""
    t = store.read_cache(out, ("documents", "quotes", "events", "mentions_raw"))
    tables = link.derive(t["mentions_raw"], t["quotes"], t["events"], read_aliases(aliases))
    write_all(out, tables)
    man = store.read_manifest(out) or {}
    man["aliases"] = {"path": str(aliases), "sha256": ingest.file_hash(aliases) if aliases.is_file() else None}
    man["counts"] = {**man.get("counts", {}), **{k: int(len(v)) for k, v in tables.items()}}
    man["relinked"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    store.write_manifest(out, man)
    return man["counts"]
