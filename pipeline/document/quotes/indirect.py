"""Indirect speech: `X said (that) …` and `According to X, …` in sentences with no quote marks."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources as R
from .context import Ctx, lemma, tok_end
from .cues import according, is_cue_verb, source_of_verb, subject_token
from .marks import UNAMBIGUOUS_MARKS, trimmed
from .records import Attr, Spk
from .speakers import speaker_from_token, speakerlike


def indirect_quotes(ctx: Ctx, taken: list[tuple[int, int]]) -> list[Attr]:
    """`X said (that) …` and `According to X, …` in sentences with no quote.

    Sentences overlapping a span in `taken` (the quotes already found) are skipped.
    """
    out = []
    for sent in ctx.doc.sents:
        s, e = sent.start_char, sent.end_char
        if ctx.skip(s) or any(a < e and s < b for a, b in taken) or any(c in UNAMBIGUOUS_MARKS for c in sent.text):
            continue
        toks = [t for t in sent if not t.is_space]
        acc = according(toks[:3])
        if acc:
            spk = speakerlike(speaker_from_token(ctx, acc[1]))
            comma = next((t for t in toks if t.text == "," and t.i > acc[1].i), None)
            if spk and comma is not None:   # "According to X, …": the rest of the sentence or nothing
                a = _after_comma(ctx, comma, e, spk)
                if a is not None:
                    out.append(a)
                continue
        a = _reported_clause(ctx, toks)
        if a is not None:
            out.append(a)
    return out


def _after_comma(ctx: Ctx, comma: Token, end: int, spk: Spk) -> Attr | None:
    """`According to X, …`: the rest of the sentence after the comma, when it says something."""
    text = ctx.text
    cs, ce = trimmed(text, tok_end(comma), end)
    ce = ce - 1 if text[ce - 1:ce] == "." else ce
    if ce - cs > 10:
        return Attr("indirect", cs, ce, "according to", spk)
    return None


def _reported_clause(ctx: Ctx, toks: list[Token]) -> Attr | None:
    """`X said (that) …` / `…, X said.`: the clausal complement of the first reporting verb with a source."""
    text = ctx.text
    for v in toks:
        if not is_cue_verb(v) or lemma(v) in R.QUOTE_WEAK_VERBS:
            continue
        comp = [c for c in v.rights if c.dep_ == "ccomp"]
        subj_tok = subject_token(v)
        if not comp and subj_tok is not None and subj_tok.i > v.i - 3:
            # "Revenge was Iran's duty, Khamenei said.": the clause comes first
            comp = [c for c in v.lefts if c.dep_ == "ccomp" and c.right_edge.i < subj_tok.i]
        if not comp:
            continue
        spk = source_of_verb(ctx, v)
        if spk is None:
            continue
        c = comp[0]
        cs, ce = trimmed(text, c.left_edge.idx, tok_end(c.right_edge))
        ce = ce - 1 if text[ce - 1:ce] == "." else ce
        if ce - cs > 10 and not (spk.start < ce and cs < spk.end):
            return Attr("indirect", cs, ce, v.text, spk)
    return None
