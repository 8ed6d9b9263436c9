"""Actor types: document-level cues that decide what kind of actor a name is (pure, per document).

Used by `pipeline.document.entities` (per mention) and `pipeline.corpus.actors` (corpus-wide):
- places: countries (resources.COUNTRY_NAMES, their variants and demonyms) and capitals are
  places; a name that adds a company legal form to one ("Japan Inc.", "America Inc", "France SA")
  is a company, never the country;
- people named like a place: a lone "Washington" or "Jordan" that is the surname of a full name
  of the same document ("Harold Washington") is that person unless it stands after a locative
  preposition ("talks in Washington");
- title-word surnames: a lone "Major", "Judge" or "Bishop" that ends a full name of the document
  ("John Major", "Bruce Judge") is that person, not a stripped title;
- demonyms before a name: "New Zealander Bruce Judge", "Briton Nigel Mansell" are the person;
- short company names: "Acme" beside "Acme Mining Corp." in one document is the company (a name a
  longer one starts with; names a longer one ends with are linked by `entities.linking.link_orgs`);
- sports clubs named after their city ("Liverpool beat Everton", "Leeds 1 Aston Villa 0") in a
  sports report are organisations, shown "Liverpool (club)"; national teams stay countries.

The in-document passes take `pipeline.document.entities` mentions (objects with name, type, label, toks,
strong, linked) and its `norm`, so this module does not import `entities`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from .. import resources as R
from .tokens import lemma_of

Norm = Callable[[str], str]          # pipeline.names.norm
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "from", "to", "into", "across", "through",
                   "throughout", "via"}
_SURNAMES_KEY = "dossier_person_surnames"
_SPORTS_KEY = "dossier_sports_doc"


def _low(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip(" .,'\"")


@lru_cache(maxsize=4)
def place_keys(norm: Norm) -> frozenset[str]:
    """Normalised names of countries (canonical names and variants), demonyms and capitals."""
    return frozenset({norm(c) for c in R.COUNTRY_NAMES} | set(R.COUNTRY_VARIANTS) | set(R.DEMONYMS)
                     | set(R.CAPITAL_METONYMS))


def company_form(words: list[str]) -> bool:
    """A multi-word name ending in a company legal form ("Japan Inc.", "Ricoh Co Ltd")."""
    return len(words) > 1 and words[-1].lower().rstrip(".,") in R.COMPANY_SUFFIXES


def place_company(text: str, norm: Norm) -> bool:
    """A place followed by a company legal form ("Japan Inc", "North America Inc"): the tail of a
    company name NER split off ("Merrill Lynch" + "Japan Inc")."""
    words = norm(text).split()
    if not company_form(words):
        return False
    while len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
        words.pop()
    if words[0] in ("north", "south", "east", "west", "latin", "central") and len(words) > 1:
        words = words[1:]
    return " ".join(words) in place_keys(norm)


def adds_place(short: str, full: str, norm: Norm) -> bool:
    """The longer name adds a place to the short one ("Merrill Lynch" -> "Merrill Lynch Japan Inc",
    "Ford" -> "Ford Canada"): a subsidiary, not the same company."""
    places = place_keys(norm)
    words = norm(full).split()[len(norm(short).split()):]
    return any(w.rstrip(".,") in places or " ".join(words[i:i + 2]) in places for i, w in enumerate(words))


def person_surnames(doc: Doc) -> frozenset[str]:
    """Last words of the document's multi-word PERSON entities ("Washington" of "Harold
    Washington", "Judge" of "Bruce Judge"), as written; cached in doc.user_data."""
    got = doc.user_data.get(_SURNAMES_KEY)
    if got is None:
        got = frozenset(e[-1].text for e in doc.ents
                        if e.label_ == "PERSON" and len([t for t in e if t.is_alpha]) >= 2 and e[-1].is_title)
        doc.user_data[_SURNAMES_KEY] = got
    return got


def root_of(toks: list[Token]) -> Token:
    """The token of a span whose head lies outside it."""
    return max(toks, key=lambda t: t.head not in toks)


def locative(toks: list[Token]) -> bool:
    """The span is the object of a locative preposition: "in Washington", "from Liverpool"."""
    root = root_of(toks)
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS


def place_named_person(toks: list[Token], label: str) -> bool:
    """A one-word place name that is the surname of a full name of the document, as NER's PERSON
    or ORG or as a subject ("Washington said" beside "Mayor Harold Washington"); "in Washington",
    "King Hussein of Jordan" stay places."""
    if len(toks) != 1 or toks[0].text not in person_surnames(toks[0].doc) or locative(toks):
        return False
    return label in ("PERSON", "ORG") or root_of(toks).dep_ in ("nsubj", "nsubjpass")


def title_surname(toks: list[Token]) -> bool:
    """A lone title word that is a surname of the document ("Judge" beside "Bruce Judge")."""
    return (len(toks) == 1 and _low(toks[0].text) in R.TITLE_SURNAMES
            and toks[0].text in person_surnames(toks[0].doc))


def demonym_prefix(toks: list[Token]) -> int:
    """How many leading tokens of a person span are a demonym ("New Zealander" Bruce Judge,
    "Briton" Nigel Mansell); 0 unless at least two name tokens follow."""
    for n in (2, 1):
        if len(toks) - n < 2 or not all(t.is_alpha and t.text[:1].isupper() for t in toks[:n + 2]):
            continue
        k = _low(" ".join(t.text for t in toks[:n]))
        if k in R.DEMONYMS or (k.endswith("s") and k[:-1] in R.DEMONYMS):
            return n
    return 0


