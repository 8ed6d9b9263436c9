"""The entities stage's entry point: actor mentions of one spaCy Doc, in text order."""
from __future__ import annotations

import bisect
import re
from typing import Callable

from spacy.tokens import Doc

from .. import actor_types as AT
from .. import nlp as nlp_mod
from ... import resources as R
from ...names import name_tokens, norm, strip_name_titles
from ..nlp import text_of
from .fragments import is_fragment, salvage
from .linking import generic_org, link_acronyms, link_orgs, link_people, unify_types
from .mention import Mention
from .retype import retype
from .spans import missed_surnames, raw_spans, split_glue, strip_edges, title_led_names


def extract_mentions(doc: Doc, skip: Callable[[int], bool] = lambda off: False) -> list[dict]:
    """Actor mentions of one document, in text order.

    Each dict: start, end (offsets of the cleaned span; doc.text[start:end] == text), text,
    label (spaCy's NER label; "RULE" for a name NER missed after a title), sent (sentence index), name (display form in this document: titles
    stripped, surname linked to the full name), type (after re-typing), role (stripped title
    words, or None). `skip(offset)` is True in lines whose mentions are not kept (headlines,
    captions, bylines, boilerplate).
    """
    verbs = nlp_mod.verbs_of(doc)
    known = {norm(e.text): e.label_ for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP")}
    cands: list[Mention] = []
    frags: list[Mention] = []
    for toks, label in raw_spans(doc) + title_led_names(doc):
        if label not in R.ACTOR_LABELS and label != "RULE":
            continue
        toks = strip_edges(toks)
        if not toks or skip(toks[0].idx):
            continue
        m = Mention(toks, label, "PERSON" if label == "RULE" else label, "")
        if is_fragment(m, verbs):
            frags.append(m)
            continue
        if not strip_name_titles(m):
            continue
        m.start, m.end = m.toks[0].idx, m.toks[-1].idx + len(m.toks[-1].text)
        for part in split_glue(m, known):
            part.end = part.start + len(re.sub(r"['\u2019]s?$", "", text_of(doc)[part.start:part.end]))
            if part.end > part.start and retype(part):
                cands.append(part)
    persons = [name_tokens(m.name) for m in cands if m.type == "PERSON" and len(name_tokens(m.name)) >= 2]
    names = {norm(m.name): m.type for m in cands} | {norm(text_of(doc)[m.start:m.end]): m.type for m in cands}
    for f in frags:
        for part in salvage(f, names, persons):
            if strip_name_titles(part) and retype(part):
                cands.append(part)
    cands += missed_surnames(doc, cands, frags, skip)
    cands.sort(key=lambda m: m.start)
    link_people(cands)
    link_orgs(cands)
    link_acronyms(cands)
    cands = [m for m in cands if not generic_org(m)]
    AT.spread_clubs(cands, norm)
    unify_types(cands)
    starts = [s.start for s in doc.sents]
    out = []
    for m in cands:
        tok_i = doc.char_span(m.start, m.end, alignment_mode="expand")
        ti = tok_i.start if tok_i is not None else m.toks[0].i
        out.append({
            "start": m.start, "end": m.end, "text": text_of(doc)[m.start:m.end], "label": m.label,
            "sent": bisect.bisect_right(starts, ti) - 1, "name": m.name, "type": m.type, "role": m.role,
        })
    return out
