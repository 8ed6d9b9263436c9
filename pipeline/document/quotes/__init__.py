"""Quotes stage: who said what, as direct, partial, pull and indirect quotes.

`extract_quotes(doc, mentions, skip)` is a pure function over one parsed article:

1. `marks.find_marked` pairs quotation marks of any style (straight, curly, guillemets, single
   quotes at the top level) line by line, carrying a quote still open at the end of a paragraph
   into the next one when that opens with a quote mark.
2. Every marked span is classified: a quote that opens its sentence or follows `said:` / `said,`
   is `direct` (`direct.py`, content = inside the marks, split quotes merged); a fragment embedded
   in a sentence is `partial` (`partial.py`, content = the whole attributed clause, marks included).
3. The attribution (cue and speaker mention, `attribution.py`, `cues.py`, `speakers.py`) is
   searched after the quote, before it, in the sentence or line leading into it, or inherited from
   the previous quote of a run of quoted paragraphs. A quote whose speaker cannot be found is
   dropped: a wrong or missing speaker is worse than a missed quote.
4. Unmarked statements: `pull` quotes (`pull.py`) and `indirect` speech (`indirect.py`:
   `X said (that) …`, `according to X, …`).
5. Speakers are resolved in document order (`resolve.py`); display names lose their titles
   ("Ayatollah Ali Khamenei" -> "Ali Khamenei", `pipeline.names.strip_titles`) and articles.

Word lists (reporting verbs, titles, pronouns, media nouns) live in `pipeline.resources`.
Offsets are half-open Python string indices into `doc.text`; `doc.text[start:end] == text` always.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from ...names import strip_titles
from .context import Ctx
from .direct import direct, is_direct_position
from .indirect import indirect_quotes
from .marks import Marked, find_marked, is_nickname, is_title
from .partial import partial
from .pull import pull_quotes
from .records import Attr, Spk
from .resolve import resolve

__all__ = ["extract_quotes", "find_marked", "strip_titles", "Marked", "Spk", "Attr"]


def extract_quotes(doc: Doc, mentions: list[dict], skip: Callable[[int], bool] = lambda off: False) -> list[dict]:
    """Quotes of one parsed article.

    Returns one dict per quote: `text`, `kind` (direct/partial/pull/indirect), `start`, `end`
    (content offsets, `doc.text[start:end] == text`), `speaker` (display name or None),
    `speaker_start`/`speaker_end` (the mention the attribution hangs on), `speaker_ref_start`/
    `speaker_ref_end` (the named mention it resolves to) and `cue` (reporting verb or "according to").
    `skip(offset)` is true for text that is not article body (headline, captions).
    """
    ctx = Ctx(doc, mentions or [], skip)
    text = ctx.text
    marked = [m for m in find_marked(text)
              if not skip(m.open) and not skip(m.start) and not is_nickname(text, m)]
    ctx.set_quoted([(m.start, m.end) for m in marked])
    attrs = _marked_quotes(ctx, marked)
    # unmarked statements, outside the marked quotes and their attributed clauses
    taken = [(a.start, a.end) for a in attrs] + [(m.open, m.close + 1) for m in marked]
    pulls = [p for p in pull_quotes(ctx) if not any(s < p.end and p.start < e for s, e in taken)]
    attrs += pulls
    taken += [(p.start, p.end) for p in pulls]
    attrs += indirect_quotes(ctx, taken)
    attrs.sort(key=lambda a: (a.start, a.end))
    rows = resolve(ctx, attrs)
    return [r for r in rows if text[r["start"]:r["end"]] == r["text"] and r["text"]]


def _marked_quotes(ctx: Ctx, marked: list[Marked]) -> list[Attr]:
    """Direct and partial quotes with a speaker, in reading order (merged parts consumed)."""
    attrs: list[Attr] = []
    used: set[int] = set()
    prev: Attr | None = None
    for k, m in enumerate(marked):
        if k in used:
            continue
        if is_direct_position(ctx, m):
            a = direct(ctx, marked, k, used, prev)
        elif is_title(ctx.text, m):
            continue
        else:
            a = partial(ctx, marked, k, used)
        if a is None or a.end <= a.start:
            continue
        if a.spk is None:
            continue    # no speaker: a title, a slogan, scare quotes, or a speaker we cannot find
        attrs.append(a)
        prev = a
    return attrs
