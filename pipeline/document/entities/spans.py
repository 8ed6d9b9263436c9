"""Candidate spans of one document: NER spans joined and trimmed, names NER missed after a title
or as a lone surname, and name+title glue split ("Mahmud TahHamas")."""
from __future__ import annotations

import bisect
import re
from typing import Callable

from spacy.tokens import Doc, Token

from .. import actor_types as AT
from ... import resources as R
from ...names import is_space_or_punct, low, norm
from ..nlp import text_of
from .mention import Mention

_GLUE_RE = re.compile(r"^([A-Z][a-z]{1,})([A-Z][a-z]+(?:[A-Z][a-z]+)*)$")


def raw_spans(doc: Doc) -> list[tuple[list[Token], str]]:
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


def strip_edges(toks: list[Token]) -> list[Token]:
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
    while toks and (is_space_or_punct(toks[0]) or toks[0].lower_ == "the"):
        toks = toks[1:]
    k = len(toks)
    while k > 1 and re.fullmatch(r"[\d\-\u2013]+", toks[k - 1].text):
        k -= 1
    if k < len(toks) and re.fullmatch(r"\d+[\-\u2013]\d+", "".join(t.text for t in toks[k:])):
        toks = toks[:k]                                # "Everton 2-1": a score, not the name
    while toks and (is_space_or_punct(toks[-1]) or toks[-1].tag_ == "POS"
                    or toks[-1].text in ("'s", "\u2019s", "'", "\u2019")):
        toks = toks[:-1]
    return toks


def title_led_names(doc: Doc) -> list[tuple[list[Token], str]]:
    """Names NER missed right after a title: "Ambassador to Russia Kazem Jalali" (label RULE).
    Two or three capitalised proper-noun tokens outside any entity, after a capitalised title word
    (optionally followed by "to/of" and a place or organisation entity)."""
    out = []
    n = len(doc)
    for t in doc:
        if not t.text[:1].isupper() or low(t) not in R.TITLES or "\n" in t.whitespace_:
            continue
        k = t.i + 1
        if k + 1 < n and doc[k].lower_ in R.TITLE_LINK_PREPS and doc[k + 1].ent_type_ in ("GPE", "ORG"):
            k += 1
            while k < n and doc[k].ent_iob_ in ("B", "I") and doc[k].ent_type_ in ("GPE", "ORG") \
                    and (k == doc[k - 1].i + 1) and (doc[k].ent_iob_ == "I" or k == t.i + 2):
                k += 1
        run = []
        while k < n and len(run) < 4 and doc[k].pos_ == "PROPN" and doc[k].is_title \
                and not doc[k].ent_type_ and low(doc[k]) not in R.TITLES:
            run.append(doc[k])
            if "\n" in doc[k].whitespace_:
                break
            k += 1
        if 2 <= len(run) <= 3:
            out.append((run, "RULE"))
    return out


def split_glue(m: Mention, known: dict[str, str]) -> list[Mention]:
    """"Mahmud TahHamas" -> PERSON "Mahmud Tah" + ORG "Hamas" (tail a known name or title)."""
    if m.type != "PERSON":
        return [m]
    for k, tok in enumerate(m.toks):
        g = _GLUE_RE.match(tok.text)
        if not g or g.group(1) in R.GLUE_PREFIXES:
            continue
        tail = norm(g.group(2))
        tail_type = known.get(tail) or ("ORG" if tail in R.MEDIA_NAMES else None)
        if not tail_type and tail not in R.TITLES:
            continue
        head = Mention(m.toks[:k + 1], m.label, m.type, "", role=m.role)
        head.start, head.end = m.toks[0].idx, tok.idx + len(g.group(1))
        out = [head]
        if tail_type:
            t = Mention([tok], tail_type, tail_type, g.group(2), strong=True)
            t.start, t.end = tok.idx + len(g.group(1)), tok.idx + len(tok.text)
            out.append(t)
        return out
    return [m]


def missed_surnames(doc: Doc, cands: list[Mention], frags: list[Mention],
                    skip: Callable[[int], bool]) -> list[Mention]:
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
               for d in (-1, 1)) or skip(tok.idx) or (tok.i and doc[tok.i - 1].lower_ in R.NAME_JOINERS):
            continue                                  # part of a longer name NER missed ("Duffour et Igon")
        i = bisect.bisect_right(starts, tok.idx) - 1
        if i >= 0 and taken[i][0] <= tok.idx < taken[i][1]:
            continue
        words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
        if 2 * sum(t.is_lower for t in words) < len(words):
            continue                                  # a title-case line (headline): NER's job
        m = Mention([tok], "RULE", "PERSON", next(iter(owners[tok.text])), linked=True, strong=True)
        m.start, m.end = tok.idx, tok.idx + len(tok.text)
        out.append(m)
    return out
