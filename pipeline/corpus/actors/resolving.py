"""The actors stage's entry point: canonical actors of a corpus and each mention's actor."""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .aliases import apply_alias_rows, expand_rules, read_aliases, rekey_rules
from .cluster import TYPE_PRIORITY, apply_demonyms, cluster, split_place_companies
from ...ids import short_hash
from .keys import actor_id_for, keys_of, name_key
from .table import actors_table, display_name, name_cities


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
    m = mentions.loc[valid, ["doc_id", "text", "name", "type"]]
    if m.empty:
        return (actors_table(m.assign(actor_id=None), {}, {}, set(), {}),
                pd.Series(None, index=mentions.index, dtype=object))
    keys = keys_of(m["name"])
    keys, m = apply_demonyms(keys, m)
    keys, bases = split_place_companies(keys, m)
    rules = rekey_rules(rules, bases)
    if rules:                       # an alias naming an automatic actor covers all its names
        rules = expand_rules(rules, cluster(keys, m), bases)
        keys, m = apply_alias_rows(rules, keys, m, bases)
    ok = keys.str.len() > 0
    m, keys = m.loc[ok], keys.loc[ok]
    uf, clusters, names, counts, types = cluster(keys, m)
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
        display = rule["canonical"] if rule else display_name(members, names, counts, typ)
        if rule and rule["type"]:
            typ = rule["type"]
        if any(r["hidden"] and (r["key"] in members or r["alias"] in members) for r in rules):
            hidden.add(root)
        root_name[root], root_type[root] = display, typ
    name_cities(root_name, root_type, uf, keys, m, forced)
    root_id = _root_ids(root_name, {r: sum(counts[k] for k in ks) for r, ks in clusters.items()})
    key_to_id = {k: (None if uf.find(k) in hidden else root_id[uf.find(k)]) for k in counts}
    ids = keys.map(key_to_id)
    actor_id = pd.Series(None, index=mentions.index, dtype=object)
    actor_id.loc[ids.index] = ids.to_numpy()
    actors = actors_table(m.assign(actor_id=ids.to_numpy()), root_name, root_type, hidden, clusters, root_id)
    return actors, actor_id


def _root_ids(root_name: dict[str, str], size: dict[str, int]) -> dict[str, str]:
    """Each cluster's actor id, from its display name. Clusters showing the same name are one
    actor (a rename onto an existing name merges). Two different names that normalise alike
    ("New York" and the company "New York Inc.", kept apart by `split_place_companies`) stay
    two: the name-hash id goes to the cluster whose own key is that name's key (whatever the
    sizes, so ids do not swap as a corpus grows), the other gets an id from its cluster key."""
    by_name: dict[str, str] = {}
    owner: dict[str, str] = {}          # name-hash id -> the display name holding it
    order = sorted(root_name, key=lambda r: (name_key(root_name[r]) != r, -size.get(r, 0), r))
    for root in order:
        name = root_name[root]
        if name not in by_name:
            aid = actor_id_for(name)
            if owner.setdefault(aid, name) != name:
                aid = "a" + short_hash("key:" + root, 15)
            by_name[name] = aid
    return {root: by_name[root_name[root]] for root in root_name}
