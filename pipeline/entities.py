"""Entities: actor mentions in one spaCy Doc (per document, pure; runs in worker processes).

From spaCy's NER spans to analyst-grade mentions:
- keep PERSON, ORG, GPE and NORP (LOC/FAC are places, not actors; see resources.ACTOR_LABELS);
- drop mentions in skipped lines (headline, caption, byline, dateline, boilerplate): title case
  breaks NER there, and the body restates them;
- clean spans: no leading "the", no possessive, no trailing whitespace; titles and roles are
  stripped from names and kept in `role` ("Supreme Leader"); name+title glue is split
  ("Mahmud TahHamas" -> "Mahmud Tah" + an ORG mention "Hamas");
- reject headline fragments (title-case spans with a verb: "Khamenei Ordered Strike"), keeping
  only their parts that name an actor of the same document;
- re-type media and agencies as ORG, "Coordination Framework" as ORG, "Sinjar province" as GPE,
  a role-stripped "Defense Lloyd Austin" as PERSON; drop facilities ("mosque, Jamharan");
- name country and organisation variants ("USA" -> "United States", "USSR" -> "Soviet Union",
  "Fed" -> "Federal Reserve") and a capital used for its government after the country:
  "Washington did not know", "backed by Washington", "Tehran's stance" are the United States /
  Iran; "in Tehran", "the Iranian capital Tehran", a dateline stay the city (an actor of its own,
  shown "Tehran (city)" by `pipeline.actors` when needed). A capital whose state changed follows
  the document ("Moscow" is the Soviet Union in a story naming the Soviets: resources.CAPITAL_ALT).
  The user can still merge all of a city with an alias row;
- newswire furniture is not an actor: a wire service (resources.WIRE_SERVICES) unless it is the
  source ("Reuters reported", "according to Reuters"; not "told Reuters", "a Reuter survey");
  agreements ("the Louvre accord"), portfolios ("Agriculture" Secretary), currencies, time zones,
  company legal forms alone ("Co Inc") and lone generic heads not linked to a full name ("the
  Bank", "the Commission"); ticker brackets and an unclosed "(" are cut ("<San Miguel Corp>");
- within the document, link a surname ("Khamenei", even NER's ORG "Hanieh" or GPE "Marais") to
  the one full name it fits, a short organisation name to the longer one it ends ("the Security
  Council") and a short company name to the one longer company name it starts ("Acme" beside
  "Acme Mining Corp.");
- actor-type cues (`pipeline.actor_types`): a title-word surname is kept ("Major" beside "John
  Major"), a person named like a place stays the person ("Washington" beside "Harold
  Washington"), a city's sports club is "Liverpool (club)" (ORG), NER's ORG "Japan" is the country.

The name helpers at the top are shared with `pipeline.actors` (corpus-wide resolution).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from . import actor_types as AT
from . import nlp as nlp_mod
from .nlp import text_of
from . import resources as R

# ---------------------------------------------------------------- name helpers (shared)
_PUNCT_MAP = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u2010": "-",
                            "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_FIRST_CANON = {v: g[0] for g in R.FIRST_NAME_VARIANTS for v in g}
_COUNTRY_KEYS = {c.lower(): c for c in R.COUNTRY_NAMES}     # "japan" -> "Japan"
SURNAME_CUTOFF = 88      # rapidfuzz ratio on transliteration keys: Haniyeh ~ Hanieh, not Jalili ~ Jalali
FIRST_CUTOFF = 85        # Mahmoud ~ Mahmud; Saeed ~ Said comes from the variants table


_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r"'s?$")


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
    tok = _FIRST_CANON.get(tok, tok)
    for a, b in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("iy", "i"), ("q", "k")):
        tok = tok.replace(a, b)
    tok = re.sub(r"([aeiou])h$", r"\1", tok)
    return re.sub(r"(.)\1+", r"\1", tok)


def surname_match(a: str, b: str) -> bool:
    """Two surname tokens that are spelling variants of each other."""
    if a == b:
        return True
    ta, tb = translit(a), translit(b)
    return ta == tb or (min(len(ta), len(tb)) >= 4 and fuzz.ratio(ta, tb) >= SURNAME_CUTOFF)


def first_match(a: str, b: str) -> bool:
    """Two first-name (or middle-name) tokens that can be the same name: variants, initials, "Shi"/"Shia"."""
    if a == b or _FIRST_CANON.get(a, a) == _FIRST_CANON.get(b, b):
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


# ---------------------------------------------------------------- per-mention cleaning
@dataclass
class _Mention:
    toks: list[Token]                 # the cleaned span (possibly two NER spans joined)
    label: str                        # spaCy's label
    type: str
    name: str
    start: int = 0
    end: int = 0
    role: str | None = None
    strong: bool = False              # type set by a rule, not NER
    linked: bool = False              # name taken from another mention in the document
    parts: list = field(default_factory=list)   # fragments: runs of tokens between verbs


def _low(tok: Token) -> str:
    return norm(tok.text).rstrip(".")


def _is_space_or_punct(tok: Token) -> bool:
    return tok.is_space or tok.is_bracket or (tok.is_punct and tok.text not in "-")


def _verb_like(tok: Token, middle: bool, verbs: tuple[frozenset, frozenset], org: bool = False) -> bool:
    """A title-case token inside a name span that reads as a verb ("Ordered", "Briefs", "Preoccupied").
    In organisation names only explicit cues count ("Revolutionary Guards Corps", "Building Workers")."""
    low = tok.lower_
    if not tok.is_alpha or low in R.NAME_NOT_VERB or low in _FIRST_CANON:
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


def _raw_spans(doc: Doc) -> list[tuple[list[Token], str]]:
    """NER spans as token lists; adjacent PERSON spans are joined ("Ali Akbar" + "Hashemi
    Rafsanjani", and Muhsin "Fuad" Shukr without the nickname)."""
    out: list[tuple[list[Token], str]] = []
    prev_end = -1
    for ent in doc.ents:
        toks = list(ent)
        if out and ent.label_ == "PERSON" and out[-1][1] == "PERSON" and prev_end >= 0:
            gap = text_of(doc)[doc[prev_end - 1].idx + len(doc[prev_end - 1].text):ent.start_char]
            if gap == " " or re.fullmatch(r" ?[\"\u201c\u2018'][A-Z][\w\-]*[\"\u201d\u2019'] ?", gap):
                out[-1] = (out[-1][0] + toks, "PERSON")
                prev_end = ent.end
                continue
        gap = list(doc[prev_end:ent.start]) if out and 0 <= ent.start - prev_end <= 2 else None
        if gap is not None and ent.label_ == "ORG" and out[-1][1] in ("ORG", "PERSON") \
                and all(t.is_title and t.pos_ == "PROPN" for t in gap) and AT.place_company(ent.text, norm) \
                and all(t.whitespace_ == " " for t in [doc[prev_end - 1]] + gap):
            out[-1] = (out[-1][0] + gap + toks, "ORG")  # "Volvo" (Finance) + "North America Inc": one company
            prev_end = ent.end
            continue
        out.append((toks, ent.label_))
        prev_end = ent.end
    return out


def _strip_edges(toks: list[Token]) -> list[Token]:
    """No whitespace, punctuation, brackets ("<San Miguel Corp>"), determiners or possessive markers
    at the edges; an unclosed "(" ends the span ("Presidential Commission on Good Government (PCGG");
    "Group of" takes the number NER left out ("Group of Seven")."""
    closed = [k for k, t in enumerate(toks[:-1]) if t.text.endswith(">")]
    if closed:                                         # "BAC> Bank of America": ticker markup residue
        toks = toks[closed[-1] + 1:]
    cut = [k for k, t in enumerate(toks) if k and t.text.startswith("<")]
    if cut:                                            # "Ricoh Co Ltd <RICT.T"
        toks = toks[:cut[0]]
    opened = [k for k, t in enumerate(toks) if t.text == "("]
    if opened and not any(t.text == ")" for t in toks[opened[-1]:]):
        toks = toks[:opened[-1]]
    if toks and toks[-1].lower_ == "of" and toks[-1].i + 1 < len(toks[-1].doc) \
            and toks[-1].doc[toks[-1].i + 1].like_num and "\n" not in toks[-1].whitespace_:
        toks = toks + [toks[-1].doc[toks[-1].i + 1]]
    while toks and (_is_space_or_punct(toks[0]) or toks[0].lower_ == "the"):
        toks = toks[1:]
    k = len(toks)
    while k > 1 and re.fullmatch(r"[\d\-\u2013]+", toks[k - 1].text):
        k -= 1
    if k < len(toks) and re.fullmatch(r"\d+[\-\u2013]\d+", "".join(t.text for t in toks[k:])):
        toks = toks[:k]                                # "Everton 2-1": a score, not the name
    while toks and (_is_space_or_punct(toks[-1]) or toks[-1].tag_ == "POS"
                    or toks[-1].text in ("'s", "\u2019s", "'", "\u2019")):
        toks = toks[:-1]
    return toks


def _is_title(tok: Token, qualifiers: bool = True) -> bool:
    low = _low(tok)
    return low in R.TITLE_WORDS or (qualifiers and low in R.TITLE_QUALIFIERS)


def _person_like(toks: list[Token]) -> bool:
    """2-4 capitalised tokens, none an organisation head word or a country: a person's name."""
    words = [t for t in toks if t.is_alpha]
    return (2 <= len(words) <= 4 and all(t.text[0].isupper() for t in words)
            and not any(_low(t) in R.ORG_HEAD_WORDS or _low(t).rstrip(".") in R.COMPANY_SUFFIXES for t in words)
            and norm(" ".join(t.text for t in toks)) not in R.COUNTRY_VARIANTS)


def _strip_titles(m: _Mention) -> bool:
    """Strip titles/roles into m.role. False when nothing but titles is left."""
    toks = m.toks
    if AT.title_surname(toks):                        # "Judge" beside "Bruce Judge": a surname
        m.type = "PERSON"
        return True
    if m.type == "PERSON":
        i = AT.demonym_prefix(toks)                    # "New Zealander Bruce Judge"
        while i < len(toks) - 1 and AT.not_a_name(toks[i]):   # "Besides Vaskevitch"
            i += 1
        while i < len(toks) and (_is_title(toks[i]) or _is_space_or_punct(toks[i])):
            i += 1
        j = len(toks)
        while j > i and (_is_space_or_punct(toks[j - 1]) or (
                _is_title(toks[j - 1], qualifiers=False) and _low(toks[j - 1]) not in R.TITLE_SURNAMES)):
            j -= 1
        if i >= j:
            return False
        stripped = toks[:i] + toks[j:]
        m.toks = toks[i:j]
    else:
        if len(toks) == 1 and _is_title(toks[0]) and _low(toks[0]) not in R.COUNTRY_VARIANTS \
                and _low(toks[0]) not in R.ORG_VARIANTS:
            return False
        i = 0
        while i < len(toks) - 1 and _is_title(toks[i]):
            i += 1
        if i == 0 or not _person_like(toks[i:]):
            return True
        stripped, m.toks = toks[:i], toks[i:]
        m.type, m.strong = "PERSON", True           # "Defense Lloyd Austin": a role, so a person
    trailing = [t.text for t in stripped if t.i > m.toks[-1].i and t.is_alpha]
    m.role = " ".join(_role_before(m.toks[0]) + trailing) or None
    return True


def _role_before(first: Token) -> list[str]:
    """Title words right before a name ("Supreme Leader" Ali Khamenei, "US Secretary of Defense"),
    inside or outside the NER span; [] unless they hold a title word."""
    doc, k = first.doc, first.i - 1
    while k >= 0 and first.i - k <= 6 and "\n" not in doc[k].text_with_ws and _is_title(doc[k]):
        k -= 1
    words = [doc[x] for x in range(k + 1, first.i)]
    while words and _low(words[0]) in ("the", "of", "for", "to", "and"):
        words.pop(0)                                   # "the", "for", "of" before the title
    if not any(_low(w) in R.TITLE_WORDS for w in words):
        return []
    return [w.text for w in words]


_GLUE_RE = re.compile(r"^([A-Z][a-z]{1,})([A-Z][a-z]+(?:[A-Z][a-z]+)*)$")
_GLUE_PREFIXES = {"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O", "Al", "El"}


def _split_glue(m: _Mention, known: dict[str, str]) -> list[_Mention]:
    """"Mahmud TahHamas" -> PERSON "Mahmud Tah" + ORG "Hamas" (tail a known name or title)."""
    if m.type != "PERSON":
        return [m]
    for k, tok in enumerate(m.toks):
        g = _GLUE_RE.match(tok.text)
        if not g or g.group(1) in _GLUE_PREFIXES:
            continue
        tail = norm(g.group(2))
        tail_type = known.get(tail) or ("ORG" if tail in R.MEDIA_NAMES else None)
        if not tail_type and tail not in R.TITLE_WORDS:
            continue
        head = _Mention(m.toks[:k + 1], m.label, m.type, "", role=m.role)
        head.start, head.end = m.toks[0].idx, tok.idx + len(g.group(1))
        out = [head]
        if tail_type:
            t = _Mention([tok], tail_type, tail_type, g.group(2), strong=True)
            t.start, t.end = tok.idx + len(g.group(1)), tok.idx + len(tok.text)
            out.append(t)
        return out
    return [m]


def _display(toks_text: str, typ: str) -> str:
    """Display name: single spaces; particles inside person names lower-case ("Khalil al-Hayya")."""
    name = re.sub(r"\s+", " ", toks_text).strip()
    name = re.sub(r"['\u2019]s$", "", name)
    if typ in ("PERSON", "GPE") and name.isupper() and len(name) > 5:
        name = name.title()                           # a dateline's "WASHINGTON"
    if typ == "PERSON":
        words = name.split(" ")
        for i in range(1, len(words)):
            p = re.match(r"^(Al|El)-", words[i])
            if p:
                words[i] = p.group(1).lower() + words[i][len(p.group(1)):]
        name = " ".join(words)
    return name


def _next_word(m: _Mention) -> str:
    doc, k = m.toks[-1].doc, m.toks[-1].i + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text in ("'s", "\u2019s", "'", "\u2019", "-"):
        k += 1
    return doc[k].lower_ if k < len(doc) and "\n" not in m.toks[-1].whitespace_ else ""


def _is_facility(m: _Mention) -> bool:
    """A named building or site: "largest mosque, Jamharan", "the Jamkaran mosque"."""
    root = m.toks[-1]
    head = root.head
    if root.dep_ == "appos" and head.lower_ in R.FAC_NOUNS:
        return True
    return _next_word(m) in R.FAC_NOUNS


def _metonym(m: _Mention, key: str) -> str | None:
    """The country when a capital stands for its government ("Washington did not know"); a
    capital whose state changed stands for the state the document names (R.CAPITAL_ALT: "Moscow"
    in a story about the Soviets is the Soviet Union)."""
    country = R.CAPITAL_METONYMS.get(key)
    if not country:
        return None
    named = _countries_named(m.toks[0].doc)
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
    if dep == "dobj" and head.lemma_ not in R.MOTION_VERBS:
        return country
    return None


def _countries_named(doc: Doc) -> set[str]:
    """Countries the document names, by a country variant or a demonym (cached per document)."""
    out = doc.user_data.get(_COUNTRIES_KEY)
    if out is None:
        out = set()
        for e in doc.ents:
            k = norm(e.text)
            c = R.COUNTRY_VARIANTS.get(k) or R.DEMONYMS.get(k) or R.DEMONYMS.get(k[:-1] if k.endswith("s") else "")
            out.add(c or e.text)
        doc.user_data[_COUNTRIES_KEY] = out
    return out


_COUNTRIES_KEY = "dossier_countries_named"


def _is_source(m: _Mention) -> bool:
    """A wire service that is itself a source: the subject of a clause ("Reuters reported") or
    "according to Reuters"."""
    root = max(m.toks, key=lambda t: t.head not in m.toks)
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _retype(m: _Mention) -> bool:
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
        m.type, m.name = "PERSON", _display(_tokens_text(m), "PERSON")   # "Washington" of Harold Washington
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
    nxt = _next_word(m)
    if m.type in ("PERSON", "ORG", "GPE") and (_is_facility(m) or nxt in R.NOT_ACTOR_NEXT):
        return False                              # "Jamkaran mosque", "the Louvre accord"
    if m.type != "NORP" and nxt in R.ORG_CUE_NEXT:
        m.type, m.strong = "ORG", True
    elif m.type in ("PERSON", "ORG", "GPE") and nxt in R.GPE_CUE_NEXT:
        m.type, m.strong = "GPE", True
    elif m.type == "PERSON" and (words[-1] in R.ORG_HEAD_WORDS or AT.company_form(words)):
        m.type, m.strong = "ORG", True
    if (m.type == "GPE" or (m.type == "ORG" and key in R.CAPITAL_METONYMS)) and _club(m, key):
        return True
    if m.type == "GPE" or (m.type == "ORG" and key in R.CAPITAL_METONYMS):
        country = _metonym(m, key)
        if country:
            m.type, m.name, m.strong = "GPE", country, True
            return True
        m.type = "GPE"                            # NER's ORG "Washington" in "talks in Washington"
    m.name = _display(_tokens_text(m), m.type)
    return True


def _club(m: _Mention, key: str) -> bool:
    """A city's sports club ("Liverpool beat Everton"): ORG "Liverpool (club)"; never a country."""
    if key in AT.place_keys(norm) and key not in R.CAPITAL_METONYMS or not AT.club_cue(m.toks):
        return False
    m.type, m.strong = "ORG", True
    m.name = _display(_tokens_text(m), "GPE") + R.CLUB_SUFFIX
    return True


def _tokens_text(m: _Mention) -> str:
    """The mention's text from its tokens: a gap between joined spans (a nickname) is dropped."""
    doc = m.toks[0].doc
    if all(b.i == a.i + 1 for a, b in zip(m.toks, m.toks[1:])):
        return text_of(doc)[m.start:m.end]
    parts, prev = [], None
    for t in m.toks:
        if prev is not None and t.i != prev.i + 1:
            parts.append(" ")
        elif prev is not None:
            parts.append(prev.whitespace_)
        parts.append(t.text)
        prev = t
    text = "".join(parts)
    lo, hi = m.toks[0].idx, m.toks[-1].idx + len(m.toks[-1].text)
    return text[: len(text) - (hi - m.end)] if m.end < hi else text


def _is_fragment(m: _Mention, verbs: tuple[frozenset, frozenset]) -> bool:
    """A title-case headline fragment: a multi-word span with a verb after its first word."""
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


def _title_led_names(doc: Doc) -> list[tuple[list[Token], str]]:
    """Names NER missed right after a title: "Ambassador to Russia Kazem Jalali" (label RULE).
    Two or three capitalised proper-noun tokens outside any entity, after a capitalised title word
    (optionally followed by "to/of" and a place or organisation entity)."""
    out = []
    n = len(doc)
    for t in doc:
        if not t.text[:1].isupper() or _low(t) not in R.TITLE_WORDS or "\n" in t.whitespace_:
            continue
        k = t.i + 1
        if k + 1 < n and doc[k].lower_ in ("to", "of") and doc[k + 1].ent_type_ in ("GPE", "ORG"):
            k += 1
            while k < n and doc[k].ent_iob_ in ("B", "I") and doc[k].ent_type_ in ("GPE", "ORG") \
                    and (k == doc[k - 1].i + 1) and (doc[k].ent_iob_ == "I" or k == t.i + 2):
                k += 1
        run = []
        while k < n and len(run) < 4 and doc[k].pos_ == "PROPN" and doc[k].is_title \
                and not doc[k].ent_type_ and _low(doc[k]) not in R.TITLE_WORDS:
            run.append(doc[k])
            if "\n" in doc[k].whitespace_:
                break
            k += 1
        if 2 <= len(run) <= 3:
            out.append((run, "RULE"))
    return out


# ---------------------------------------------------------------- in-document linking
def _link_people(ms: list[_Mention]) -> None:
    """Surname or partial name -> the one full name in the document it fits (type PERSON)."""
    full = [m for m in ms if m.type == "PERSON" and len(name_tokens(m.name)) >= 2]
    groups: list[list[_Mention]] = []
    for m in full:                                    # in-document clusters of full names
        toks = name_tokens(m.name)
        for g in groups:
            if same_person(toks, name_tokens(g[0].name)):
                g.append(m)
                break
        else:
            groups.append([m])
    reps = []
    for g in groups:
        counts: dict[str, int] = {}
        for m in g:
            counts[m.name] = counts.get(m.name, 0) + 1
        rep = max(counts, key=lambda n: (counts[n], -min(x.start for x in g if x.name == n)))
        reps.append((rep, [name_tokens(n) for n in counts]))
    for m in ms:
        toks = name_tokens(m.name)
        if not toks or (m.type == "PERSON" and len(toks) >= 2 and any(toks == t for _, ts in reps for t in ts)):
            continue
        if m.type in ("ORG", "GPE") and (m.strong or len(toks) != 1 or m.name.isupper()):
            continue
        if m.type == "GPE" and norm(m.name) in AT.place_keys(norm):
            continue                                  # "Jordan", "Washington": places keep their name
        if m.type not in ("PERSON", "ORG", "GPE"):
            continue
        hits = {rep for rep, ts in reps if any(part_of(toks, t) for t in ts)}
        if len(hits) == 1:
            m.name, m.type, m.linked = hits.pop(), "PERSON", True


def _link_orgs(ms: list[_Mention]) -> None:
    """A short organisation name -> the nearest preceding longer one it ends ("Security Council")."""
    orgs = [m for m in ms if m.type == "ORG"]
    for m in orgs:
        key = norm(m.name).split()
        cands = [o for o in orgs if o is not m and len(norm(o.name).split()) > len(key)
                 and norm(o.name).split()[-len(key):] == key]
        if not cands:
            continue
        before = [o for o in cands if o.start < m.start]
        names = {o.name for o in cands}
        if before:
            m.name, m.linked = max(before, key=lambda o: o.start).name, True
        elif len(names) == 1:
            m.name, m.linked = names.pop(), True
    AT.link_company_prefixes(ms, norm)


def _generic_org(m: _Mention) -> bool:
    """A lone "the Bank", "the Commission" that in-document linking did not tie to a full name."""
    return m.type == "ORG" and not m.linked and norm(m.name) in R.GENERIC_ORG_WORDS


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def _link_acronyms(ms: list[_Mention]) -> None:
    """An acronym -> the preceding organisation it abbreviates ("the White House National
    Security Council (NSC)")."""
    for m in ms:
        if m.type != "ORG" or m.strong or not m.name.isupper() or not 2 <= len(m.name) <= 6:
            continue
        before = [o for o in ms if o.type == "ORG" and o.start < m.start and " " in o.name
                  and _initials(o.name).endswith(m.name) and len(_initials(o.name)) - len(m.name) <= 2]
        if before:
            m.name, m.linked = max(before, key=lambda o: o.start).name, True


def _unify_types(ms: list[_Mention]) -> None:
    """One type per name in a document: a rule's type wins, else the majority, else the first."""
    by_name: dict[str, list[_Mention]] = {}
    for m in ms:
        by_name.setdefault(norm(m.name), []).append(m)
    for group in by_name.values():
        strong = [m.type for m in group if m.strong or m.linked]
        # "in Liverpool" is strong evidence of a place: a locative GPE mention counts twice
        pool = strong or [m.type for m in group] + [m.type for m in group
                                                    if m.type == "GPE" and AT.locative(m.toks)]
        best = max(dict.fromkeys(pool), key=pool.count)
        for m in group:
            m.type = best


# ---------------------------------------------------------------- entry point
def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start for s in doc.sents]


