"""In-document linking: a surname to the one full name it fits, a short organisation name to the
longer one it ends or abbreviates, and one type per name."""
from __future__ import annotations

import re

from .. import actor_types as AT
from ... import resources as R
from ...names import name_tokens, norm, part_of, same_person
from .mention import Mention


def link_people(ms: list[Mention]) -> None:
    """Surname or partial name -> the one full name in the document it fits (type PERSON)."""
    full = [m for m in ms if m.type == "PERSON" and len(name_tokens(m.name)) >= 2]
    groups: list[list[Mention]] = []
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


def link_orgs(ms: list[Mention]) -> None:
    """A short organisation name -> the nearest preceding longer one it ends ("Security Council");
    a short company name -> the one longer company name it starts (`actor_types`)."""
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


def link_acronyms(ms: list[Mention]) -> None:
    """An acronym -> the preceding organisation it abbreviates ("the White House National
    Security Council (NSC)")."""
    for m in ms:
        if m.type != "ORG" or m.strong or not m.name.isupper() or not 2 <= len(m.name) <= 6:
            continue
        before = [o for o in ms if o.type == "ORG" and o.start < m.start and " " in o.name
                  and _initials(o.name).endswith(m.name) and len(_initials(o.name)) - len(m.name) <= 2]
        if before:
            m.name, m.linked = max(before, key=lambda o: o.start).name, True


def generic_org(m: Mention) -> bool:
    """A lone "the Bank", "the Commission" that in-document linking did not tie to a full name."""
    return m.type == "ORG" and not m.linked and norm(m.name) in R.GENERIC_ORG_WORDS


def unify_types(ms: list[Mention]) -> None:
    """One type per name in a document: a rule's type wins, else the majority, else the first."""
    by_name: dict[str, list[Mention]] = {}
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


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())
