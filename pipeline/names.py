"""Names: the helpers that compare actor names, shared by `pipeline.entities` (one document) and
`pipeline.actors` (the corpus).

- normalising: `norm` (ASCII, lower case, no "the"/"'s"), `name_tokens` (particles dropped);
- transliteration: `translit`, a spelling-insensitive key (Haniyeh/Hanieh, Mohammed/Mohamed);
- matching: `surname_match`, `first_match`, `same_person`, `part_of`;
- demonyms: `demonym_country` ("Iranians" -> "Iran");
- titles: `strip_name_titles` moves titles and roles out of a mention's tokens into its role
  ("Supreme Leader" Ali Khamenei). It is not `quotes.strip_titles` (plain strings, the quote
  titles list); the two are kept apart on purpose.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.tokens import Token

from . import actor_types as AT
from . import resources as R

if TYPE_CHECKING:
    from .entities.mention import Mention

SURNAME_CUTOFF = 88      # rapidfuzz ratio on transliteration keys: Haniyeh ~ Hanieh, not Jalili ~ Jalali
FIRST_CUTOFF = 85        # Mahmoud ~ Mahmud; Saeed ~ Said comes from the variants table

FIRST_CANON = MappingProxyType({v: g[0] for g in R.FIRST_NAME_VARIANTS for v in g})   # variant -> first form
_PUNCT_MAP = MappingProxyType(str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'",
                                             "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"}))
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r"'s?$")


# ---------------------------------------------------------------- normalising
@lru_cache(maxsize=500_000)
def norm(s: str) -> str:
    """Comparison form of a name: ASCII, lower-case, straight quotes, single spaces, no "the"/"'s"."""
    s = s.translate(_PUNCT_MAP)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower()
    s = _SPACES.sub(" ", s).strip(" ,;:'\"")
    s = _THE.sub("", s)
    return _POSSESSIVE.sub("", s).strip()


def name_tokens(name: str) -> list[str]:
    """Comparable tokens of a person's name: particles dropped ("al-Sudani" -> "sudani")."""
    out = []
    for tok in norm(name).replace("'", "").replace(".", "").split():
        parts = [p for p in tok.split("-") if p]
        while len(parts) > 1 and parts[0] in R.NAME_PARTICLES:
            parts = parts[1:]
        if not parts or (len(parts) == 1 and parts[0] in R.NAME_PARTICLES):
            continue
        out.append("".join(parts))
    return out


@lru_cache(maxsize=200_000)
def translit(tok: str) -> str:
    """A transliteration-insensitive key: Haniyeh/Hanieh -> "hanie", Mohammed/Mohamed -> one key."""
    tok = FIRST_CANON.get(tok, tok)
    for a, b in R.TRANSLIT_REWRITES:
        tok = tok.replace(a, b)
    tok = re.sub(r"([aeiou])h$", r"\1", tok)
    return re.sub(r"(.)\1+", r"\1", tok)


def demonym_country(name: str) -> str | None:
    """The country a demonym stands for ("Iranians" -> "Iran", "West German" -> "West Germany")."""
    k = norm(name)
    return R.DEMONYMS.get(k) or (R.DEMONYMS.get(k[:-1]) if k.endswith("s") else None)


# ---------------------------------------------------------------- matching
def surname_match(a: str, b: str) -> bool:
    """Two surname tokens that are spelling variants of each other."""
    if a == b:
        return True
    ta, tb = translit(a), translit(b)
    return ta == tb or (min(len(ta), len(tb)) >= 4 and fuzz.ratio(ta, tb) >= SURNAME_CUTOFF)


def first_match(a: str, b: str) -> bool:
    """Two first-name (or middle-name) tokens that can be the same name: variants, initials, "Shi"/"Shia"."""
    if a == b or FIRST_CANON.get(a, a) == FIRST_CANON.get(b, b):
        return True
    if len(a) == 1 or len(b) == 1:                       # an initial
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    ta, tb = translit(a), translit(b)
    return ta == tb or (min(len(ta), len(tb)) >= 4 and fuzz.ratio(ta, tb) >= FIRST_CUTOFF)


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names (>= 2 tokens each) of one person: surnames and first names agree, middles fit."""
    if len(a) < 2 or len(b) < 2 or not surname_match(a[-1], b[-1]) or not first_match(a[0], b[0]):
        return False
    ma, mb = sorted((a[1:-1], b[1:-1]), key=len)
    return all(any(first_match(x, y) for y in mb) for x in ma)


def part_of(part: list[str], full: list[str]) -> bool:
    """A surname ("Khamenei") or trailing part ("Hashemi Rafsanjani") of a longer full name."""
    if not part or len(part) >= len(full):
        return False
    if len(part) == 1:
        return any(surname_match(part[0], t) for t in full[1:])
    return all(surname_match(x, y) for x, y in zip(part, full[-len(part):]))


# ---------------------------------------------------------------- titles (tokens of a mention)
def low(tok: Token) -> str:
    """A token's comparison form without a trailing full stop ("Gen." -> "gen")."""
    return norm(tok.text).rstrip(".")


