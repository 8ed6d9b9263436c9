"""Benchmark: build and app scale on Reuters-21578 ("Reuters-21578, Distribution 1.0").

usage: python bench/reuters.py [--data DIR] [--n N] [--out WORKDIR] [--jobs J] [--shoot] [--profile]

1. Extracts N dated stories with a body (default 500) from DIR/reuters21578.tar.gz (default
   /work/shared/eval/reuters21578; exits 0 with "skip: ..." when absent) into WORKDIR/input: one
   `reut-NNNNN.txt` per story (title, blank line, body with the hard ~70-column wraps joined into
   paragraphs, dateline kept, trailing "Reuter" and control characters removed) and
   `metadata.csv` (file,title,outlet=Reuters,published=ISO date of <DATE>). Selection is
   deterministic: stories tagged with politically relevant PLACES first, then the rest, each tier
   ordered by a hash of NEWID so the dates spread over Feb-Oct 1987.
   The text is research-only licensed: WORKDIR defaults to a fresh temp dir, never the repo.
2. Times `python -m pipeline build WORKDIR/input --out ... --jobs 1` and `--jobs J` (default 2)
   in the same run, after a 1-document build that measures the fixed cost (imports, model load),
   and prints docs/s, words/s and the parallel/serial ratio.
3. Prints rows per cache table and sanity figures (date_source=metadata share, events, quotes
   per doc, event dates outside 1987, top actors).
4. --shoot: screenshots / /timeline /network /quotes /actors, and the timeline filtered (URL
   start/end) to the publication span, with /work/shared/tools/shoot.py
   (DOSSIER_CACHE=WORKDIR/cache), prints per-page ready times; PNGs stay in WORKDIR/shots.
5. --profile: cProfile of a serial in-process build (top entries by cumulative time) to
   WORKDIR/profile.txt.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path("/work/shared/eval/reuters21578")
SHOOT = Path("/work/shared/tools/shoot.py")
PAGES = ["/", "/timeline", "/network", "/quotes", "/actors"]
POLITICAL = {"iran", "iraq", "israel", "lebanon", "ussr", "kuwait", "libya", "nicaragua", "afghanistan",
             "south-africa", "philippines", "syria", "saudi-arabia", "egypt", "jordan", "cuba", "china",
             "west-germany", "east-germany", "poland"}
STRONG = {"iran", "iraq", "israel", "lebanon", "ussr", "kuwait", "libya", "nicaragua", "afghanistan",
          "south-africa", "philippines", "syria"}

RECORD_RE = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<body>.*?)</REUTERS>", re.S)
NEWID_RE = re.compile(r'NEWID="(\d+)"')
TAG_RE = {t: re.compile(rf"<{t}>(.*?)</{t}>", re.S) for t in ("DATE", "TITLE", "DATELINE", "BODY", "PLACES")}
D_RE = re.compile(r"<D>(.*?)</D>")
CTRL_RE = re.compile(r"&#\d+;|[\x00-\x08\x0b-\x1f\x7f]")
REUTER_END_RE = re.compile(r"\s*\bReuter\s*$", re.I)


# ---------------------------------------------------------------- extraction
def unescape(s: str) -> str:
    """SGML entities -> text; numeric control entities (&#2;, &#3;, ...) dropped."""
    return html.unescape(CTRL_RE.sub("", s))


def paragraphs(body: str) -> list[str]:
    """Join hard-wrapped lines: a blank line or an indented line starts a new paragraph."""
    paras: list[list[str]] = [[]]
    for line in body.split("\n"):
        if not line.strip() or line[:1].isspace():
            if paras[-1]:
                paras.append([])
        if line.strip():
            paras[-1].append(line.strip())
    return [re.sub(r"\s+", " ", " ".join(p)).strip() for p in paras if p]


def parse_record(attrs: str, rec: str) -> dict | None:
    """One <REUTERS> record -> dict(newid, date, title, places, text) or None (no date / body)."""
    get = {t: (m.group(1) if (m := r.search(rec)) else None) for t, r in TAG_RE.items()}
    if not get["DATE"] or get["BODY"] is None:
        return None
    try:
        date = datetime.strptime(get["DATE"].strip().split()[0], "%d-%b-%Y").date()
    except ValueError:
        return None
    body = unescape(get["BODY"])
    paras = paragraphs(body)
    if paras:
        paras[-1] = REUTER_END_RE.sub("", paras[-1]).strip()
        paras = [p for p in paras if p]
    if not paras:
        return None
    dateline = re.sub(r"\s+", " ", unescape(get["DATELINE"] or "")).strip()
    if dateline:
        paras[0] = f"{dateline} {paras[0]}"
    title = re.sub(r"\s+", " ", unescape(get["TITLE"] or "")).strip()
    return {"newid": int(NEWID_RE.search(attrs).group(1)), "date": date, "title": title,
            "places": D_RE.findall(get["PLACES"] or ""), "paras": paras}


def read_corpus(tar_path: Path) -> list[dict]:
    recs = []
    with tarfile.open(tar_path) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if not re.search(r"reut2-\d+\.sgm$", m.name):
                continue
            text = tf.extractfile(m).read().decode("latin-1")  # reut2-017.sgm is not UTF-8
            for mm in RECORD_RE.finditer(text):
                r = parse_record(mm.group("attrs"), mm.group("body"))
                if r:
                    recs.append(r)
    return recs


def _h(newid: int) -> str:
    return hashlib.sha1(str(newid).encode()).hexdigest()


def select(recs: list[dict], n: int) -> list[dict]:
    """Deterministic: strongly political PLACES, then other political ones, then the rest;
    within a tier by hash of NEWID (spreads the dates). Returned in NEWID order."""
    def tier(r):
        p = set(r["places"])
        return 0 if p & STRONG else 1 if p & POLITICAL else 2
    chosen = sorted(recs, key=lambda r: (tier(r), _h(r["newid"])))[:n]
    return sorted(chosen, key=lambda r: r["newid"])


def write_stories(recs: list[dict], inp: Path) -> None:
    """One `reut-NNNNN.txt` per story (title, blank line, paragraphs) and their metadata.csv."""
    inp.mkdir(parents=True, exist_ok=True)
    with open(inp / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "title", "outlet", "published"])
        for r in recs:
            name = f"reut-{r['newid']:05d}.txt"
            text = (r["title"] + "\n\n" if r["title"] else "") + "\n\n".join(r["paras"]) + "\n"
            (inp / name).write_text(text, encoding="utf-8")
            w.writerow([name, r["title"], "Reuters", r["date"].isoformat()])


