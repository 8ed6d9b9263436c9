"""Pull quotes: a statement paragraph credited with a bare name and title, no verb and no marks."""
from __future__ import annotations

import re

from ... import resources as R
from ...names import strip_titles, title_word
from .context import Ctx
from .marks import END_PUNCT, UNAMBIGUOUS_MARKS, trimmed
from .records import Attr, Spk


def pull_quotes(ctx: Ctx) -> list[Attr]:
    """Statement paragraphs credited with a bare name and title, no verb and no marks."""
    out = []
    text = ctx.text
    for ls, le in ctx.lines:
        line = text[ls:le].rstrip()
        if len(line.split()) < 10 or ctx.skip(ls) or line[-1] in END_PUNCT + ":\"”’)" or \
                any(c in UNAMBIGUOUS_MARKS for c in line):
            continue
        found = _pull_credit(ctx, ls, ls + len(line))
        if found:
            out.append(found)
    return out


def _pull_credit(ctx: Ctx, ls: int, le: int) -> Attr | None:
    """Split 'statement … Name Title…' into content and speaker name."""
    text = ctx.text
    tail_words = text[ls:le].split()[-14:]
    tail_start = le - len(" ".join(tail_words))
    # (a) "…from the US Mahmud TahHamas representative in Lebanon": name glued to the title
    for g in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])", text[tail_start:le]):
        cut = tail_start + g.start()
        title_part = text[cut:le].split()
        if not any(title_word(w) for w in title_part[:6]):
            continue
        name_words = []
        pos = cut
        for w in reversed(text[ls:cut].split()[-3:]):
            if not (w[:1].isupper() and not w.isupper()):
                break
            name_words.insert(0, w)
        if len(name_words) < 2:
            continue
        name = " ".join(name_words)
        n_start = text.rfind(name, ls, pos)
        if n_start < 0:
            continue
        return _pull_attr(ctx, ls, n_start, n_start, cut, name)
    # (b) "…of this information. John Kirby Coordinator for Strategic Communications …"
    for m in re.finditer(r"[.!?]\s+", text[ls:le]):
        c_end = ls + m.start() + 1
        tail = text[ls + m.end():le]
        words = tail.split()
        if not 2 <= len(words) <= 20:
            continue
        k = next((i for i, w in enumerate(words)
                  if title_word(w, qualifiers=True) and w.lower() not in R.ROLE_LEAD_WORDS), None)
        if k is None or not 2 <= k <= 4 or not all(w[:1].isupper() for w in words[:k]):
            continue
        toks = ctx.tokens(ls + m.end(), le)
        if any(t.pos_ in ("VERB", "AUX") and t.text[:1].islower() for t in toks):
            continue
        name = " ".join(words[:k])
        n_start = ls + m.end()
        return _pull_attr(ctx, ls, c_end, n_start, n_start + len(name), name)
    return None


def _pull_attr(ctx: Ctx, cstart: int, cend: int, n_start: int, n_end: int, name: str) -> Attr | None:
    """The pull quote [cstart, cend) credited to the name at [n_start, n_end); None when too short."""
    cstart, cend = trimmed(ctx.text, cstart, cend)
    if len(ctx.text[cstart:cend].split()) < 8:
        return None
    m = ctx.mention_over(n_start, n_end)
    ref = (m["start"], m["end"]) if m and m["start"] >= n_start and m["end"] <= n_end else (n_start, n_end)
    return Attr("pull", cstart, cend, None, Spk(n_start, n_end, name=strip_titles(name), type="PERSON", ref=ref))