def is_space_or_punct(tok: Token) -> bool:
    """Whitespace, a bracket or punctuation other than a hyphen: never part of a name's edge."""
    return tok.is_space or tok.is_bracket or (tok.is_punct and tok.text not in "-")


def is_title(tok: Token, qualifiers: bool = True) -> bool:
    """A title or role word ("President", "Minister"), or with `qualifiers` a title qualifier ("Deputy")."""
    word = low(tok)
    return word in R.TITLE_WORDS or (qualifiers and word in R.TITLE_QUALIFIERS)


def strip_name_titles(m: Mention) -> bool:
    """Strip titles/roles from the mention's tokens into m.role. False when nothing but titles is left.

    A title-word surname ("Judge" beside "Bruce Judge") stays; a role before a name that NER
    called an organisation ("Defense Lloyd Austin") makes the mention a person."""
    toks = m.toks
    if AT.title_surname(toks):                        # "Judge" beside "Bruce Judge": a surname
        m.type = "PERSON"
        return True
    if m.type == "PERSON":
        i = AT.demonym_prefix(toks)                    # "New Zealander Bruce Judge"
        while i < len(toks) - 1 and AT.not_a_name(toks[i]):   # "Besides Vaskevitch"
            i += 1
        while i < len(toks) and (is_title(toks[i]) or is_space_or_punct(toks[i])):
            i += 1
        j = len(toks)
        while j > i and (is_space_or_punct(toks[j - 1]) or (
                is_title(toks[j - 1], qualifiers=False) and low(toks[j - 1]) not in R.TITLE_SURNAMES)):
            j -= 1
        if i >= j:
            return False
        stripped = toks[:i] + toks[j:]
        m.toks = toks[i:j]
    else:
        if len(toks) == 1 and is_title(toks[0]) and low(toks[0]) not in R.COUNTRY_VARIANTS \
                and low(toks[0]) not in R.ORG_VARIANTS:
            return False
        i = 0
        while i < len(toks) - 1 and is_title(toks[i]):
            i += 1
        if i == 0 or not _person_like(toks[i:]):
            return True
        stripped, m.toks = toks[:i], toks[i:]
        m.type, m.strong = "PERSON", True           # "Defense Lloyd Austin": a role, so a person
    trailing = [t.text for t in stripped if t.i > m.toks[-1].i and t.is_alpha]
    m.role = " ".join(_role_before(m.toks[0]) + trailing) or None
    return True


def _person_like(toks: list[Token]) -> bool:
    """2-4 capitalised tokens, none an organisation head word or a country: a person's name."""
    words = [t for t in toks if t.is_alpha]
    return (2 <= len(words) <= 4 and all(t.text[0].isupper() for t in words)
            and not any(low(t) in R.ORG_HEAD_WORDS or low(t).rstrip(".") in R.COMPANY_SUFFIXES for t in words)
            and norm(" ".join(t.text for t in toks)) not in R.COUNTRY_VARIANTS)


def _role_before(first: Token) -> list[str]:
    """Title words right before a name ("Supreme Leader" Ali Khamenei, "US Secretary of Defense"),
    inside or outside the NER span; [] unless they hold a title word."""
    doc, k = first.doc, first.i - 1
    while k >= 0 and first.i - k <= 6 and "\n" not in doc[k].text_with_ws and is_title(doc[k]):
        k -= 1
    words = [doc[x] for x in range(k + 1, first.i)]
    while words and low(words[0]) in R.ROLE_LEAD_WORDS:
        words.pop(0)                                   # "the", "for", "of" before the title
    if not any(low(w) in R.TITLE_WORDS for w in words):
        return []
    return [w.text for w in words]
