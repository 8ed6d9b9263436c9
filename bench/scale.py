"""Benchmark: build and app at scale, every figure beside its baseline from the same run.

usage: python bench/scale.py CORPUS_DIR [--jobs J] [--repeat R] [--reuters N] [--no-serial]
                             [--no-pages] [--work DIR]

CORPUS_DIR is a folder of articles (any input `python -m pipeline build` takes). With
`--reuters N` it is a work folder instead, filled with N Reuters-21578 stories by
bench/reuters.py (research-only text: never inside the repository). Exits 0 with "skip: ..."
when the corpus is absent.

Prints one table:
- raw spaCy `nlp.pipe` over the article texts with 1 process and with J processes;
- full build (`--full`) with 1 process (unless --no-serial) and with J jobs, ratios against raw
  spaCy with the same process count, peak memory of the process tree;
- incremental: add one article, change one article, nothing changed (`--if-stale`), and a fresh
  build of the one article alone (the fixed start-up and model-load cost);
- with pages: each page's ready time in headless Chromium against an empty Streamlit page,
  the filter-change time and the app server's memory (bench/app_scale.py).
Each timing is repeated R times (default 1) and reported as a range.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
REUTERS = Path("/work/shared/eval/reuters21578")

RAW_SPACY = """
import sys, time
from pathlib import Path
import spacy
from pipeline.inputs import ingest
from pipeline.document import nlp
files, _ = ingest.discover([Path(sys.argv[1])])
texts = []
for f in files:
    raws, _ = ingest.read_file(f, {})
    texts += [r.text for r in raws]
n_process = int(sys.argv[2])
model = spacy.load(nlp.model_name())   # raw: the model alone, none of our components
t = time.perf_counter()
for _ in model.pipe(texts, n_process=n_process, batch_size=16):
    pass
print(len(texts), time.perf_counter() - t)
"""


def tree_rss(proc: psutil.Process) -> int:
    """Memory of a process and all its children, in bytes: the sum of their proportional set
    sizes (PSS) where the system reports them, so pages a forked worker shares with its parent
    count once; else the sum of their RSS."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info() if hasattr(psutil.Process, "memory_full_info") else p.memory_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total


def timed(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, str, str]:
    """Run `cmd`; returns (seconds, peak memory of its process tree (`tree_rss`), stdout, stderr tail)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(p.pid)
    peak = [0]

    def sample():
        while p.poll() is None:
            try:
                peak[0] = max(peak[0], tree_rss(proc))
            except psutil.Error:
                pass
            time.sleep(0.2)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = p.communicate()
    th.join()
    secs = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {err[-2000:]}")
    return secs, peak[0], out, err[-400:]


def build_cmd(inp: Path, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "pipeline", "build", str(inp), "--out", str(out), "--no-progress", *extra]


def fmt_range(xs: list[float], unit: str = " s", digits: int = 1) -> str:
    """'1.0-2.0 s', or one figure when the range is a single value at this precision."""
    lo, hi = (f"{x:.{digits}f}" for x in (min(xs), max(xs)))
    return f"{lo}{unit}" if lo == hi else f"{lo}-{hi}{unit}"


def article_files(folder: Path) -> list[Path]:
    """The article files (.txt, .md) under `folder`, sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".md"})


