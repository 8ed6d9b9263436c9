"""Benchmark: article body text extracted from saved HTML news pages, ours vs two baselines.

usage: python bench/html_f1.py [PAGES_DIR ...] [--misses]

Extractors, on the same pages:
  ours         pipeline.inputs.webpage.extract(html).text (the pipeline's settings: favor_precision, no
               comments/tables; NoArticle when under 25 words)
  trafilatura  trafilatura.extract(html) with its defaults
  bs4          BeautifulSoup(html, "html.parser").get_text(" "): every text node of the page

Gold: `<stem>.gold.txt` next to the page, else `bench/html_gold/<stem>.gold.txt` (the golds of
tests/fixtures/html live there: tests/test_inputs.py reads that whole folder as input, so any extra
file in it would become an article or an error). A gold is the article body as a reader sees it,
written by hand from the HTML: no headline, standfirst, byline, dateline box, captions, pull
quotes, inline "read more" links, ads, newsletter boxes, related/most-read lists, comments or
footers; subheadings and lists inside the body are kept. An empty gold means the page has no
article (teasers only) and should be rejected: it is reported apart from the F1 means.

Metric: 4-token shingles (lower-cased `\\w+` tokens) of the extracted text against those of the
gold; precision, recall and F1 per page and their mean over the pages that have an article. An
empty extraction (rejected page) scores 0 on all three.

PAGES_DIR defaults to tests/fixtures/html plus bench/html_pages (our own invented pages); a
folder that is absent is skipped with a message, and the run exits 0 when none is left.
--misses prints, for our extractor, the gold lines it dropped and the lines it kept that are not
in the gold.
"""
from __future__ import annotations

import argparse
import difflib
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT / "tests" / "fixtures" / "html", ROOT / "bench" / "html_pages"]
GOLD_DIR = ROOT / "bench" / "html_gold"
N = 4                                   # shingle length, in tokens


def shingles(text: str, n: int = N) -> set[tuple[str, ...]]:
    """The set of `n` consecutive lower-cased word tokens (`\\w+`) of `text`; empty when shorter."""
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of `predicted`'s shingles against `gold`'s (0.0 where undefined)."""
    p_set, g_set = shingles(predicted), shingles(gold)
    common = len(p_set & g_set)
    precision = common / len(p_set) if p_set else 0.0
    recall = common / len(g_set) if g_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Output:
    """One extractor's result on one page: its text, or None with the reason it rejected the page."""
    text: str | None
    reason: str = ""


def ours(html: str) -> Output:
    """Dossier's extractor (pipeline.inputs.webpage.extract)."""
    from pipeline.inputs import webpage
    try:
        return Output(webpage.extract(html).text)
    except webpage.NoArticle as e:
        return Output(None, str(e))


def trafilatura_defaults(html: str) -> Output:
    """trafilatura.extract with its default settings."""
    import trafilatura
    text = trafilatura.extract(html)
    return Output(text) if text else Output(None, "trafilatura.extract returned nothing")


def bs4_text(html: str) -> Output:
    """Every text node of the page, BeautifulSoup's html.parser, joined by spaces."""
    from bs4 import BeautifulSoup
    return Output(BeautifulSoup(html, "html.parser").get_text(" "))


EXTRACTORS = {"ours": ours, "trafilatura": trafilatura_defaults, "bs4 get_text": bs4_text}


def find_gold(page: Path) -> Path | None:
    """The gold text of `page`: next to it, else in bench/html_gold/; None when there is none."""
    stem = page.name.removesuffix(".html").removesuffix(".htm")
    for gold in (page.with_name(stem + ".gold.txt"), GOLD_DIR / (stem + ".gold.txt")):
        if gold.is_file():
            return gold
    return None


def misses(text: str, gold: str) -> tuple[list[str], list[str]]:
    """Gold lines missing from `text`, and `text` lines not in the gold (a line-by-line diff of the
    lower-cased tokens, so a repeated line such as a pull quote shows up as kept)."""
    a = [ln.strip() for ln in gold.splitlines() if ln.strip()]
    b = [ln.strip() for ln in text.splitlines() if ln.strip()]

    def norm(lines: list[str]) -> list[str]:
        return [" ".join(re.findall(r"\w+", ln.lower())) for ln in lines]
    dropped, kept = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            dropped += a[i1:i2]
        if op in ("insert", "replace"):
            kept += b[j1:j2]
    return dropped, kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="folders of .html pages (default: tests/fixtures/html "
                                                      "and bench/html_pages)")
    ap.add_argument("--misses", action="store_true", help="print what our extractor dropped and kept")
    args = ap.parse_args()
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    dirs = []
    for d in args.dirs or DEFAULT_DIRS:
        if d.is_dir():
            dirs.append(d)
        else:
            print(f"skip: {d} is not a folder")
    pages = []
    for d in dirs:
        for page in sorted(p for p in d.iterdir() if p.suffix.lower() in (".html", ".htm")):
            gold = find_gold(page)
            if gold is None:
                print(f"skip: {page.name} has no gold text ({page.stem}.gold.txt)")
            else:
                pages.append((page, gold.read_text(encoding="utf-8")))
    if not pages:
        print("skip: no HTML page with a gold text found")
        return 0

    names = list(EXTRACTORS)
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    rejections: list[tuple[str, dict[str, Output]]] = []
    notes: list[str] = []
    print(f"HTML body text, {N}-token shingles: P / R / F1 against the hand-written gold\n")
    print("| page | gold words | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for page, gold in pages:
        html = page.read_text(encoding="utf-8")
        outs = {name: fn(html) for name, fn in EXTRACTORS.items()}
        if not gold.strip():
            rejections.append((page.name, outs))
            continue
        cells = []
        for name in names:
            p, r, f = prf(outs[name].text or "", gold)
            scores[name].append((p, r, f))
            cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}" + (" (rejected)" if outs[name].text is None else ""))
        print(f"| {page.name} | {len(gold.split())} | " + " | ".join(cells) + " |")
        if args.misses and outs["ours"].text is not None:
            dropped, kept = misses(outs["ours"].text, gold)
            notes += [f"{page.name}: dropped {ln!r}" for ln in dropped] + [f"{page.name}: kept {ln!r}" for ln in kept]
        elif args.misses:
            notes.append(f"{page.name}: rejected: {outs['ours'].reason}")
    n = len(scores[names[0]])
    means = [tuple(sum(s[i] for s in scores[name]) / n for i in range(3)) for name in names] if n else []
    if means:
        print(f"| **mean of {n} pages** | | " + " | ".join(f"**{p:.3f} / {r:.3f} / {f:.3f}**" for p, r, f in means)
              + " |")

    if rejections:
        print("\nPages without an article (empty gold: the page should be rejected):\n")
        print("| page | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for name, outs in rejections:
            cells = ["rejected (expected)" if o.text is None else f"kept {len(o.text.split())} words"
                     for o in outs.values()]
            print(f"| {name} | " + " | ".join(cells) + " |")
        for name, outs in rejections:
            for ext, o in outs.items():
                print(f"  {name}, {ext}: " + (o.reason if o.text is None else repr(" ".join(o.text.split())[:160])))
    if notes:
        print("\nOur extractor against the gold (--misses):")
        for note in notes:
            print("  " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
