"""Actors: corpus-wide canonical actors from the per-document mentions (after all documents).

`resolve(mentions, aliases)` works on distinct names, not on mentions, so 1M mentions take
seconds. Steps:
1. user aliases (data/aliases.csv) move names and surface forms to a canonical name;
2. one type per name: majority vote over its mentions (the per-document rules already re-typed
   media, agencies, "Coordination Framework" …); a country's or capital's ORG and NORP mentions
   count as GPE and a tie goes to the place ("Japan agreed" is the state);
3. people: full names merge when surnames are spelling variants (rapidfuzz on a
   transliteration key: Haniyeh/Hanieh) and first and middle names agree (Mahmoud/Mahmud,
   Saeed/Said, Shi/Shia); never when first names differ (Saeed Jalili vs Kazem Jalali);
4. a surname or partial name ("Khamenei", "Hashemi Rafsanjani") joins the one person it fits
   (an exact surname beats a spelling variant: Reagan is Ronald Reagan, not Donald Regan), and
   stays its own actor when several fit ("Hashemi": Mohsen Hashemi or Ali Akbar Hashemi
   Rafsanjani); a one-word ORG or GPE that is really a surname ("Hanieh", "Fujioka") joins a more
   frequent person (never a country or a capital);
5. other types merge on the normalised name (variants were named in `pipeline.entities`:
   USA/the United States -> United States; plural demonyms fold: Palestinians -> Palestinian);
   company legal forms are ignored (Deutsche Bank AG = Deutsche Bank; a name ever written with
   one is an ORG, whatever NER said) except after a place: "Japan Inc.", "America Inc",
   "France SA" are companies, never the country; "organisation" = "organization";
6. demonyms count for their country (resources.DEMONYMS, data): "Iranian officials said" is a
   mention of Iran (type GPE; the mention keeps its text and NER label), "Soviets" of the Soviet
   Union, "West German" of West Germany. Peoples, religions and regions that are not one state
   (Palestinian, Kurds, Arab, Shiite, Zionist, Jewish, European, Korean) stay NORP actors;
7. an acronym that documents tie to exactly one organisation ("Presidential Commission on Good
   Government (PCGG)") is that organisation where it stands alone; tied to several, it stays;
8. display name: the most frequent full form; user aliases can rename, merge, retype and hide.
   A capital's locative mentions ("talks in Washington") are a city actor; when the bare name is
   also a form of a country actor ("Washington said" -> United States), the city is shown as
   "Washington (city)", so no display name is another actor's alias. An alias row on
   "Washington (city)" renames or hides the city only; one on "Washington" moves all of them.
`actor_id` is a hash of the display name: stable across rebuilds of the same corpus and
independent of input order.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz, process

from . import resources as R
from .unionfind import UnionFind
from .entities import SURNAME_CUTOFF, name_tokens, norm, part_of, same_person, translit

TYPE_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
ACTOR_COLS = ["actor_id", "name", "type", "aliases", "n_mentions", "n_docs"]
_VARIANTS = {**R.MEDIA_NAMES, **R.ORG_VARIANTS, **R.COUNTRY_VARIANTS}
_CANON_DISPLAY = {norm(v): v for v in _VARIANTS.values()}      # "united nations" -> "United Nations"
# Countries and capitals (name keys): never a person's surname, never an organisation, and never
# what a name with a company legal form stands for ("Japan Inc." is a company).
_COUNTRIES = {norm(v) for v in R.COUNTRY_NAMES} | set(R.COUNTRY_VARIANTS)
_PLACES = _COUNTRIES | set(R.CAPITAL_METONYMS)


@lru_cache(maxsize=500_000)
def actor_id_for(name: str) -> str:
    """Stable id of an actor: a hash of its normalised display name."""
    return "a" + hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:15]


@lru_cache(maxsize=500_000)
def name_key(name: str) -> str:
    """Merge key of a name: normalised, with known variants ("USA", "NYT") mapped to one form and
    company legal forms dropped ("Deutsche Bank AG" -> "deutsche bank")."""
    k = norm(name)
    if k in _VARIANTS:
        return norm(_VARIANTS[k])
    if "organis" in k:
        k = k.replace("organisation", "organization")
    words = k.split(" ")
    if len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
        while len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
            words.pop()
        if len(words) > 1 and words[-1] in ("&", "and"):
            words.pop()
        base = " ".join(words).rstrip(",")
        if base in _PLACES or base in R.DEMONYMS:
            return k.rstrip(".,")     # "Japan Inc.", "America Inc": a company, not the country
        return norm(_VARIANTS[base]) if base in _VARIANTS else base
    return k


def demonym_country(name: str) -> str | None:
    """The country a demonym stands for ("Iranians" -> "Iran", "West German" -> "West Germany")."""
    k = norm(name)
    return R.DEMONYMS.get(k) or (R.DEMONYMS.get(k[:-1]) if k.endswith("s") else None)


# ---------------------------------------------------------------- user aliases
def _truthy(v) -> bool:
    return str(v).strip().lower() in ("1", "true", "yes", "y", "t", "x", "hidden")


def read_aliases(aliases: pd.DataFrame | None) -> list[dict]:
    """Clean alias rows: alias/canonical keys, display canonical, type override, hidden flag."""
    if aliases is None or len(aliases) == 0:
        return []
    rows = []
    for rec in aliases.fillna("").to_dict("records"):
        alias = str(rec.get("alias", "")).strip()
        canon = str(rec.get("canonical", "")).strip() or alias
        if not alias and not canon:
            continue
        rows.append({"alias": name_key(alias or canon), "canonical": canon, "key": name_key(canon),
                     "type": str(rec.get("type", "")).strip().upper() or None,
                     "hidden": _truthy(rec.get("hidden", ""))})
    return rows


# ---------------------------------------------------------------- clustering
def _vote_types(keys: pd.Series, types: pd.Series) -> dict[str, str]:
    """Majority type per name key; ties go to PERSON > ORG > GPE > NORP > others. A country's or
    capital's ORG and NORP mentions count as GPE ("Japan agreed" is the state), a country's PERSON
    mentions too (NER's PERSON "Gabon"; people called Jordan were linked to their full name in
    their documents), and a capital's tie with PERSON goes to the place."""
    counts = pd.DataFrame({"k": keys, "t": types}).value_counts().reset_index(name="n")
    place = counts["k"].isin(_PLACES)
    counts.loc[place & counts["t"].isin(["ORG", "NORP"]), "t"] = "GPE"
    counts.loc[counts["k"].isin(_COUNTRIES) & (counts["t"] == "PERSON"), "t"] = "GPE"
    counts = counts.groupby(["k", "t"], as_index=False)["n"].sum()
    counts["p"] = counts["t"].map(lambda t: TYPE_PRIORITY.get(t, 9))
    counts.loc[counts["k"].isin(_PLACES) & (counts["t"] == "GPE"), "p"] = -1
    counts = counts.sort_values(["k", "n", "p", "t"], ascending=[True, False, True, True])
    return dict(zip(counts.drop_duplicates("k")["k"], counts.drop_duplicates("k")["t"]))


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


