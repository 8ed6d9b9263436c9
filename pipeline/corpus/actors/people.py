"""People across the corpus: full names that are spelling variants of one person merge, and a
surname or partial name joins the one person it fits (also a one-word ORG/GPE that is a surname)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from ... import resources as R
from ...names import SURNAME_CUTOFF, name_tokens, part_of, same_person, translit
from ..unionfind import UnionFind
from .keys import PLACES, VARIANTS


def cluster_people(people: dict[str, list[str]], counts: dict[str, int], uf: UnionFind) -> None:
    """Merge person name keys (people: key -> name tokens) into one cluster per person."""
    full = {k: t for k, t in people.items() if len(t) >= 2}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in sorted(full):
        by_surname[translit(full[k][-1])].append(k)
    linked = [(s, s) for s in by_surname] + _fuzzy_pairs(list(by_surname))
    partial: list[str] = []
    for s1, s2 in linked:                                      # full name vs full name
        for a in by_surname[s1]:
            for b in by_surname[s2]:
                if a < b or s1 != s2:
                    if same_person(full[a], full[b]):
                        uf.union(a, b)
    # surnames and partial names: the one person they fit
    index: dict[str, set[str]] = defaultdict(set)             # translit of a non-first token -> full keys
    for k, toks in full.items():
        for t in toks[1:]:
            index[translit(t)].add(k)
    near = _neighbours(set(index) | {translit(t[-1]) for t in people.values()})
    for k in sorted(people):
        toks = people[k]
        cands = _candidates(toks, index, near)
        cands.discard(k)
        cands = {c for c in cands if part_of(toks, full[c])}
        roots = {uf.find(c) for c in cands}
        if len(roots) > 1:          # "Reagan": Ronald Reagan, not Donald Regan
            exact = {uf.find(c) for c in cands if _exact_part(toks, full[c])}
            roots = exact if len(exact) == 1 else roots
        if len(roots) == 1:
            uf.union(k, roots.pop())
        elif not cands and len(toks) == 1:
            partial.append(k)
    _cluster_singletons(partial, people, uf)


def attach_org_surnames(types: dict[str, str], counts: dict[str, int], names: dict[str, str],
                        people: dict[str, list[str]], uf: UnionFind) -> None:
    """A one-word ORG or GPE that is a person's surname variant ("Hanieh", NER's GPE "Fujioka") joins
    the more frequent person; countries and capitals never do ("Jordan")."""
    full = {k: t for k, t in people.items() if len(t) >= 2}
    index: dict[str, set[str]] = defaultdict(set)
    for k, toks in full.items():
        index[translit(toks[-1])].add(k)
    near = _neighbours(set(index) | {translit(k) for k, t in types.items() if t == "ORG" and " " not in k})
    size: dict[str, int] = defaultdict(int)
    for k in people:
        size[uf.find(k)] += counts[k]
    for k, t in sorted(types.items()):
        if t not in ("ORG", "GPE") or " " in k or names[k].isupper() or k in VARIANTS or k in R.ORG_HEAD_WORDS:
            continue
        if t == "GPE" and k in PLACES:
            continue
        toks = name_tokens(k)
        if len(toks) != 1:
            continue
        cands = {c for c in _candidates(toks, index, near) if part_of(toks, full[c])}
        roots = {uf.find(c) for c in cands}
        if len(roots) > 1:          # NER's GPE "Regan": Donald Regan, not Ronald Reagan
            exact = {uf.find(c) for c in cands if _exact_part(toks, full[c])}
            roots = exact if len(exact) == 1 else roots
        if len(roots) == 1:
            root = roots.pop()
            if size[root] > counts[k]:
                uf.union(k, root)
                types[k] = "PERSON"


def _fuzzy_pairs(keys: list[str]) -> list[tuple[str, str]]:
    """Pairs of surname keys that are spelling variants, compared within first-letter blocks."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in sorted(set(keys)):
        if len(k) >= 4:
            blocks[k[0]].append(k)
    pairs = []
    for block in blocks.values():
        if len(block) < 2:
            continue
        scores = process.cdist(block, block, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=1)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.append((block[i], block[j]))
    return pairs


def _exact_part(part: list[str], full: list[str]) -> bool:
    """part_of without spelling variants: the same transliteration keys."""
    if len(part) == 1:
        return any(translit(part[0]) == translit(t) for t in full[1:])
    return [translit(t) for t in part] == [translit(t) for t in full[-len(part):]]


def _candidates(toks: list[str], index: dict[str, set[str]], near: dict[str, set[str]]) -> set[str]:
    """Full-name keys sharing a (fuzzy) surname token with `toks`."""
    last = translit(toks[-1])
    out = set(index.get(last, ()))
    for nb in near.get(last, ()):
        out |= index.get(nb, set())
    return out


def _neighbours(keys: Iterable[str]) -> dict[str, set[str]]:
    """Fuzzy neighbours among transliteration keys (blocked cdist, one pass)."""
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in _fuzzy_pairs(list(keys)):
        near[a].add(b)
        near[b].add(a)
    return near


def _cluster_singletons(keys: list[str], people: dict[str, list[str]], uf: UnionFind) -> None:
    """One-word person names with no full name: spelling variants merge (Hanieh/Haniyeh)."""
    by_t: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_t[translit(people[k][0])].append(k)
    for group in by_t.values():
        for k in group[1:]:
            uf.union(group[0], k)
    for a, b in _fuzzy_pairs(list(by_t)):
        uf.union(by_t[a][0], by_t[b][0])
