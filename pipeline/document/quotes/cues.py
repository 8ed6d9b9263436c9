"""Reporting cues: which tokens are reporting verbs (or "according to"), and who their source is."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources as R
from .context import Ctx, lemma
from .records import Spk
from .speakers import kind_of_noun, speaker_from_token


def source_of_verb(ctx: Ctx, v: Token, toks: list[Token] | None = None, k: int = -1) -> Spk | None:
    """Speaker mention of reporting verb v (grammar first, adjacent noun phrase as fallback).

    `toks` is the search window v was found in (v = toks[k]); a grammatical subject outside it is
    ignored and the noun phrase next to v is tried instead.
    """
    st = statement_source(v)
    subj = st or subject_token(v)
    if st is None and subj is not None and (subj.dep_ in ("nsubjpass", "expl") or subj.lower_ == "it" and any(
            c.dep_ == "auxpass" for c in v.children)):
        return None     # "It was revealed that …": no source
    if subj is not None and toks is not None and subj not in toks:
        subj = None if st is None else subj
    if subj is None and toks is not None and k >= 0:
        first = all(t.is_punct or t.is_space for t in toks[:k])
        subj = np_near(ctx, toks, k, after=first)
    spk = speaker_from_token(ctx, subj) if subj is not None else None
    # "that fact speaks volumes": a plain noun speaks only with the core verbs (say, tell, …)
    if spk is not None and spk.type is None and spk.pronoun is None and spk.ref is None \
            and lemma(v) not in R.QUOTE_CORE_VERBS:
        return None
    return spk


def is_cue_verb(t: Token) -> bool:
    """A reporting verb ("said", "warned") or a reporting phrasal verb ("went on", "shot back")."""
    if t.pos_ not in ("VERB", "AUX") or lemma(t) == "be":
        return False
    if lemma(t) in R.REPORTING_VERBS:
        return True
    if lemma(t) == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in t.children):
        return True     # "as X put it: "…""
    return any(c.dep_ in ("prt", "advmod") and f"{lemma(t)} {c.lower_}" in R.QUOTE_PHRASAL_VERBS for c in t.children)


def cue_text(t: Token) -> str:
    """The cue as written: the verb, with its particle for a phrasal verb ("shot back")."""
    prt = [c for c in t.children if c.dep_ in ("prt", "advmod") and f"{lemma(t)} {c.lower_}" in R.QUOTE_PHRASAL_VERBS]
    return f"{t.text} {prt[0].text}" if prt else t.text


def according(toks: list[Token]) -> tuple[Token, Token] | None:
    """('according' token, source head) for 'according to X' / 'as per X' in toks."""
    for k, t in enumerate(toks[:-1]):
        pair = f"{t.lower_} {toks[k + 1].lower_}"
        if pair in R.QUOTE_ACCORDING:    # only its two-word phrases can match
            prep = toks[k + 1]
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return t, objs[0]
            for u in toks[k + 2:k + 8]:
                if u.pos_ in ("PROPN", "NOUN", "PRON"):
                    nxt = u
                    while nxt.i + 1 < len(u.doc) and u.doc[nxt.i + 1].pos_ == "PROPN":
                        nxt = u.doc[nxt.i + 1]
                    return t, nxt if u.pos_ == "PROPN" else u
    return None


def subject_token(v: Token) -> Token | None:
    """Grammatical source of a reporting verb: its subject, climbing conj/xcomp/advcl chains,
    or the object of 'quoted X as saying'."""
    if v.i > 0 and v.doc[v.i - 1].lower_ == "as":      # "quoted X, title, as saying"
        for q in reversed(v.doc[max(0, v.i - 30):v.i - 1]):
            if lemma(q) == "quote" and q.pos_ == "VERB":
                objs = [c for c in q.children if c.dep_ in ("dobj", "obj")]
                nxt = [t for t in v.doc[q.i + 1:v.i] if t.pos_ == "PROPN"]
                return objs[0] if objs else (nxt[0] if nxt else None)
    h = v
    for _ in range(4):
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if h.dep_ == "pcomp" and h.head.lower_ == "as" and lemma(h.head.head) == "quote":
            for c in h.head.head.children:       # "quoted X as saying"
                if c.dep_ in ("dobj", "obj"):
                    return c
            return None
        if h.dep_ in ("conj", "xcomp", "advcl") and h.head.i != h.i:
            participle = h.tag_ == "VBG" and h.dep_ == "advcl"
            h = h.head
            # "X argued that a database would help, saying …": X says, not the database
            while participle and h.dep_ in ("ccomp", "xcomp") and h.head.i != h.i:
                h = h.head
        else:
            return None
    return None


def np_near(ctx: Ctx, toks: list[Token], k: int, after: bool) -> Token | None:
    """Surface fallback: the noun/pronoun right after (or right before) toks[k]."""
    rng = range(k + 1, min(len(toks), k + 6)) if after else range(k - 1, max(-1, k - 4), -1)
    for j in rng:
        t = toks[j]
        if t.pos_ in ("ADV", "PART", "AUX") or t.is_punct and not after:
            continue
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
            return None
        if t.pos_ in ("PROPN", "PRON") or (t.pos_ == "NOUN" and (after or kind_of_noun(t))):
            if after:   # head of the phrase: the last noun of a compound run
                while j + 1 < len(toks) and toks[j + 1].pos_ in ("PROPN",) and toks[j + 1].dep_ != "punct":
                    j += 1
                return toks[j]
            return t
        if t.pos_ in ("DET", "ADJ") and after:
            continue
        return None
    return None


def statement_source(v: Token) -> Token | None:
    """'said in a statement from the Foreign Ministry' -> Ministry."""
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ in R.QUOTE_STATEMENT_PREPS:
            for n in p.children:
                if n.dep_ == "pobj" and lemma(n) in R.QUOTE_STATEMENT_NOUNS:
                    for p2 in n.children:
                        if p2.dep_ == "prep" and p2.lower_ in R.QUOTE_STATEMENT_SOURCE_PREPS:
                            for x in p2.children:
                                if x.dep_ == "pobj":
                                    return x
    return None


def has_own_content(v: Token, after: int, strict: bool) -> bool:
    """v governs its own reported content to its right: not an attribution of the quote before."""
    for c in v.rights:
        if c.idx < after:
            continue
        le = c.left_edge
        if le.i > 0 and v.doc[le.i - 1].text == "," and le.i - 1 > v.i:
            continue   # `said, mentioning …`: a participle clause, not the verb's own content
        near = le.i - v.i <= 4          # `said Tuesday that …`, not `said in an interview … aired`
        if (c.dep_ == "ccomp" and near) or (strict and c.dep_ in ("dobj", "xcomp") and lemma(v) not in R.QUOTE_ADDRESSEE_VERBS):
            return True
        if c.dep_ == "xcomp":   # "went on to say that ..."
            if any(g.dep_ == "ccomp" for g in c.rights):
                return True
    return False