def not_a_name(tok: Token) -> bool:
    """A capitalised function word glued to a name at a sentence start ("Besides Vaskevitch",
    "But Reagan"): a stop word that is not a name particle ("de", "van")."""
    return tok.is_stop and tok.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV") \
        and tok.lower_ not in R.NAME_PARTICLES


def sports_doc(doc: Doc) -> bool:
    """A sports report: at least SPORTS_MIN_WORDS distinct sports words (cached in doc.user_data)."""
    got = doc.user_data.get(_SPORTS_KEY)
    if got is None:
        lowers = doc.count_by(LOWER)             # {hash of a lower-cased form: count}, in C
        got = sum(1 for w in R.SPORTS_WORDS if hash_string(w) in lowers) >= R.SPORTS_MIN_WORDS
        doc.user_data[_SPORTS_KEY] = got
    return got


def _results_line(toks: list[Token]) -> bool:
    """The name is followed by a score in a line of scores: "Leeds 1 Aston Villa 0"."""
    doc, k = toks[0].doc, toks[-1].i + 1
    if k >= len(doc) or not doc[k].like_num or "\n" in toks[-1].whitespace_:
        return False
    line_start = toks[0].i
    while line_start > 0 and "\n" not in doc[line_start - 1].text_with_ws:
        line_start -= 1
    line_end = k
    while line_end < len(doc) and "\n" not in doc[line_end].text_with_ws:
        line_end += 1
    return sum(1 for t in doc[line_start:line_end + 1] if t.like_num) >= 2


def club_cue(toks: list[Token]) -> bool:
    """In a sports report, a place name is a club when it is the subject or object of a sports
    verb ("Liverpool beat Everton", "lost to Leeds", "drew with Celtic") or stands in a results
    line. The caller excludes countries (national teams are the country)."""
    if not sports_doc(toks[0].doc):
        return False
    if _results_line(toks):
        return True
    root = root_of(toks)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("to", "with", "against", "over", "at", "by", "than"):
        if head.lower_ == "at" and lemma_of(head.head) not in R.SPORTS_VERBS:
            return False                               # "at Anfield" is a place; "won at Leeds" the club
        head = head.head
    elif root.dep_ == "conj":
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            head = head.head
    elif root.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent"):
        return False
    return head.pos_ in ("VERB", "AUX") and lemma_of(head).lower() in R.SPORTS_VERBS


def prefix_company(short: str, longer: list[str], norm: Norm) -> str | None:
    """The one longer company name in the document that starts with `short` ("Acme" ->
    "Acme Mining Corp."): it must add words, end in a legal form or an organisation head word,
    and be the only such name; a place or demonym is never a company's short name."""
    key = norm(short).split()
    if not key or norm(short) in place_keys(norm):
        return None
    hits = set()
    for name in longer:
        words = norm(name).split()
        if len(words) > len(key) and words[:len(key)] == key and (
                words[-1].rstrip(".,") in R.COMPANY_SUFFIXES or words[-1] in R.ORG_HEAD_WORDS):
            hits.add(name)
    return hits.pop() if len(hits) == 1 else None


def company_key(name: str, norm: Norm) -> str:
    """A name without its trailing legal forms ("Acme Mining Corp." -> "acme mining")."""
    words = norm(name).split()
    while len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def link_company_prefixes(ms: list, norm: Norm) -> None:
    """A short name that one longer company name of the document starts with is that company:
    "Ricoh" (NER's PERSON) beside "Ricoh Co Ltd", "Acme" beside "Acme Mining Corp.". When the
    longer name adds a place ("Merrill Lynch" beside "Merrill Lynch Japan Inc") the short one is
    the parent: typed ORG, not renamed. Full person names NER gave twice are left alone."""
    longer = sorted({m.name for m in ms if m.type == "ORG" and " " in m.name})
    if not longer:
        return
    by_key: dict[str, set[str]] = {}
    for name in longer:
        by_key.setdefault(company_key(name, norm), set()).add(name)
    people = [m.name for m in ms if m.type == "PERSON"]
    for m in ms:
        key = norm(m.name)
        if m.linked or m.strong or m.type not in ("ORG", "PERSON"):
            continue
        if m.type == "PERSON" and " " in key and people.count(m.name) > 1:
            continue
        exact = {n for n in by_key.get(key, ()) if norm(n) != key}
        full = exact.pop() if len(exact) == 1 else None if exact else prefix_company(m.name, longer, norm)
        if full and adds_place(m.name, full, norm):
            m.type, m.strong = "ORG", True
        elif full:
            m.name, m.type, m.linked = full, "ORG", True


def spread_clubs(ms: list, norm: Norm) -> None:
    """In a sports report, a city that is a club somewhere in it (a sports verb's subject or
    object, NER's ORG "Liverpool" beside its GPE "for Liverpool") is the club wherever it is not
    after a locative preposition ("Liverpool's Ian Rush"); "in Liverpool" stays the city."""
    if not ms or not sports_doc(ms[0].toks[0].doc):
        return
    clubs = {m.name[: -len(R.CLUB_SUFFIX)] for m in ms if m.name.endswith(R.CLUB_SUFFIX)}
    gpe = {m.name for m in ms if m.label == "GPE" and m.type == "GPE"}
    countries = place_keys(norm) - set(R.CAPITAL_METONYMS)
    clubs |= {m.name for m in ms if m.type == "ORG" and not m.strong and m.name in gpe
              and norm(m.name) not in countries and club_cue(m.toks)}
    for m in ms:
        if m.type in ("GPE", "ORG") and not m.strong and m.name in clubs and not locative(m.toks):
            m.name, m.type, m.strong = m.name + R.CLUB_SUFFIX, "ORG", True