def extract(data: Path, n: int, inp: Path) -> dict:
    t0 = time.monotonic()
    recs = read_corpus(data / "reuters21578.tar.gz")
    chosen = select(recs, n)
    write_stories(chosen, inp)
    pol = sum(1 for r in chosen if set(r["places"]) & POLITICAL)
    dates = [r["date"] for r in chosen]
    return {"records_with_body": len(recs), "chosen": len(chosen), "political": pol,
            "first": min(dates).isoformat() if dates else None, "last": max(dates).isoformat() if dates else None,
            "chars": sum(len("\n\n".join(r["paras"])) for r in chosen), "seconds": time.monotonic() - t0}


# ---------------------------------------------------------------- build timing
def run_build(inp: Path, cache: Path, jobs: int, log: Path) -> tuple[float, int, float]:
    """(wall seconds, exit code, CPU seconds of the build and its workers)."""
    import resource
    cmd = [sys.executable, "-m", "pipeline", "build", str(inp), "--out", str(cache), "--jobs", str(jobs),
           "--no-progress"]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(log, "w") as f:
        rc = subprocess.run(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, rc, cpu


def read_tables(cache: Path) -> dict:
    import pandas as pd
    return {p.stem: pd.read_parquet(p) for p in sorted(cache.glob("*.parquet"))}


def counts(cache: Path) -> dict[str, int]:
    man = json.loads((cache / "manifest.json").read_text())
    return man.get("counts", {})


def sanity(cache: Path) -> None:
    import pandas as pd
    t = read_tables(cache)
    docs, ev, q, act, men = (t.get(k) for k in ("documents", "events", "quotes", "actors", "mentions"))
    print("\nrows per table:")
    for k, df in t.items():
        print(f"  {k:14} {len(df):8,}")
    nd = len(docs)
    print("\nsanity:")
    print(f"  date_source of documents: {docs.date_source.value_counts().to_dict()}"
          f"  (metadata share {(docs.date_source == 'metadata').mean():.1%})")
    print(f"  words/doc {docs.n_words.mean():.0f} (median {docs.n_words.median():.0f}); "
          f"duplicates {docs.duplicate_of.notna().sum()}")
    print(f"  events/doc {len(ev) / nd:.2f}; by date_source {ev.date_source.value_counts().to_dict()}; "
          f"by granularity {ev.granularity.value_counts().to_dict()}")
    if len(ev):
        d = pd.to_datetime(ev["date"])
        out = ev[(d.dt.year != 1987)]
        print(f"  events dated outside 1987: {len(out)} ({len(out) / len(ev):.1%}); "
              f"date range {d.min().date()} .. {d.max().date()}")
        na = ev.actor_ids.map(lambda x: 0 if x is None else len(x))
        print(f"  events with >=1 actor: {(na > 0).mean():.1%}; mean actors/event {na.mean():.2f}")
        for _, r in out.head(5).iterrows():
            print(f"    e.g. {r['date']} {r['granularity']:5} {str(r['expression'])[:30]!r:32} "
                  f"{r['sentence'][:90]!r}")
    print(f"  quotes/doc {len(q) / nd:.2f}; by kind {q.kind.value_counts().to_dict()}; "
          f"with speaker {q.speaker.notna().mean():.1%}")
    print(f"  actors {len(act):,} ({act.type.value_counts().head(6).to_dict()}); mentions/doc {len(men) / nd:.1f}")
    top = act.sort_values(["n_docs", "n_mentions"], ascending=False).head(10)
    print("  top 10 actors (n_docs / n_mentions):")
    for _, r in top.iterrows():
        print(f"    {r['name'][:40]:40} {r['type']:6} {r['n_docs']:5} {r['n_mentions']:6}")
    if len(q):
        sp = q.speaker.value_counts().head(5)
        print(f"  top speakers: {sp.to_dict()}")


# ---------------------------------------------------------------- screenshots
def shoot(cache: Path, out: Path) -> int:
    """The five pages, plus the timeline limited (by URL filter) to the publication span."""
    if not SHOOT.is_file():
        print(f"skip shoot: {SHOOT} not found")
        return 0
    import pandas as pd
    pub = pd.to_datetime(pd.read_parquet(cache / "documents.parquet", columns=["published"]).published).dropna()
    extra = [f"/timeline?start={pub.min().date()}&end={pub.max().date()}"] if len(pub) else []
    env = {**os.environ, "DOSSIER_CACHE": str(cache)}
    cmd = [sys.executable, str(SHOOT), str(ROOT), *PAGES, *extra, "--out", str(out),
           "--frame-wait-for", "body[data-graph-ready]", "--timeout", "180"]
    print("\n$ DOSSIER_CACHE=" + str(cache) + " " + " ".join(cmd), flush=True)
    t0 = time.monotonic()
    rc = subprocess.run(cmd, cwd=ROOT, env=env).returncode
    print(f"shoot exit {rc} in {time.monotonic() - t0:.1f}s")
    log = out / "shot_server.log"
    if log.is_file():
        bad = [ln for ln in log.read_text(errors="replace").splitlines()
               if re.search(r"Traceback|Error|Exception|Warning", ln)]
        print(f"server log {log}: {len(bad)} error/warning lines")
        for ln in bad[:15]:
            print("  " + ln[:200])
    return rc


def profile(inp: Path, cache: Path, dest: Path, top: int = 45) -> None:
    """cProfile of a serial in-process build; the top entries by cumulative time."""
    import cProfile
    import io
    import pstats
    os.chdir(ROOT)
    from pipeline import build as build_mod
    pr = cProfile.Profile()
    pr.enable()
    build_mod.build([inp], cache, jobs=1, progress=False, log=lambda m: None)
    pr.disable()
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s).sort_stats("cumulative")
    st.print_stats(top)
    s.write("\n--- by own time ---\n")
    st.sort_stats("tottime").print_stats(25)
    dest.write_text(s.getvalue())
    print(f"\nprofile written to {dest}; top by cumulative time:")
    lines = s.getvalue().splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    print("\n".join(lines[start:start + top + 1]))


