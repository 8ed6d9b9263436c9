"""Names: the helpers that compare actor names, shared by `pipeline.document.entities` (one document) and
`pipeline.corpus.actors` (the corpus).

- normalising: `norm` (ASCII, lower case, no "the"/"'s"), `name_tokens` (particles dropped);
- transliteration: `translit`, a spelling-insensitive key (Haniyeh/Hanieh, Mohammed/Mohamed);
- matching: `surname_match`, `first_match`, `same_person`, `part_of`;
- demonyms: `demonym_country` ("Iranians" -> "Iran");
- titles: `title_bounds`, the one title stripper (`R.TITLES`, `R.TITLE_QUALIFIERS`): where the
  name lies in a title-and-name phrase. `strip_name_titles` applies it to a mention's tokens and
  keeps the titles as the mention's role ("Supreme Leader" Ali Khamenei); `strip_titles` applies it
  to a plain string (a quote speaker's display name). `title_word` / `is_title` test one word / token.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.tokens import Token

from .document import actor_types as AT
from . import resources as R

if TYPE_CHECKING:
    from .document.entities.mention import Mention

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


# ---------------------------------------------------------------- titles
_POSSESSIVE_WORDS = frozenset({"'s", "\u2019s", "'", "\u2019"})
_PUNCT_WORD = re.compile(r"[\W_]+")             # punctuation only (a lone hyphen belongs to a name)


def word_form(word: str) -> str:
    """A word's comparison form for titles: "Gen." -> "gen", "Minister," -> "minister",
    "Iran's" -> "iran"; "" for whitespace, punctuation and a possessive token ("'s")."""
    if not word.strip() or word in _POSSESSIVE_WORDS or (_PUNCT_WORD.fullmatch(word) and word != "-"):
        return ""
    return norm(word).rstrip(".")


def title_word(word: str, qualifiers: bool = False) -> bool:
    """A title or role word ("President", "Gen.", "minister,"), or with `qualifiers` a title qualifier ("Foreign")."""
    w = word_form(word)
    return w in R.TITLES or (qualifiers and w in R.TITLE_QUALIFIERS)


def title_bounds(words: list[str]) -> tuple[int, int]:
    """Where the name lies in a phrase of titles and a name: [i, j) over `words` (the words of a
    string, or the texts of a span's tokens); i >= j when there is nothing but titles.

    - leading titles and qualifiers go, with "of <Word>" after them ("US Secretary of Defense
      Lloyd Austin", "Minister of Culture Mohammad Mehdi Esmaili"), and a country, demonym or
      possessive that owns the title ("Iran's Foreign Minister X", "Saudi King Salman");
    - so does everything up to a later title ("Tehran Mayor Alireza Zakani", "Hamas chief
      Ismail Haniyeh"), unless that title is a capitalised surname with one word after it
      ("Martin Luther King Jr", "Khalid Sheikh Mohammed") or follows a name particle ("Bandar bin
      Sultan al-Saud");
    - a lower-case place phrase right after a stripped title goes ("spokesman in Lebanon Mahmoud
      Tah"), name particles stay ("bin Salman", "du Plessis");
    - trailing titles go with their qualifiers ("Hossein Amirabdollahian, foreign minister",
      "John Kerry Secretary of State"), unless they are surnames too ("John Major", "John Major PM"
      loses "PM" only)."""
    forms = [word_form(w) for w in words]
    n = len(words)

    def nxt(k: int) -> int:                              # the next word that is not punctuation
        while k < n and not forms[k]:
            k += 1
        return k

    def past_titles(k: int) -> int:                      # past titles, qualifiers and "of <Word>"
        while k < n:
            if not forms[k] or forms[k] in R.TITLES or forms[k] in R.TITLE_QUALIFIERS:
                k += 1
            elif k and forms[k - 1] == "of" and nxt(k + 1) < n:
                k += 1                                   # "Minister of Culture X": the portfolio
            else:
                break
        return k

    first = nxt(0)
    after = nxt(first + 1)
    owner = first < n and (forms[first] in R.COUNTRY_VARIANTS or forms[first] in R.DEMONYMS
                           or re.search(r"['\u2019]s$", words[first]) or (after > first + 1 and
                                                                    words[first + 1] in _POSSESSIVE_WORDS))
    i = past_titles(first + 1 if owner and after < n and title_word(words[after], qualifiers=True) else 0)
    for k in range(i, n - 1):
        if k < i or forms[k] not in R.TITLES:
            continue
        rest = [f for f in forms[k + 1:] if f]
        if words[k][:1].isupper() and forms[k] in R.TITLE_SURNAMES and len(rest) < 2:
            continue                                     # "Martin Luther King Jr": a name
        if k and forms[k - 1] in R.NAME_PARTICLES:
            continue                                     # "Bandar bin Sultan al-Saud": a name
        if past_titles(k + 1) < n:                       # a name follows, not only titles
            i = past_titles(k + 1)
    if 0 < i < n and words[i][:1].islower() and forms[i] not in R.NAME_PARTICLES:
        while n - i > 2 and words[i][:1].islower() and forms[i] not in R.NAME_PARTICLES:
            i += 2                                       # "in Lebanon"
        while n - i > 1 and words[i][:1].islower() and forms[i] not in R.NAME_PARTICLES:
            i += 1
    j = n
    while j > i and not forms[j - 1]:
        j -= 1
    k = j                                                # trailing titles with their qualifiers
    while k > i and (not forms[k - 1] or forms[k - 1] not in R.TITLE_SURNAMES and (
            forms[k - 1] in R.TITLES or forms[k - 1] in R.TITLE_QUALIFIERS)):
        k -= 1
    if any(f in R.TITLES for f in forms[k:j]):           # not qualifiers alone ("Obama White House")
        j = k
        while j > i and not forms[j - 1]:
            j -= 1
    return i, j


def strip_titles(name: str, typ: str | None = "PERSON") -> str:
    """A person's name without its titles, as a plain string: 'Ayatollah Ali Khamenei' -> 'Ali Khamenei',
    'US Secretary of Defense Lloyd Austin' -> 'Lloyd Austin' (see `title_bounds`). A phrase with no
    name in it stays a description: nothing but titles ('U.S. Official', 'Foreign Minister') or one
    word before a title ('Agriculture Secretary', 'OPEC President'). Names of organisations, places
    and media are kept as they are."""
    if typ not in ("PERSON", None):
        return name.strip()
    words = name.split()
    i, j = title_bounds(words)
    if i >= j:                                           # nothing but titles
        i, j = 0, len(words)
        while j - i > 1 and word_form(words[i]) in R.ROLE_LEAD_WORDS:
            i += 1                                       # "the spokesman"
    elif j < len(words) and len([w for w in words[i:j] if word_form(w)]) == 1:
        j = len(words)                                   # the title's owner, not a name
    out = " ".join(words[i:j]).strip(" ,")
    return re.sub(r"['\u2019]s$", "", out) or name


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
    return word in R.TITLES or (qualifiers and word in R.TITLE_QUALIFIERS)


def strip_name_titles(m: Mention) -> bool:
    """Strip titles/roles from the mention's tokens into m.role. False when nothing but titles is left.

    A title-word surname ("Judge" beside "Bruce Judge") stays; a role before a name that NER
    called an organisation ("Defense Lloyd Austin") makes the mention a person."""
    toks = m.toks
    if AT.title_surname(toks):                        # "Judge" beside "Bruce Judge": a surname
        m.type = "PERSON"
        return True
    if m.type == "PERSON":
        k = AT.demonym_prefix(toks)                    # "New Zealander Bruce Judge"
        while k < len(toks) - 1 and AT.not_a_name(toks[k]):   # "Besides Vaskevitch"
            k += 1
        i, j = title_bounds([t.text for t in toks[k:]])
        i, j = i + k, j + k
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
    inside or outside the NER span; [] unless they hold a title word. A title that is someone else's
    is not the name's role: "an adviser to the" Clinton campaign has none, "an aide to President"
    Obama has "President"."""
    doc, k = first.doc, first.i - 1
    while k >= 0 and first.i - k <= 6 and "\n" not in doc[k].text_with_ws and is_title(doc[k]):
        k -= 1
    words = [doc[x] for x in range(k + 1, first.i)]
    if words and low(words[-1]) in R.ROLE_LEAD_WORDS:
        return []                                      # "adviser to the" Clinton campaign
    owner = [x for x, w in enumerate(words) if low(w) in R.ROLE_OWNER_PREPS]
    if owner and any(low(w) in R.TITLES for w in words[owner[-1] + 1:]):
        words = words[owner[-1] + 1:]                  # "aide to" President Obama; not "Secretary for Defense"
    while words and low(words[0]) in R.ROLE_LEAD_WORDS:
        words.pop(0)                                   # "the", "for", "of" before the title
    if not any(low(w) in R.TITLES for w in words):
        return []
    return [w.text for w in words]
