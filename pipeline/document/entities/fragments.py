"""Headline fragments: title-case spans with a verb ("Khamenei Ordered Strike") are not names;
only their parts that name an actor of the same document are kept."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources as R
from ...names import FIRST_CANON, name_tokens, norm, part_of
from ..nlp import text_of
from .mention import Mention
from .spans import strip_edges


def is_fragment(m: Mention, verbs: tuple[frozenset, frozenset]) -> bool:
    """A title-case headline fragment: a multi-word span with a verb after its first word.
    Sets m.parts to the runs of tokens between the verbs."""
    toks = [t for t in m.toks if not t.is_space]
    if len(toks) < 2:
        return False
    n = len(toks)
    if norm(" ".join(t.text for t in toks)) in R.ORG_VARIANTS:
        return False
    org = m.label == "ORG"
    hits = [k for k in range(1, n) if toks[k].text[:1].isupper() and _verb_like(toks[k], k < n - 1, verbs, org)]
    if not hits:
        return False
    runs, cur = [], []
    for k, t in enumerate(toks):
        if k in hits:
            runs.append(cur)
            cur = []
        else:
            cur.append(t)
    runs.append(cur)
    m.parts = [r for r in runs if r]
    return True


def salvage(frag: Mention, known: dict[str, str], persons: list[list[str]]) -> list[Mention]:
    """Parts of a headline fragment that name an actor of the document ("Khamenei" in
    "Khamenei Ordered Strike")."""
    out = []
    for run in frag.parts:
        run = strip_edges(run)
        if not run:
            continue
        text = text_of(frag.toks[0].doc)[run[0].idx:run[-1].idx + len(run[-1].text)]
        key = norm(text)
        toks = name_tokens(text)
        typ = known.get(key)
        if not typ and toks and any(toks == p or part_of(toks, p) for p in persons):
            typ = "PERSON"
        if typ:
            m = Mention(run, typ, typ, "")
            m.start, m.end = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append(m)
    return out


def _verb_like(tok: Token, middle: bool, verbs: tuple[frozenset, frozenset], org: bool = False) -> bool:
    """A title-case token inside a name span that reads as a verb ("Ordered", "Briefs", "Preoccupied").
    In organisation names only explicit cues count ("Revolutionary Guards Corps", "Building Workers")."""
    low = tok.lower_
    if not tok.is_alpha or low in R.NAME_NOT_VERB or low in FIRST_CANON:
        return False
    if low in R.HEADLINE_VERBS or tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX"):
        return True
    if org:
        return False
    base, exc = verbs
    for suf, rep in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if low.endswith(suf) and len(low) > len(suf) + 2 and low[: -len(suf)] + rep in base:
            return True
    if middle:      # "-s" and irregular forms only mid-span: "Bill Gates", "Charlie Rose" are names
        if low in exc and low not in base:
            return True
        for suf, rep in (("es", ""), ("s", "")):
            if low.endswith(suf) and low[: -len(suf)] + rep in base:
                return True
    return False