# ---------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--out", type=Path, help="work dir (default: a new temp dir; never inside the repo)")
    ap.add_argument("--jobs", type=int, default=2, help="workers of the parallel build (default 2)")
    ap.add_argument("--shoot", action="store_true", help="screenshot the app on the built cache")
    ap.add_argument("--profile", action="store_true", help="cProfile a serial build too")
    ap.add_argument("--no-serial", action="store_true", help="skip the --jobs 1 build")
    a = ap.parse_args()
    tar = a.data / "reuters21578.tar.gz"
    if not tar.is_file():
        print(f"skip: {tar} not found")
        return 0
    work = (a.out or Path(tempfile.mkdtemp(prefix="dossier-reuters-"))).resolve()
    if work.is_relative_to(ROOT):
        print(f"error: {work} is inside the repo; Reuters text is research-only, use a folder outside it")
        return 2
    work.mkdir(parents=True, exist_ok=True)
    inp = work / "input"
    if inp.exists():
        import shutil
        shutil.rmtree(inp)
    print(f"work dir: {work}")
    ex = extract(a.data, a.n, inp)
    print(f"extracted {ex['chosen']} of {ex['records_with_body']} dated stories with a body "
          f"({ex['political']} with political PLACES; {ex['first']} .. {ex['last']}; "
          f"{ex['chars'] / 1e6:.2f} M chars) in {ex['seconds']:.1f}s -> {inp}", flush=True)

    # fixed cost: imports + model load + store, on one document
    one = work / "one"
    one.mkdir(exist_ok=True)
    first = sorted(inp.glob("*.txt"))[0]
    (one / first.name).write_text(first.read_text())
    t1, _, _ = run_build(one, work / "cache_one", 1, work / "build_one.log")
    print(f"\nfixed cost (1-document build: imports, model load, write): {t1:.1f}s; "
          f"{os.cpu_count()} CPUs, load avg {os.getloadavg()[0]:.1f}", flush=True)

    runs = []
    plan = ([] if a.no_serial else [(1, work / "cache_j1")]) + [(a.jobs, work / "cache")]
    for jobs, cache in plan:
        secs, rc, cpu = run_build(inp, cache, jobs, work / f"build_j{jobs}.log")
        c = counts(cache) if (cache / "manifest.json").is_file() else {}
        words = int(read_tables(cache)["documents"].n_words.sum()) if c else 0
        nd = c.get("documents", 0)
        man = json.loads((cache / "manifest.json").read_text()) if c else {}
        runs.append((jobs, secs, nd, words, c, cpu, man.get("code_hash")))
        tail = (work / f"build_j{jobs}.log").read_text().strip().splitlines()[-1:]
        print(f"build --jobs {jobs}: {secs:6.1f}s  rc={rc}  {nd / secs:6.2f} docs/s  {words / secs:8,.0f} words/s"
              f"  cpu {cpu:6.1f}s ({cpu / secs:.2f} cores busy; {nd / max(cpu, 1e-9):5.1f} docs per CPU-s; "
              f"load avg {os.getloadavg()[0]:.1f})"
              f"\n    {tail[0] if tail else ''}", flush=True)
    if len(runs) == 2:
        (j1, s1, n1, _w1, c1, cpu1, h1), (j2, s2, n2, _w2, c2, cpu2, h2) = runs
        print(f"parallel/serial speed-up (--jobs {j2} vs --jobs 1): {s1 / s2:.2f}x wall; "
              f"CPU cost of parallelism {cpu2 / max(cpu1, 1e-9):.2f}x "
              f"(upper bound on an idle machine: {min(j2, os.cpu_count() or 1) * cpu1 / max(cpu2, 1e-9):.2f}x)")
        if h1 != h2:
            print(f"  note: the pipeline code changed between the two builds (code_hash {h1} vs {h2}); "
                  f"counts are not comparable")
        else:
            print(f"  same counts: {c1 == c2}" + ("" if c1 == c2 else f"  j1={c1} j{j2}={c2}"))
    if runs and runs[-1][2]:
        sanity(plan[-1][1])
    if a.profile:
        profile(inp, work / "cache_prof", work / "profile.txt")
    rc = 0
    if a.shoot:
        rc = shoot(work / "cache", work / "shots")
    print(f"\nwork dir kept: {work}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
