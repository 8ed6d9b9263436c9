"""Publication date from the text (rung `text` of `pipeline.inputs.publication`): the latest explicit
full date that a reporting verb anchors ("said on 5 May 2024")."""
from __future__ import annotations

from datetime import date
from typing import Callable

from spacy.tokens import Doc, Token

from ... import resources as R
from ..nlp import text_of
from ..tokens import lemma_of
from .doc_index import sent_bounds, token_at
from .resolving import resolve


def publication_from_text(doc: Doc, timexes: list[dict], skip: Callable[[int], bool] = lambda off: False
                          ) -> date | None:
    """Step 4: the latest explicit full date that a reporting verb anchors ("said on 5 May 2024").

    Dates in skipped lines (captions), inside quotation marks, or attached to other verbs
    (an older event: "the attack of 7 October 2023") are not publication dates."""
    best = None
    text = text_of(doc)
    for t in timexes:
        spec = t["spec"]
        if spec.get("kind") != "date" or spec.get("year") is None or skip(t["expr_start"]):
            continue
        if _in_quotes(text, t["sent_start"], t["expr_start"]):
            continue
        tok = token_at(doc, t["expr_start"])
        if tok is None or not _anchored_by_reporting(doc, tok, t["expr_end"]):
            continue
        r = resolve(spec, None)
        if r and (best is None or r[0] > best):
            best = r[0]
    return best


def _anchored_by_reporting(doc: Doc, tok: Token, expr_end: int) -> bool:
    """Does the first verb above the expression's tokens have a reporting lemma? Not a participle
    after a noun: "agents charged in the Dec. 21, 1988, bombing" dates the bombing, not a report."""
    first, end, _, _ = sent_bounds(doc, tok)
    toks = [t for t in doc[first:end] if tok.idx <= t.idx < expr_end]
    heads = [t for t in toks if t.head not in toks or t.head == t]
    for h in heads or [tok]:
        v = h
        for _ in range(4):
            if v.pos_ in ("VERB", "AUX") and lemma_of(v).lower() not in ("be",):
                break
            if v.head == v:
                break
            v = v.head
        if v.pos_ == "VERB" and lemma_of(v).lower() in R.REPORTING_VERBS and v.dep_ != "acl":
            return True
    return False


def _in_quotes(text: str, sent_start: int, off: int) -> bool:
    """Is `off` inside a quotation opened earlier in its sentence?"""
    seg = text[sent_start:off]
    if seg.count("\u201c") > seg.count("\u201d"):
        return True
    return seg.count('"') % 2 == 1