def linked_copy(src: Path, dst: Path) -> list[Path]:
    """A copy of the corpus folder made of hard links (cheap); returns its article files. A copy an
    earlier run left in the work folder is replaced. The bench edits a file only after replacing
    it with a fresh copy, so the corpus behind the links is never changed."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, copy_function=os.link)
    return article_files(dst)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--reuters", type=int, metavar="N", help="fill CORPUS_DIR with N Reuters stories")
    ap.add_argument("--no-serial", action="store_true", help="skip the 1-process build and raw run")
    ap.add_argument("--no-pages", action="store_true", help="skip the app measurements")
    ap.add_argument("--work", type=Path, help="work folder (default: a temp folder)")
    ap.add_argument("--incremental-only", action="store_true",
                    help="only the incremental builds, on the cache a previous run left in --work")
    args = ap.parse_args()

    corpus = args.corpus
    if args.reuters:
        if not (REUTERS / "reuters21578.tar.gz").is_file():
            print(f"skip: {REUTERS} is absent")
            return 0
        from bench import reuters
        if not (corpus / "input").is_dir():
            reuters.extract(REUTERS, args.reuters, corpus / "input")
        corpus = corpus / "input"
    if not corpus.is_dir():
        print(f"skip: no corpus folder at {corpus}")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []
    R = range(args.repeat)

    def raw(n_process: int) -> tuple[list[float], int]:
        secs, peak = [], 0
        for _ in R:
            s, m, out, _ = timed([PY, "-c", RAW_SPACY, str(work / "input"), str(n_process)])
            secs.append(float(out.split()[-1]) if out.split() else s)
            peak = max(peak, m)
        return secs, peak

    def full(jobs: int) -> tuple[list[float], int, str]:
        secs, peak, tail = [], 0, ""
        for _ in R:
            s, m, _, tail = timed(build_cmd(work / "input", work / f"full{jobs}", "--full", "--jobs", str(jobs)))
            secs.append(s)
            peak = max(peak, m)
        return secs, peak, tail

    inp = work / "input"
    if args.incremental_only:
        if not (work / f"full{args.jobs}").is_dir():
            print(f"error: --incremental-only needs {work / f'full{args.jobs}'} from a previous run", file=sys.stderr)
            return 2
        files = article_files(inp)
    else:
        files = linked_copy(corpus, inp)             # the bench edits this copy, never the corpus
    procs = [] if args.incremental_only else ([1] if not args.no_serial else []) + [args.jobs]
    full_j: list[float] = []
    for n in procs:
        raw_s, raw_m = raw(n)
        build_s, build_m, tail = full(n)
        full_j = build_s
        ratio = [b / r for b in build_s for r in raw_s]
        rows.append((f"raw spaCy nlp.pipe, {n} process(es)", fmt_range(raw_s), f"peak {raw_m / 1e9:.2f} GB"))
        rows.append((f"full build, --jobs {n}", fmt_range(build_s),
                     f"{fmt_range(ratio, 'x', 2)} raw; peak {build_m / 1e9:.2f} GB"))
        print(tail.strip().splitlines()[-1], file=sys.stderr)

    # incremental, on the cache of the last full build: remove one article, add it back, change
    # it, nothing changed; against a fresh build of that one article alone
    cache = work / f"full{args.jobs}"
    held = files[len(files) // 2]
    spare = work / "held.txt"
    shutil.copy(held, spare)
    one = work / "one"
    shutil.rmtree(one, ignore_errors=True)
    (one / "input").mkdir(parents=True)
    shutil.copy(spare, one / "input" / held.name)
    alone, remove, add, change, same = [], [], [], [], []
    for i in R:
        shutil.rmtree(one / "cache", ignore_errors=True)
        alone.append(timed(build_cmd(one / "input", one / "cache"))[0])
        held.unlink()
        remove.append(timed(build_cmd(inp, cache))[0])
        shutil.copy(spare, held)
        add.append(timed(build_cmd(inp, cache))[0])
        with open(held, "a", encoding="utf-8") as f:
            f.write(f"\nThe ministry said on Monday that talks would resume ({i}).\n")
        change.append(timed(build_cmd(inp, cache))[0])
        same.append(timed(build_cmd(inp, cache, "--if-stale"))[0])
    rows.append(("fresh build of the one article alone", fmt_range(alone), "baseline for add/change"))
    for what, xs in (("add one article", add), ("change one article", change), ("remove one article", remove)):
        # each repeat's build against the alone build just before it: the machine's load drifts
        over = [x - a for x, a in zip(xs, alone)]
        share = f"; {100 * max(xs) / max(full_j):.1f}% of the full build" if full_j else ""
        rows.append((what, fmt_range(xs), f"+{min(over):.1f} to +{max(over):.1f} s over alone "
                                          f"(median +{statistics.median(over):.1f}){share}"))
    rows.append(("nothing changed (--if-stale)", fmt_range(same), ""))

    app_out = ""
    if not args.no_pages:
        app = subprocess.run([PY, str(ROOT / "bench" / "app_scale.py"), str(work / f"full{args.jobs}"),
                              "--repeats", str(max(args.repeat, 3)), "--shots", str(work / "shots")],
                             cwd=ROOT, capture_output=True, text=True)
        app_out = app.stdout.strip() or app.stderr[-2000:]

    n_docs = json.loads((work / f"full{args.jobs}" / "manifest.json").read_text())["counts"]["documents"]
    print(f"\nCorpus: {corpus} ({len(files)} files, {n_docs} articles); {os.cpu_count()} cores; "
          f"repeat {args.repeat}\n")
    print("| what | time | against the baseline |\n|---|---|---|")
    for what, value, vs in rows:
        print(f"| {what} | {value} | {vs} |")
    if app_out:
        print("\nApp (bench/app_scale.py):\n" + app_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
