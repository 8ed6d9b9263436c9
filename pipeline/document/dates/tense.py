"""Tense of the verb a time expression hangs on: 'future', 'past', 'present' or 'unknown'
(a year-less date or a weekday is placed before or after the publication date by it)."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ... import resources as R
from ..nlp import text_of
from ..tokens import lemma_of

_FUTURE_BEFORE = re.compile(R.FUTURE_CUE_BEFORE)


def tense(tok: Token) -> str:
    """'future', 'past', 'present' or 'unknown' for the verb the expression starting at `tok` hangs on."""
    verb, open_end = tok, False
    before = text_of(tok.doc)[max(0, tok.idx - 16):tok.idx].lower()
    if _FUTURE_BEFORE.search(before):
        return "future"               # "as early as Tuesday"
    for step in range(5):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        if verb.lower_ in R.FUTURE_ADJ:
            return "future"           # "payable Dec. 15", "effective Feb. 1"
        if step == 1 and verb.lower_ in R.UNTIL_PREPS:
            open_end = True
        elif step == 1 and verb.lower_ in R.OPEN_END_PREPS:
            return "unknown"          # "extended to Nov. 20", "until mid-November": often ahead
        verb = verb.head
    if open_end:                      # "remain closed until Friday": ahead unless told in the past
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        past = verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or auxes & R.PAST_AUXES)
        return "past" if past and lemma_of(verb).lower() not in R.DEADLINE_VERBS else "future"
    return _verb_tense(verb)


def _verb_tense(verb: Token) -> str:
    if verb.pos_ not in ("VERB", "AUX"):
        return "unknown"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {c.lower_ for c in auxes} | {lemma_of(c).lower() for c in auxes}
    lemma = lemma_of(verb).lower()
    if lemmas & set(R.FUTURE_AUX):
        return "future"           # will / would / 'll / going to
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):
        if verb.head != verb and lemma_of(verb.head).lower() in R.FUTURE_VERBS:
            return "future"       # "plans to meet on Friday"
        return "unknown"          # purpose or reported infinitive: let the window decide
    if verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") and lemma_of(c) == "be" for c in auxes) \
            and "have" not in lemmas:
        return "future"           # "is meeting on Friday"
    if verb.tag_ == "VBN" and not auxes and lemma in R.FUTURE_VERBS and verb.dep_ in ("acl", "amod"):
        return "future"           # "elections scheduled for May 11", "talks set for Friday"
    if verb.tag_ == "VBD" or lemmas & R.PAST_OR_PERFECT_AUXES:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        if lemma in R.REPORTING_VERBS or lemma == "be":
            return "present"
        return "future" if lemma in R.FUTURE_VERBS else "present"
    return "unknown"