def _cluster_people(people: dict[str, list[str]], counts: dict[str, int], uf: UnionFind) -> None:
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


def _neighbours(keys) -> dict[str, set[str]]:
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


def _attach_org_surnames(types: dict[str, str], counts: dict[str, int], names: dict[str, str],
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
        if t not in ("ORG", "GPE") or " " in k or names[k].isupper() or k in _VARIANTS or k in R.ORG_HEAD_WORDS:
            continue
        if t == "GPE" and k in _PLACES:
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


def _link_acronyms(keys: pd.Series, m: pd.DataFrame, types: dict[str, str], counts: dict[str, int],
                   uf: UnionFind) -> None:
    """An acronym that documents tie to one organisation ("Presidential Commission on Good
    Government (PCGG)") is that organisation where it stands alone too."""
    texts = m["text"].astype(str)
    acro = texts.str.fullmatch(r"[A-Z][A-Z.&\-]{1,7}") & (m["type"] == "ORG")
    if not acro.any():
        return
    pairs = pd.DataFrame({"t": _keys(texts[acro]), "k": keys[acro]}).drop_duplicates()
    pairs = pairs[pairs["t"] != pairs["k"]]
    for t, g in pairs.groupby("t", sort=True):
        if t not in counts or types.get(t) != "ORG":
            continue
        roots = {uf.find(k) for k in g["k"] if types.get(k) == "ORG"}
        if len(roots) == 1:
            uf.union(t, roots.pop())


def _fold_plurals(types: dict[str, str], uf: UnionFind) -> None:
    """Plural demonyms join the singular: Palestinians -> Palestinian, Zionists -> Zionist."""
    norp = {k for k, t in types.items() if t == "NORP"}
    for k in sorted(norp):
        if k.endswith("s") and k[:-1] in norp:
            uf.union(k, k[:-1])


# ---------------------------------------------------------------- display and table
def _display(members: list[str], names: dict[str, str], counts: dict[str, int], typ: str) -> str:
    """Most frequent full form: multi-word for people, not an acronym when a long form exists."""
    pool = members
    if typ == "PERSON" and any(" " in names[k] for k in pool):
        pool = [k for k in pool if " " in names[k]]
    if any(not names[k].isupper() for k in pool):
        pool = [k for k in pool if not names[k].isupper()]
    best = max(pool, key=lambda k: (counts[k], len(names[k]), names[k]))
    return names[best]


def resolve(mentions: pd.DataFrame, aliases: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """Canonical actors of a corpus and each mention's actor.

    `mentions`: columns doc_id, start, end, text, label, sent, name, type (all documents).
    `aliases`: user curation, columns alias, canonical, type, hidden (may be None or empty). An
    alias is matched against mention names, surface forms and automatic actors' display names.
    Returns (actors, actor_id): actors has actor_id, name, type, aliases (list of surface forms
    and names, most frequent first), n_mentions, n_docs (int32); actor_id is aligned to
    mentions.index, None for mentions without an actor (no name, or hidden by the user).
    Deterministic: the same mentions in any order give the same ids.
    """
    rules = read_aliases(aliases)
    valid = mentions["name"].notna() & mentions["type"].notna()
    m = mentions.loc[valid, ["doc_id", "text", "name", "type"]].astype(object)
    if m.empty:
        return _table(m.assign(actor_id=None), {}, {}, set(), {}), pd.Series(None, index=mentions.index, dtype=object)
    keys = _keys(m["name"])
    keys, m = _apply_demonyms(keys, m)
    if rules:                       # an alias naming an automatic actor covers all its names
        rules = _expand_rules(rules, _cluster(keys, m))
        keys, m = _apply_alias_rows(rules, keys, m)
    ok = keys.str.len() > 0
    m, keys = m.loc[ok], keys.loc[ok]
    uf, clusters, names, counts, types = _cluster(keys, m)
    for r in rules:                 # alias and canonical both present as names: one actor
        if r["alias"] in counts and r["key"] in counts:
            uf.union(r["alias"], r["key"])
    clusters = defaultdict(list)
    for k in sorted(counts):
        clusters[uf.find(k)].append(k)
    forced = {r["key"]: r for r in rules}
    root_name, root_type, hidden = {}, {}, set()
    for root, members in clusters.items():
        tcount: dict[str, int] = defaultdict(int)
        for k in members:
            tcount[types[k]] += counts[k]
        typ = min(tcount, key=lambda t: (-tcount[t], TYPE_PRIORITY.get(t, 9), t))
        rule = next((forced[k] for k in members if k in forced), None)
        display = rule["canonical"] if rule else _display(members, names, counts, typ)
        if rule and rule["type"]:
            typ = rule["type"]
        if any(r["hidden"] and (r["key"] in members or r["alias"] in members) for r in rules):
            hidden.add(root)
        root_name[root], root_type[root] = display, typ
    _name_cities(root_name, root_type, uf, keys, m, forced)
    key_to_id = {k: (None if uf.find(k) in hidden else actor_id_for(root_name[uf.find(k)])) for k in counts}
    ids = keys.map(key_to_id)
    actor_id = pd.Series(None, index=mentions.index, dtype=object)
    actor_id.loc[ids.index] = ids.to_numpy()
    actors = _table(m.assign(actor_id=ids.to_numpy()), root_name, root_type, hidden, clusters)
    return actors, actor_id


def _name_cities(root_name: dict, root_type: dict, uf: UnionFind, keys: pd.Series, m: pd.DataFrame,
                 forced: dict) -> None:
    """A capital's own actor ("talks in Washington") is "Washington (city)" when "Washington" is
    also a form of another actor (the United States): no display name is another actor's alias."""
    caps = {r for r, n in root_name.items() if root_type[r] == "GPE" and name_key(n) in R.CAPITAL_METONYMS
            and name_key(n) not in forced}
    if not caps:
        return
    forms = pd.DataFrame({"t": _keys(m["text"].astype(str)), "k": keys}).drop_duplicates()
    forms = forms[forms["t"].isin({name_key(root_name[r]) for r in caps})]
    elsewhere = {t for t, k in zip(forms["t"], forms["k"]) if uf.find(k) not in caps}
    for r in caps:
        if name_key(root_name[r]) in elsewhere:
            root_name[r] = root_name[r] + R.CITY_SUFFIX


def _cluster(keys: pd.Series, m: pd.DataFrame):
    """Automatic clusters of name keys: (union-find, clusters, names, counts, types)."""
    counts = keys.value_counts().to_dict()
    names = _most_common(keys, m["name"])
    types = _vote_types(keys, m["type"])
    for k in _company_keys(keys, m["name"]):      # "Krupp AG", "Degussa AG": whatever NER said
        types[k] = "ORG"
    uf = UnionFind()
    for k in sorted(counts):
        uf.find(k)
    people = {k: name_tokens(names[k]) for k, t in types.items() if t == "PERSON"}
    people = {k: t for k, t in people.items() if t}
    _cluster_people(people, counts, uf)
    _attach_org_surnames(types, counts, names, people, uf)
    _fold_plurals(types, uf)
    _link_acronyms(keys, m, types, counts, uf)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in sorted(counts):
        clusters[uf.find(k)].append(k)
    return uf, clusters, names, counts, types


def _expand_rules(rules: list[dict], auto) -> list[dict]:
    """A rule whose alias is an automatic actor's display name applies to all that actor's names.
    A rule on a capital's city actor ("Washington (city)") moves its names only, never the
    surface form "Washington" of the country's mentions."""
    _, clusters, names, counts, types = auto
    extra = []
    for members in clusters.values():
        typ = types[members[0]]
        display = _display(members, names, counts, typ)
        shown = name_key(display)
        city = name_key(display + R.CITY_SUFFIX) if shown in R.CAPITAL_METONYMS else None
        for r in rules:
            if r["alias"] == shown:
                extra += [{**r, "alias": k} for k in members if k != r["alias"]]
            elif city and r["alias"] == city:
                extra += [{**r, "alias": k, "name_only": True} for k in members]
    return rules + extra


def _apply_alias_rows(rules: list[dict], keys: pd.Series, m: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Move mentions whose name or surface form is an alias to the canonical name (and type)."""
    amap = {}
    for r in rules:
        amap.setdefault(r["alias"], r)
    by_text = _keys(m["text"])
    in_text = by_text.map(lambda k: k in amap and not amap[k].get("name_only"))
    in_name = keys.map(lambda k: k in amap)
    hit = in_text | in_name
    if not hit.any():
        return keys, m
    src = by_text.where(in_text, keys)
    m = m.copy()
    keys = keys.where(~hit, src.map(lambda k: amap[k]["key"] if k in amap else k))
    m.loc[hit, "name"] = src[hit].map(lambda k: amap[k]["canonical"])
    typed = hit & src.map(lambda k: k in amap and bool(amap[k]["type"]))
    m.loc[typed, "type"] = src[typed].map(lambda k: amap[k]["type"])
    return keys, m


def _company_keys(keys: pd.Series, names: pd.Series) -> set[str]:
    """Name keys written at least once with a company legal form ("Krupp GmbH")."""
    pairs = pd.DataFrame({"k": keys.to_numpy(), "n": names.to_numpy()}).drop_duplicates()
    last = pairs["n"].astype(str).str.rsplit(" ", n=1).str[-1].str.lower().str.rstrip(".,")
    multi = pairs["n"].astype(str).str.contains(" ", regex=False)
    return set(pairs.loc[multi & last.isin(R.COMPANY_SUFFIXES), "k"])


def _apply_demonyms(keys: pd.Series, m: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
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
    keys.loc[hit] = _keys(country[hit])
    return keys, m


def _keys(names: pd.Series) -> pd.Series:
    """name_key for a column, computed once per distinct value."""
    uniq = pd.unique(names.to_numpy())
    table = {u: name_key(str(u)) if isinstance(u, str) else "" for u in uniq}
    return names.map(table)


def _most_common(keys: pd.Series, names: pd.Series) -> dict[str, str]:
    """The most frequent spelling of each key (ties: alphabetical)."""
    vc = pd.DataFrame({"k": keys.to_numpy(), "n": names.to_numpy()}).value_counts().reset_index(name="c")
    vc = vc.sort_values(["k", "c", "n"], ascending=[True, False, True]).drop_duplicates("k")
    return {k: _CANON_DISPLAY.get(k, n) for k, n in zip(vc["k"], vc["n"])}


def _table(m: pd.DataFrame, root_name: dict, root_type: dict, hidden: set, clusters: dict) -> pd.DataFrame:
    """The actors table from mentions with their actor ids."""
    m = m[m["actor_id"].notna()]
    if m.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ACTOR_COLS}).astype(
            {"n_mentions": "int32", "n_docs": "int32"})
    g = m.groupby("actor_id", sort=True)
    n_mentions = g.size()
    n_docs = g["doc_id"].nunique()
    forms = pd.concat([m.groupby(["actor_id", "text"], sort=False).size().rename_axis(["actor_id", "form"]),
                       m.groupby(["actor_id", "name"], sort=False).size().rename_axis(["actor_id", "form"])])
    fc = forms.reset_index(name="c")                           # distinct forms only: small
    fc["form"] = fc["form"].astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    fc = fc.groupby(["actor_id", "form"], sort=False)["c"].sum().reset_index()
    fc = fc.sort_values(["actor_id", "c", "form"], ascending=[True, False, True])
    alias_lists = fc.groupby("actor_id", sort=True)["form"].agg(list).to_dict()
    id_name = {actor_id_for(root_name[r]): (root_name[r], root_type[r]) for r in clusters if r not in hidden}
    ids = n_mentions.index
    out = pd.DataFrame({
        "actor_id": ids,
        "name": [id_name[i][0] for i in ids],
        "type": [id_name[i][1] for i in ids],
        "aliases": [[f for f in alias_lists.get(i, []) if f != id_name[i][0]] for i in ids],  # noqa: E501
        "n_mentions": n_mentions.to_numpy().astype("int32"),
        "n_docs": n_docs.reindex(ids).to_numpy().astype("int32"),
    })
    return out.sort_values(["n_mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
