"""Benchmark: date normalisation on TimeBank + AQUAINT (TempEval-3 TBAQ-cleaned), ours vs a baseline.

usage: python bench/timex.py [DIR] [--direct] [--meantime] [--errors] [--target F1] [--keep DIR]

DIR defaults to /work/shared/eval/tempeval3/TBAQ-cleaned (skips with exit 0 when absent). The
document creation time goes in as metadata (`eval_timex.py prepare`). By default the real pipeline
runs (`python -m pipeline build INPUT --out CACHE --metadata metadata.csv`); --direct writes the
minimal documents/events tables straight from pipeline.document.dates and pipeline.corpus.events (fast iteration, and the
fallback when pipeline/__main__.py does not exist yet). The baseline, on the same texts, is spaCy
DATE entities normalised by dateparser with RELATIVE_BASE = document date. Both are scored by
/work/shared/tools/eval/eval_timex.py on TimeBank, AQUAINT and their union.
"""
from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/tools/eval/eval_timex.py")
DEFAULT_DIR = Path("/work/shared/eval/tempeval3/TBAQ-cleaned")


MEANTIME_DIR = Path("/work/shared/eval/meantime/intra-doc_annotation")


def meantime_to_tml(src: Path, out: Path) -> Path:
    """MEANTIME CAT XML (pre-tokenised) -> TimeML .tml files, one folder per topic corpus.

    Only sentences 0-5 are kept (MEANTIME annotates no further), minus the date line under the
    title when it is just the DCT (it goes to metadata, as in TempEval). Tokens are joined by
    spaces, sentences by newlines; every anchored TIMEX3 becomes an inline tag for eval_timex.py."""
    import xml.etree.ElementTree as ET
    from xml.sax.saxutils import escape
    for corpus in sorted(p for p in src.iterdir() if p.is_dir()):
        dest = out / corpus.name.replace("corpus_", "")
        dest.mkdir(parents=True, exist_ok=True)
        for f in sorted(corpus.glob("*.xml")):
            root = ET.parse(f).getroot()
            # only the title, the date line and the first sentences (0-5) are annotated: keep those
            toks = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")
                    if int(t.get("sentence")) <= 5]
            tags: dict[int, tuple[int, str, str]] = {}
            dct, dct_ids = None, set()
            for tx in root.iter("TIMEX3"):
                ids = sorted(int(a.get("t_id")) for a in tx.iter("token_anchor"))
                value = tx.get("value") or ""
                if tx.get("functionInDocument") == "CREATION_TIME":
                    m = re.match(r"^(\d\d)-(\d\d)-(\d{4})$", value)
                    dct, dct_ids = (f"{m[3]}-{m[1]}-{m[2]}" if m else value[:10]), set(ids)
                if ids:
                    tags[ids[0]] = (ids[-1], tx.get("type") or "", value)
            # the date line under the title is the DCT itself: metadata, as in TempEval (not text)
            dct_sents = {sent for tid, sent, _ in toks if tid in dct_ids}
            toks = [t for t in toks if not (t[1] in dct_sents
                                            and all(u[0] in dct_ids for u in toks if u[1] == t[1]))]
            if not dct or not re.match(r"^\d{4}-\d\d-\d\d$", dct):
                continue                                 # no document date: not scorable
            parts, prev_sent, close_at = [], None, None
            for tid, sent, word in toks:
                if prev_sent is not None:
                    parts.append("\n" if sent != prev_sent else " ")
                prev_sent = sent
                if tid in tags and close_at is None:
                    close_at, typ, val = tags[tid]
                    parts.append(f'<TIMEX3 type="{typ}" value="{escape(val)}">')
                parts.append(escape(word))
                if close_at == tid:
                    parts.append("</TIMEX3>")
                    close_at = None
            if close_at is not None:
                parts.append("</TIMEX3>")
            xml = (f'<?xml version="1.0" ?>\n<TimeML><DOCID>{f.stem}</DOCID><DCT><TIMEX3 type="DATE" value="{dct}">'
                   f"{dct}</TIMEX3></DCT><TITLE></TITLE><TEXT>{''.join(parts)}</TEXT></TimeML>\n")
            (dest / (f.stem[:60] + ".tml")).write_text(xml, encoding="utf-8")
    return out


def prepare(src: Path, work: Path) -> tuple[Path, dict[str, Path]]:
    """Texts + metadata.csv for the union of the subsets; a TML dir per subset and for the union."""
    subsets = {p.name: p for p in sorted(src.iterdir()) if p.is_dir() and any(p.glob("*.tml"))}
    if not subsets and any(src.glob("*.tml")):
        subsets = {src.name: src}
    union = work / "tml_union"
    union.mkdir(parents=True, exist_ok=False)
    for p in subsets.values():
        for tml in p.glob("*.tml"):
            (union / tml.name).symlink_to(tml.resolve())
    inp = work / "input"
    subprocess.run([sys.executable, str(EVAL), "prepare", str(union), str(inp)], check=True)
    return inp, {**subsets, "union": union}


def read_inputs(inp: Path) -> list[tuple[str, str, date]]:
    with open(inp / "metadata.csv") as f:
        return [(r["file"], (inp / r["file"]).read_text(encoding="utf-8"), date.fromisoformat(r["published"]))
                for r in csv.DictReader(f)]