def _salvage(frag: _Mention, known: dict[str, str], persons: list[list[str]]) -> list[_Mention]:
    """Parts of a headline fragment that name an actor of the document ("Khamenei" in
    "Khamenei Ordered Strike")."""
    out = []
    for run in frag.parts:
        run = _strip_edges(run)
        if not run:
            continue
        text = text_of(frag.toks[0].doc)[run[0].idx:run[-1].idx + len(run[-1].text)]
        key = norm(text)
        toks = name_tokens(text)
        typ = known.get(key)
        if not typ and toks and any(toks == p or part_of(toks, p) for p in persons):
            typ = "PERSON"
        if typ:
            m = _Mention(run, typ, typ, "")
            m.start, m.end = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append(m)
    return out


def _missed_surnames(doc: Doc, cands: list[_Mention], frags: list[_Mention],
                     skip: Callable[[int], bool]) -> list[_Mention]:
    """Surnames NER missed ("Ongpin said" after "Finance Secretary Jaime Ongpin"): a lone
    proper-noun token outside any entity that is the surname of exactly one full name of the
    document (label RULE, linked to that person)."""
    owners: dict[str, set[str]] = {}
    for m in cands:
        if m.type == "PERSON" and len(m.toks) >= 2 and m.toks[-1].is_alpha and m.toks[-1].is_title:
            owners.setdefault(m.toks[-1].text, set()).add(m.name)
    if not owners:
        return []
    taken = sorted([(m.start, m.end) for m in cands]
                   + [(f.toks[0].idx, f.toks[-1].idx + len(f.toks[-1].text)) for f in frags])
    starts = [a for a, _ in taken]
    out = []
    for tok in doc:
        if tok.text not in owners or len(owners[tok.text]) != 1 or tok.ent_iob_ != "O" or tok.pos_ != "PROPN":
            continue
        if any(0 <= tok.i + d < len(doc) and doc[tok.i + d].pos_ == "PROPN" and doc[tok.i + d].is_title
               for d in (-1, 1)) or skip(tok.idx) or (tok.i and doc[tok.i - 1].lower_ in ("et", "&", "und")):
            continue                                  # part of a longer name NER missed ("Duffour et Igon")
        i = bisect.bisect_right(starts, tok.idx) - 1
        if i >= 0 and taken[i][0] <= tok.idx < taken[i][1]:
            continue
        words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
        if 2 * sum(t.is_lower for t in words) < len(words):
            continue                                  # a title-case line (headline): NER's job
        m = _Mention([tok], "RULE", "PERSON", next(iter(owners[tok.text])), linked=True, strong=True)
        m.start, m.end = tok.idx, tok.idx + len(tok.text)
        out.append(m)
    return out


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
    cands: list[_Mention] = []
    frags: list[_Mention] = []
    for toks, label in _raw_spans(doc) + _title_led_names(doc):
        if label not in R.ACTOR_LABELS and label != "RULE":
            continue
        toks = _strip_edges(toks)
        if not toks or skip(toks[0].idx):
            continue
        m = _Mention(toks, label, "PERSON" if label == "RULE" else label, "")
        if _is_fragment(m, verbs):
            frags.append(m)
            continue
        if not _strip_titles(m):
            continue
        m.start, m.end = m.toks[0].idx, m.toks[-1].idx + len(m.toks[-1].text)
        for part in _split_glue(m, known):
            part.end = part.start + len(re.sub(r"['\u2019]s?$", "", text_of(doc)[part.start:part.end]))
            if part.end > part.start and _retype(part):
                cands.append(part)
    persons = [name_tokens(m.name) for m in cands if m.type == "PERSON" and len(name_tokens(m.name)) >= 2]
    names = {norm(m.name): m.type for m in cands} | {norm(text_of(doc)[m.start:m.end]): m.type for m in cands}
    for f in frags:
        for part in _salvage(f, names, persons):
            if _strip_titles(part) and _retype(part):
                cands.append(part)
    cands += _missed_surnames(doc, cands, frags, skip)
    cands.sort(key=lambda m: m.start)
    _link_people(cands)
    _link_orgs(cands)
    _link_acronyms(cands)
    cands = [m for m in cands if not _generic_org(m)]
    AT.spread_clubs(cands, norm)
    _unify_types(cands)
    starts = _sentence_starts(doc)
    out = []
    for m in cands:
        tok_i = doc.char_span(m.start, m.end, alignment_mode="expand")
        ti = tok_i.start if tok_i is not None else m.toks[0].i
        out.append({
            "start": m.start, "end": m.end, "text": text_of(doc)[m.start:m.end], "label": m.label,
            "sent": bisect.bisect_right(starts, ti) - 1, "name": m.name, "type": m.type, "role": m.role,
        })
    return out
