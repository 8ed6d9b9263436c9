"""Partial quotes: a quoted fragment embedded in a sentence of reported speech.

The content is the whole attributed clause, marks included (`that Iran would ensure that "…"`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources as R
from .attribution import attr_right, attr_start, parenthetical, verb_above
from .context import Ctx, tok_end
from .cues import according, is_cue_verb
from .marks import Marked, trimmed
from .records import Attr, Spk
from .speakers import speaker_from_token, speakerlike


def partial(ctx: Ctx, marked: list[Marked], k: int, used: set[int]) -> Attr | None:
    """A fragment inside reported speech: the whole attributed clause is the content.

    The other fragments of the same clause are added to `used`. None when no source is found.
    """
    m = marked[k]
    tok = ctx.tok_at(m.start)
    if tok is None:
        return None
    sent = tok.sent
    ls, le = ctx.line(m.open)
    s_start, s_end = max(sent.start_char, ls), min(sent.end_char, le)
    # fragments of the same sentence belong to the same statement
    last = k
    while last + 1 < len(marked) and marked[last + 1].close < s_end:
        last += 1
    frag_end = marked[last].close + 1 if marked[last].closed else marked[last].end
    found_v = verb_above(ctx, tok, sent)
    v = found_v[0] if found_v else None
    if found_v is not None and v.idx < m.open:
        cstart, cend = _clause_after(v, tok, s_end, frag_end)
        return _partial_attr(ctx, marked, k, used, cstart, cend, v.text, found_v[1])
    # attribution after the fragments: `… the "main culprit" …, he added.`
    if marked[last].closed:
        found = attr_right(ctx, marked[last].close + 1, s_end, ended=False)
        if found:
            spk = found[1]
            cend = frag_end
            if spk.start > frag_end:    # `… anywhere, he added`: the clause runs up to the source
                cend = max(frag_end, min(spk.start, attr_start(ctx, frag_end, spk.start)))
            return _partial_attr(ctx, marked, k, used, s_start, cend, found[0], spk)
    acc = according([t for t in sent if not t.is_space])
    if acc:
        spk = speakerlike(speaker_from_token(ctx, acc[1]))
        if spk:
            a_start = acc[0].idx
            if a_start <= s_start + 1:                       # "According to X, …"
                cstart = tok_end(acc[1].right_edge if acc[1].right_edge.i < sent.end else acc[1])
                return _partial_attr(ctx, marked, k, used, cstart, max(s_end, frag_end), "according to", spk)
            cend = a_start if a_start > frag_end else max(s_end, frag_end)
            return _partial_attr(ctx, marked, k, used, s_start, cend, "according to", spk)
    par = parenthetical(ctx, sent)
    if par is not None:     # "Perhaps, he said, this "small town has grown too fast.""
        return _partial_attr(ctx, marked, k, used, s_start, max(s_end, frag_end), par[0].text, par[1])
    if found_v is not None:
        return _partial_attr(ctx, marked, k, used, s_start, max(s_end, frag_end), v.text, found_v[1])
    # "Clinton supports "appropriate pay raises"": a stated position, the subject of any verb
    for a in tok.ancestors:
        if a.i < sent.start or a.i >= sent.end or ctx.in_quote(a.idx):
            break
        subj = next((c for c in a.children if c.dep_ == "nsubj"), None) if a.pos_ in ("VERB", "AUX") else None
        if subj is None:
            continue
        if a.dep_ not in ("ROOT", "conj"):
            break       # "described Ban sitting "glumly …"": Ban does not speak
        spk = speaker_from_token(ctx, subj)
        if spk is None or (spk.ref is None and spk.pronoun not in R.QUOTE_PEOPLE_PRONOUNS) \
                or a.idx > m.open:
            break
        cstart, cend = _clause_after(a, tok, s_end, frag_end)
        return _partial_attr(ctx, marked, k, used, cstart, cend, a.text, spk)
    return None


def _clause_after(v: Token, tok: Token, s_end: int, frag_end: int) -> tuple[int, int]:
    """Content of verb v that holds `tok`: the subtree of v's child on the path to tok."""
    path = [a for a in [tok, *tok.ancestors] if a.head.i == v.i and a.i != v.i]
    cstart = max(path[0].left_edge.idx if path else tok_end(v), tok_end(v))
    cend = max(tok_end(path[0].right_edge) if path else s_end, frag_end)
    return cstart, min(cend, max(s_end, frag_end))


def _partial_attr(ctx: Ctx, marked: list[Marked], k: int, used: set[int], cstart: int, cend: int,
                  cue: str, spk: Spk) -> Attr | None:
    """Build the partial quote [cstart, cend) and absorb the fragments it contains."""
    text = ctx.text
    cstart, cend = trimmed(text, cstart, cend)
    while cstart < cend and text[cstart] in ",;: ":
        cstart += 1
    while cend > cstart and text[cend - 1] in ".":
        cend -= 1
    m = marked[k]
    if not (cstart <= m.open and m.close <= cend) and m.closed:
        cstart, cend = min(cstart, m.open), max(cend, m.close + 1)
    # `… "kept us safe" on Twitter before claiming that …`: a new reporting verb starts a new statement
    frag_end = m.close + 1 if m.closed else m.end
    for t in ctx.tokens(frag_end, cend):
        if is_cue_verb(t) and not ctx.in_quote(t.idx) and t.idx > frag_end:
            cut = t.idx
            prev = ctx.doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.idx >= frag_end and (prev.pos_ in ("ADP", "SCONJ", "CCONJ") or prev.is_punct):
                cut = prev.idx
            cend = trimmed(text, cstart, cut)[1]
            break
    for j in range(k + 1, len(marked)):
        if marked[j].open >= cend:
            break
        if marked[j].close < cend:
            used.add(j)
    return Attr("partial", cstart, cend, cue, spk)
