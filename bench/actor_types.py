"""Benchmark: actor types and merges against a small hand-typed gold from Reuters-21578 stories.

usage: python bench/actor_types.py [--data DIR] [--gold CSV] [--corpus CACHE] [--keep DIR] [--errors]

1. Reads the gold (`bench/actor_types_gold.csv`: story NEWID, entity surface form, expected
   canonical actor, expected type, error class). The gold holds no story text: the stories are
   extracted from DIR/reuters21578.tar.gz (default /work/shared/eval/reuters21578; exits 0 with
   "skip: ..." when absent) into a temp dir (or --keep DIR), never into the repository.
2. Builds those stories with the current pipeline (`python -m pipeline build --jobs 1`).
3. Resolves actors corpus-wide: the gold stories alone, or, with --corpus CACHE (a built cache with
   `mentions_raw`, e.g. 19k Reuters stories), the cache's mentions with the gold stories' rows
   replaced by the fresh ones (actor resolution needs no re-parse, so this takes seconds).
4. Prints, on the gold entities found in their story (surface form == mention text):
   - Dossier: the type of the actor the mentions resolve to (the figure the pages show);
   - per-mention type (after the per-document rules, before corpus resolution);
   - raw spaCy: the NER label of the same mentions (baseline; "RULE" mentions count as missed);
   - names: the actor's display name equals the expected canonical name (" (city)" ignored).
5. With --corpus: countries and capitals typed other than GPE, and company-form aliases (a name
   ending in a legal form: "Japan Inc.", "France SA") on a country actor. Both should be empty.
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path("/work/shared/eval/reuters21578")
DEFAULT_GOLD = ROOT / "bench" / "actor_types_gold.csv"
COUNTRY_CHECK = ["United States", "Japan", "Canada", "United Kingdom", "France", "West Germany", "Soviet Union",
                 "China", "Iran", "Iraq", "Brazil", "Mexico", "Australia"]


def read_gold(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return [r | {"newid": int(r["newid"])} for r in csv.DictReader(f)]


def extract_stories(data: Path, newids: set[int], inp: Path) -> int:
    """Write the gold stories (as bench/reuters.py does) and their metadata.csv; returns how many."""
    from bench.reuters import read_corpus, write_stories
    recs = [r for r in read_corpus(data / "reuters21578.tar.gz") if r["newid"] in newids]
    write_stories(recs, inp)
    return len(recs)


def load(cache: Path):
    import pandas as pd
    docs = pd.read_parquet(cache / "documents.parquet", columns=["doc_id", "path"])
    raw = pd.read_parquet(cache / "mentions_raw.parquet")
    docs["newid"] = docs["path"].str.extract(r"reut-(\d+)")[0].astype(float)
    return docs, raw


def _top(values) -> str | None:
    c = Counter(v for v in values if v is not None)
    return c.most_common(1)[0][0] if c else None


def score(gold: list[dict], docs, mentions, actors, ids) -> dict:
    """Per-gold-entity outcome and the accuracies."""
    by_id = actors.set_index("actor_id")
    m = mentions.assign(actor_id=ids.reindex(mentions.index)).merge(docs[["doc_id", "newid"]], on="doc_id")
    rows = []
    for g in gold:
        hit = m[(m["newid"] == g["newid"]) & (m["text"] == g["surface"])]
        hit = hit[hit["actor_id"].notna()]
        if hit.empty:
            rows.append(g | {"matched": False})
            continue
        aid = _top(hit["actor_id"])
        a = by_id.loc[aid]
        labels = [lab if lab != "RULE" else "MISSED" for lab in hit["label"]]
        rows.append(g | {"matched": True, "dossier": a["type"], "actor": a["name"], "mention": _top(hit["type"]),
                         "spacy": _top(labels)})
    matched = [r for r in rows if r["matched"]]
    n = max(len(matched), 1)
    acc = {k: sum(r[k] == r["expected_type"] for r in matched) / n for k in ("dossier", "mention", "spacy")}
    acc["names"] = sum(r["actor"].removesuffix(" (city)") == r["expected_name"] for r in matched) / n
    return {"rows": rows, "matched": len(matched), "total": len(rows), "acc": acc}


def corpus_checks(actors) -> list[str]:
    """Country/capital actors typed other than GPE; company-form aliases on country actors."""
    from pipeline import resources as R
    from pipeline.corpus.actors import name_key
    places = {name_key(c) for c in R.COUNTRY_NAMES} | set(R.CAPITAL_METONYMS)
    out = []
    for r in actors.itertuples():
        k = name_key(r.name.removesuffix(R.CITY_SUFFIX))
        if k in places and r.type != "GPE":
            out.append(f"  {r.name} typed {r.type} ({r.n_mentions} mentions)")
        if k in places:
            bad = [a for a in r.aliases
                   if len(a.split()) > 1 and a.split()[-1].lower().rstrip(".,") in R.COMPANY_SUFFIXES]
            if bad:
                out.append(f"  {r.name}: company aliases {bad[:6]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, help="a built cache whose mentions_raw is the resolution context")
    ap.add_argument("--keep", type=Path, help="work dir (default: a fresh temp dir)")
    ap.add_argument("--errors", action="store_true", help="list every wrongly typed gold entity")
    args = ap.parse_args(argv)
    if not (args.data / "reuters21578.tar.gz").exists():
        print(f"skip: {args.data / 'reuters21578.tar.gz'} not found")
        return 0
    import pandas as pd

    from pipeline.corpus.actors import resolve
    from pipeline.corpus.link import MENTION_COLS
    gold = read_gold(args.gold)
    work = args.keep or Path(tempfile.mkdtemp(prefix="actor_types_"))
    n = extract_stories(args.data, {g["newid"] for g in gold}, work / "input")
    cache = work / "cache"
    rc = subprocess.run([sys.executable, "-m", "pipeline", "build", str(work / "input"), "--out", str(cache),
                         "--jobs", "1", "--no-progress"], cwd=ROOT, capture_output=True, text=True).returncode
    if rc not in (0, 1):
        print(f"build failed ({rc})")
        return 1
    docs, raw = load(cache)
    context = "the gold stories alone"
    if args.corpus:
        cdocs, craw = load(args.corpus)
        gold_docs = set(docs["doc_id"]) | set(cdocs.loc[cdocs["newid"].isin({g["newid"] for g in gold}), "doc_id"])
        raw = pd.concat([craw[~craw["doc_id"].isin(gold_docs)], raw], ignore_index=True)
        docs = pd.concat([cdocs[~cdocs["doc_id"].isin(gold_docs)], docs], ignore_index=True)
        context = f"{docs['doc_id'].nunique():,} documents of {args.corpus}"
    mentions = raw[MENTION_COLS].reset_index(drop=True)
    actors, ids = resolve(mentions, None)
    res = score(gold, docs, mentions, actors, ids)
    print(f"gold: {res['total']} entities in {n} stories; {res['matched']} found as mentions; "
          f"resolution over {context}")
    print(f"{'system':34} typed right")
    for key, label in (("dossier", "Dossier actor type"), ("mention", "Dossier per-mention type"),
                       ("spacy", "raw spaCy label")):
        print(f"  {label:32} {res['acc'][key]:.3f}")
    print(f"  {'actor name = expected canonical':32} {res['acc']['names']:.3f}")
    wrong = [r for r in res["rows"] if r["matched"] and (r["dossier"] != r["expected_type"] or args.errors
                                                         and r["actor"].removesuffix(" (city)") != r["expected_name"])]
    if wrong:
        print("errors (story, surface: expected -> actor, type):")
        for r in wrong:
            print(f"  {r['newid']:5} {r['surface']!r}: {r['expected_name']} {r['expected_type']} -> "
                  f"{r['actor']} {r['dossier']}  [{r['note']}]")
    missed = [r for r in res["rows"] if not r["matched"]]
    if missed:
        print("not found as mentions: " + ", ".join(f"{r['newid']}:{r['surface']}" for r in missed))
    if args.corpus:
        by_name = actors.set_index("name")
        print("countries:", ", ".join(f"{c} {by_name.loc[c, 'type']}" if c in by_name.index else f"{c} -"
                                      for c in COUNTRY_CHECK))
        bad = corpus_checks(actors)
        print("country/capital problems:" + ("\n" + "\n".join(bad) if bad else " none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
