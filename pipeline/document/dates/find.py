"""Finding time expressions: every match of the date patterns, longest first, kept when its
context allows; UNRESOLVED specs (no publication date needed, see `resolve`)."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from ... import resources as R
from ...date_patterns import PATTERNS
from ..nlp import text_of
from .context import context_ok
from .doc_index import sent_bounds, token_at
from .specs import spec_of
from .tense import tense


def find_timexes(doc: Doc, skip: Callable[[int], bool] = lambda off: False) -> list[dict]:
    """Every time expression in the non-skipped text, unresolved (no publication date needed).

    Each dict: expression, expr_start, expr_end, sent_start, sent_end, spec (JSON-able)."""
    text = text_of(doc)
    cands = []
    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            spec, (s, e) = spec_of(name, m)
            if spec is None or s >= e:
                continue
            cands.append((s, e, spec))
    out = []
    taken = bytearray(len(text))                 # characters already inside an accepted expression
    for s, e, spec in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):   # longest first
        if any(taken[s:e]) or skip(s):
            continue
        if not context_ok(doc, text, s, spec, e):
            continue
        tok = token_at(doc, s)
        if tok is None:
            continue
        if spec["kind"] in ("weekday", "date", "month", "weekend", "holiday") and "tense" not in spec:
            spec["tense"] = tense(tok)
        taken[s:e] = b"\x01" * (e - s)
        if spec["kind"] in R.UNEMITTED_KINDS:
            continue                              # its words are used up, but it is no date
        _, _, sent_start, sent_end = sent_bounds(doc, tok)
        # an expression split by the sentence splitter ("Nov. | 5") keeps the whole of it
        out.append({"expression": text[s:e], "expr_start": s, "expr_end": e,
                    "sent_start": sent_start, "sent_end": max(sent_end, e), "spec": spec})
    return sorted(out, key=lambda t: t["expr_start"])
