"""Automatic clusters of name keys: one type per name by vote, people merged (`people`), plural
demonyms folded, acronyms joined to the one organisation documents tie them to."""
from __future__ import annotations

from collections import defaultdict
from types import MappingProxyType

import pandas as pd

from ... import resources as R
from ...names import demonym_country, name_tokens
from ..unionfind import UnionFind
from .keys import COUNTRIES, PLACES, company_key, has_legal_form, keys_of, most_common
from .people import attach_org_surnames, cluster_people

TYPE_PRIORITY = MappingProxyType({"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3})
MIN_PLACE_MENTIONS = 2      # plain mentions that make a name's base a place for split_place_companies
Clustering = tuple[UnionFind, dict[str, list[str]], dict[str, str], dict[str, int], dict[str, str]]


def cluster(keys: pd.Series, m: pd.DataFrame) -> Clustering:
    """Automatic clusters of name keys: (union-find, clusters, names, counts, types).

    `keys`: each mention's name key; `m`: the mentions (columns text, name, type)."""
    counts = keys.value_counts().to_dict()
    names = most_common(keys, m["name"])
    types = _vote_types(keys, m["type"])
    for k in _company_keys(keys, m["name"]):      # "Krupp AG", "Degussa AG": whatever NER said
        types[k] = "ORG"
    uf = UnionFind()
    for k in sorted(counts):
        uf.find(k)
    people = {k: name_tokens(names[k]) for k, t in types.items() if t == "PERSON"}
    people = {k: t for k, t in people.items() if t}
    cluster_people(people, counts, uf)
    attach_org_surnames(types, counts, names, people, uf)
    _fold_plurals(types, uf)
    _link_acronyms(keys, m, types, counts, uf)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in sorted(counts):
        clusters[uf.find(k)].append(k)
    return uf, clusters, names, counts, types


def apply_demonyms(keys: pd.Series, m: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Demonyms count for their country: "Iranian" (NORP) -> Iran (GPE); people's names never."""
    uniq = pd.unique(m["name"].to_numpy())
    table = {u: demonym_country(u) for u in uniq if isinstance(u, str)}
    country = m["name"].map(table)
    hit = country.notna() & (m["type"] != "PERSON")
    if not hit.any():
        return keys, m
    m = m.copy()
    m.loc[hit, "name"] = country[hit]
    m.loc[hit, "type"] = "GPE"
    keys = keys.copy()
    keys.loc[hit] = keys_of(country[hit])
    return keys, m


def _vote_types(keys: pd.Series, types: pd.Series) -> dict[str, str]:
    """Majority type per name key; ties go to PERSON > ORG > GPE > NORP > others. A country's or
    capital's ORG and NORP mentions count as GPE ("Japan agreed" is the state), a country's PERSON
    mentions too (NER's PERSON "Gabon"; people called Jordan were linked to their full name in
    their documents), and a capital's tie with PERSON goes to the place."""
    counts = pd.DataFrame({"k": keys, "t": types}).value_counts().reset_index(name="n")
    place = counts["k"].isin(PLACES)
    counts.loc[place & counts["t"].isin(["ORG", "NORP"]), "t"] = "GPE"
    counts.loc[counts["k"].isin(COUNTRIES) & (counts["t"] == "PERSON"), "t"] = "GPE"
    counts = counts.groupby(["k", "t"], as_index=False)["n"].sum()
    counts["p"] = counts["t"].map(lambda t: TYPE_PRIORITY.get(t, 9))
    counts.loc[counts["k"].isin(PLACES) & (counts["t"] == "GPE"), "p"] = -1
    counts = counts.sort_values(["k", "n", "p", "t"], ascending=[True, False, True, True])
    return dict(zip(counts.drop_duplicates("k")["k"], counts.drop_duplicates("k")["t"]))


def _legal_form(names: pd.Series) -> pd.Series:
    """`keys.has_legal_form` for a column, computed once per distinct name."""
    uniq = pd.unique(names.astype(str).to_numpy())
    return names.astype(str).map({u: has_legal_form(u) for u in uniq}).astype(bool)


def _company_keys(keys: pd.Series, names: pd.Series) -> set[str]:
    """Name keys written at least once with a company legal form ("Krupp GmbH")."""
    pairs = pd.DataFrame({"k": keys.to_numpy(), "n": names.to_numpy()}).drop_duplicates()
    return set(pairs.loc[_legal_form(pairs["n"]).to_numpy(), "k"])


def split_place_companies(keys: pd.Series, m: pd.DataFrame) -> tuple[pd.Series, frozenset[str]]:
    """A name with a company legal form whose base is a place by its own mentions ("New York Inc."
    beside "New York" voted GPE) is a company of its own: its key keeps the legal form, so the
    place keeps its type and never takes the company's name as an alias. (Countries and capitals
    are caught by `name_key` already; this covers every other place the corpus shows as one.)
    Returns the keys and the place keys split this way (`keys.split_key` keys alias rules alike)."""
    legal = _legal_form(m["name"])
    if not legal.any():
        return keys, frozenset()
    votes = _vote_types(keys[~legal], m["type"][~legal])
    # a place by weight of evidence: its plain mentions at least MIN_PLACE_MENTIONS and no fewer
    # than the company's ("Wrather" once labelled GPE beside "Wrather Corp" twice is the company)
    plain, company = keys[~legal].value_counts(), keys[legal].value_counts()
    place = {k for k, t in votes.items() if t in ("GPE", "LOC") and plain.get(k, 0) >= MIN_PLACE_MENTIONS
             and plain.get(k, 0) >= company.get(k, 0)}
    hit = legal & keys.isin(place)
    if not hit.any():
        return keys, frozenset()
    bases = frozenset(keys[hit])
    keys = keys.copy()
    keys.loc[hit] = m.loc[hit, "name"].map(company_key)
    return keys, bases


def _fold_plurals(types: dict[str, str], uf: UnionFind) -> None:
    """Plural demonyms join the singular: Palestinians -> Palestinian, Zionists -> Zionist."""
    norp = {k for k, t in types.items() if t == "NORP"}
    for k in sorted(norp):
        if k.endswith("s") and k[:-1] in norp:
            uf.union(k, k[:-1])


def _link_acronyms(keys: pd.Series, m: pd.DataFrame, types: dict[str, str], counts: dict[str, int],
                   uf: UnionFind) -> None:
    """An acronym that documents tie to one organisation ("Presidential Commission on Good
    Government (PCGG)") is that organisation where it stands alone too."""
    texts = m["text"].astype(str)
    acro = texts.str.fullmatch(r"[A-Z][A-Z.&\-]{1,7}") & (m["type"] == "ORG")
    if not acro.any():
        return
    pairs = pd.DataFrame({"t": keys_of(texts[acro]), "k": keys[acro]}).drop_duplicates()
    pairs = pairs[pairs["t"] != pairs["k"]]
    for t, g in pairs.groupby("t", sort=True):
        if t not in counts or types.get(t) != "ORG":
            continue
        roots = {uf.find(k) for k in g["k"] if types.get(k) == "ORG"}
        if len(roots) == 1:
            uf.union(t, roots.pop())
