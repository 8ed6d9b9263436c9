"""Places in one document: a capital standing for its government ("Washington did not know" is the
United States) and a city's sports club ("Liverpool beat Everton" is "Liverpool (club)")."""
from __future__ import annotations

from spacy.tokens import Doc

from .. import actor_types as AT
from ... import resources as R
from ...names import demonym_country, norm
from ..tokens import lemma_of
from .mention import Mention, display, tokens_text

_COUNTRIES_KEY = "dossier_countries_named"


def metonym(m: Mention, key: str) -> str | None:
    """The country when a capital stands for its government ("Washington did not know"); a
    capital whose state changed stands for the state the document names (R.CAPITAL_ALT: "Moscow"
    in a story about the Soviets is the Soviet Union)."""
    country = R.CAPITAL_METONYMS.get(key)
    if not country:
        return None
    named = countries_named(m.toks[0].doc)
    country = next((c for c in R.CAPITAL_ALT.get(key, ()) if c in named), country)
    root = max(m.toks, key=lambda t: t.head not in m.toks)   # the token whose head is outside
    doc = root.doc
    first = m.toks[0]
    at_line_start = first.i == 0 or "\n" in doc[first.i - 1].text_with_ws
    nxt = doc[m.toks[-1].i + 1].text if m.toks[-1].i + 1 < len(doc) else ""
    if at_line_start and nxt in (",", ":"):               # a dateline, "Tehran, 5 November 2023:"
        return None
    dep, head = root.dep_, root.head
    if dep in R.METONYM_DEPS:
        return country
    if dep == "pobj" and head.lower_ in R.METONYM_PREPS:
        return country
    if dep == "dobj" and lemma_of(head) not in R.MOTION_VERBS:
        return country
    return None


def countries_named(doc: Doc) -> set[str]:
    """Countries the document names, by a country variant or a demonym (cached per document)."""
    out = doc.user_data.get(_COUNTRIES_KEY)
    if out is None:
        out = set()
        for e in doc.ents:
            c = R.COUNTRY_VARIANTS.get(norm(e.text)) or demonym_country(e.text)
            out.add(c or e.text)
        doc.user_data[_COUNTRIES_KEY] = out
    return out


def club(m: Mention, key: str) -> bool:
    """A city's sports club ("Liverpool beat Everton"): ORG "Liverpool (club)"; never a country."""
    if key in AT.place_keys(norm) and key not in R.CAPITAL_METONYMS or not AT.club_cue(m.toks):
        return False
    m.type, m.strong = "ORG", True
    m.name = display(tokens_text(m), "GPE") + R.CLUB_SUFFIX
    return True
