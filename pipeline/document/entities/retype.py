"""Naming and typing one mention by rules: media and agencies are ORG, country and organisation
variants get their canonical name ("USA" -> "United States"), newswire furniture (wire services
that are not the source, portfolios, currencies, legal forms alone, agreements, facilities) is
not an actor."""
from __future__ import annotations

import re
from types import MappingProxyType

from .. import actor_types as AT
from ... import resources as R
from ...names import norm
from ..nlp import text_of
from .mention import Mention, display, next_word, tokens_text
from .places import club, metonym

_COUNTRY_KEYS = MappingProxyType({c.lower(): c for c in R.COUNTRY_NAMES})     # "japan" -> "Japan"


def retype(m: Mention) -> bool:
    """Name and type by rules. False when the mention is not an actor."""
    text = text_of(m.toks[0].doc)[m.start:m.end]
    key = norm(text)
    words = key.split()
    if not key or not re.search(r"[A-Z]", text) or key in R.STOP_NAMES or len(key) < 2:
        return False
    if len(words) > 1 and words[0] in R.EVENT_FIRST_WORDS or re.match(r"(pro|anti)-", key):
        return False
    if key in R.WIRE_SERVICES and not _is_source(m):
        return False                              # "told Reuters", "a Reuter survey"
    if all(w in R.PORTFOLIO_WORDS for w in words) or words[-1] in R.CURRENCY_WORDS \
            or all(w.rstrip(".,") in R.COMPANY_SUFFIXES for w in words):
        return False                              # "Agriculture" Secretary, "U.S. Dollar", "Co Inc"
    if key in R.MEDIA_NAMES:
        m.type, m.name, m.strong = "ORG", R.MEDIA_NAMES[key], True
        return True
    if m.type != "NORP" and key in AT.place_keys(norm) and AT.place_named_person(m.toks, m.label):
        m.type, m.name = "PERSON", display(tokens_text(m), "PERSON")   # "Washington" of Harold Washington
        return True
    if key in R.COUNTRY_VARIANTS and m.label in ("GPE", "ORG", "PERSON", "NORP") and m.type != "NORP":
        m.type, m.name, m.strong = "GPE", R.COUNTRY_VARIANTS[key], True
        return True
    if key in _COUNTRY_KEYS and m.label in ("GPE", "ORG", "PERSON") and m.type != "NORP":
        m.type, m.name, m.strong = "GPE", _COUNTRY_KEYS[key], True          # NER's ORG "Japan", PERSON "Gabon"
        return True
    if key in R.ORG_VARIANTS:
        m.type, m.name, m.strong = "ORG", R.ORG_VARIANTS[key], True
        return True
    nxt = next_word(m)
    if m.type in ("PERSON", "ORG", "GPE") and (_is_facility(m) or nxt in R.NOT_ACTOR_NEXT):
        return False                              # "Jamkaran mosque", "the Louvre accord"
    if m.type != "NORP" and nxt in R.ORG_CUE_NEXT:
        m.type, m.strong = "ORG", True
    elif m.type in ("PERSON", "ORG", "GPE") and nxt in R.GPE_CUE_NEXT:
        m.type, m.strong = "GPE", True
    elif m.type == "PERSON" and (words[-1] in R.ORG_HEAD_WORDS or AT.company_form(words)):
        m.type, m.strong = "ORG", True
    if (m.type == "GPE" or (m.type == "ORG" and key in R.CAPITAL_METONYMS)) and club(m, key):
        return True
    if m.type == "GPE" or (m.type == "ORG" and key in R.CAPITAL_METONYMS):
        country = metonym(m, key)
        if country:
            m.type, m.name, m.strong = "GPE", country, True
            return True
        m.type = "GPE"                            # NER's ORG "Washington" in "talks in Washington"
    m.name = display(tokens_text(m), m.type)
    return True


def _is_facility(m: Mention) -> bool:
    """A named building or site: "largest mosque, Jamharan", "the Jamkaran mosque"."""
    root = m.toks[-1]
    head = root.head
    if root.dep_ == "appos" and head.lower_ in R.FAC_NOUNS:
        return True
    return next_word(m) in R.FAC_NOUNS


def _is_source(m: Mention) -> bool:
    """A wire service that is itself a source: the subject of a clause ("Reuters reported") or
    "according to Reuters"."""
    root = max(m.toks, key=lambda t: t.head not in m.toks)
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"