def write_cache(out: Path, docs: list[dict], events: list[dict]) -> None:
    import pandas as pd
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(docs).to_parquet(out / "documents.parquet")
    cols = ["doc_id", "expression", "expr_start", "expr_end", "date", "granularity"]
    extra = [c for c in (events[0] if events else {}) if c not in cols and c != "spec"]
    pd.DataFrame(events, columns=cols + extra).to_parquet(out / "events.parquet")


def run_direct(inputs, out_ours: Path, out_base: Path | None) -> None:
    """Our functions (and the baseline) straight on the texts, no cleaning stage."""
    from pipeline.document import nlp as nlp_mod
    from pipeline.document.dates import find_timexes
    from pipeline.corpus.events import build_events
    nlp = nlp_mod.load()
    docs, ours, base = [], [], []
    texts = [t for _, t, _ in inputs]
    for (name, text, pub), doc in zip(inputs, nlp.pipe(texts, batch_size=16)):
        doc_id = name
        docs.append({"doc_id": doc_id, "path": name, "text": text})
        for e in build_events(doc_id, text, pub, None, find_timexes(doc)):
            if e["expression"] is not None:
                ours.append(e)
        if out_base is not None:
            base.extend(baseline_events(doc_id, doc, pub))
    write_cache(out_ours, docs, ours)
    if out_base is not None:
        write_cache(out_base, docs, base)


_PARSER = None


def baseline_events(doc_id: str, doc, pub: date) -> list[dict]:
    """spaCy DATE entities, each normalised by dateparser (RELATIVE_BASE = publication date)."""
    global _PARSER
    from dateparser.date import DateDataParser
    if _PARSER is None:
        _PARSER = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True})
    base = datetime(pub.year, pub.month, pub.day, 12)
    rows = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        _PARSER._settings.RELATIVE_BASE = base  # noqa: SLF001 (settings are per parser)
        try:
            dd = _PARSER.get_date_data(ent.text)
        except Exception:  # noqa: BLE001
            dd = None
        d = dd.date_obj if dd else None
        gran = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}.get(getattr(dd, "period", None), "day")
        if d is None:
            continue
        rows.append({"doc_id": doc_id, "expression": ent.text, "expr_start": ent.start_char, "expr_end": ent.end_char,
                     "date": d.date(), "granularity": gran})
    return rows


def run_cli(inp: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "pipeline", "build", str(inp), "--out", str(out), "--metadata", str(inp / "metadata.csv")]
    print("$", " ".join(cmd), flush=True)
    r = subprocess.run(cmd, cwd=ROOT)
    if r.returncode not in (0, 1):
        sys.exit(f"pipeline build failed with exit {r.returncode}")


def score(tml_dir: Path, cache: Path, target: float, errors: bool) -> tuple[str, str]:
    cmd = [sys.executable, str(EVAL), "score", str(tml_dir), str(cache), str(target)] + (["x"] if errors else [])
    r = subprocess.run(cmd, capture_output=True, text=True)
    lines = r.stdout.strip().splitlines()
    return "\n".join(lines[:-1]), (lines[-1] if lines else r.stderr.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--direct", action="store_true", help="call pipeline.document.dates and pipeline.corpus.events directly (no build CLI)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print value errors (ours)")
    ap.add_argument("--target", type=float, default=0.80)
    ap.add_argument("--keep", type=Path, help="write the caches here instead of a temp dir")
    ap.add_argument("--meantime", action="store_true",
                    help=f"score on MEANTIME instead (DIR defaults to {MEANTIME_DIR}, converted to TimeML)")
    args = ap.parse_args()
    if args.meantime and args.dir == DEFAULT_DIR:
        args.dir = MEANTIME_DIR
    if not args.dir.exists():
        print(f"timex bench: {args.dir} not found, skipped")
        return 0
    direct = args.direct or not (ROOT / "pipeline" / "__main__.py").exists()
    if direct and not args.direct:
        print("timex bench: pipeline/__main__.py missing, using the direct harness")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        t0 = time.time()
        src = meantime_to_tml(args.dir, work / "meantime_tml") if args.meantime else args.dir
        inp, tml_dirs = prepare(src, work)
        inputs = read_inputs(inp)
        want_base = not args.no_baseline
        if direct:
            run_direct(inputs, work / "ours", work / "baseline" if want_base else None)
        else:
            run_cli(inp, work / "ours")
            if want_base:
                run_direct(inputs, work / "_direct", work / "baseline")
        print(f"{len(inputs)} documents, built in {time.time() - t0:.1f}s ({'direct' if direct else 'pipeline build'})")
        ok = True
        for name, tml in tml_dirs.items():
            errs, line = score(tml, work / "ours", args.target, args.errors)
            if args.errors and name == "union":
                print(errs)
            print(f"[{name}] ours     {line}")
            if name == "union":
                ok = _f1(line) >= args.target
            if want_base:
                print(f"[{name}] baseline {score(tml, work / 'baseline', args.target, False)[1]}")
    return 0 if ok else 1


def _f1(line: str) -> float:
    m = re.search(r"F1 ([\d.]+)", line)
    return float(m.group(1)) if m else 0.0


if __name__ == "__main__":
    sys.exit(main())
