"""Display names and the actors table: the most frequent full form, a capital's city actor shown
"Washington (city)" when "Washington" is also a form of another actor, counts and aliases."""
from __future__ import annotations

import pandas as pd

from ... import resources as R
from ..unionfind import UnionFind
from .keys import actor_id_for, keys_of, name_key

ACTOR_COLS = ["actor_id", "name", "type", "aliases", "n_mentions", "n_docs"]


def display_name(members: list[str], names: dict[str, str], counts: dict[str, int], typ: str) -> str:
    """Most frequent full form: multi-word for people, not an acronym when a long form exists."""
    pool = members
    if typ == "PERSON" and any(" " in names[k] for k in pool):
        pool = [k for k in pool if " " in names[k]]
    if any(not names[k].isupper() for k in pool):
        pool = [k for k in pool if not names[k].isupper()]
    best = max(pool, key=lambda k: (counts[k], len(names[k]), names[k]))
    return names[best]


def name_cities(root_name: dict, root_type: dict, uf: UnionFind, keys: pd.Series, m: pd.DataFrame,
                forced: dict) -> None:
    """A capital's own actor ("talks in Washington") is "Washington (city)" when "Washington" is
    also a form of another actor (the United States): no display name is another actor's alias."""
    caps = {r for r, n in root_name.items() if root_type[r] == "GPE" and name_key(n) in R.CAPITAL_METONYMS
            and name_key(n) not in forced}
    if not caps:
        return
    forms = pd.DataFrame({"t": keys_of(m["text"].astype(str)), "k": keys}).drop_duplicates()
    forms = forms[forms["t"].isin({name_key(root_name[r]) for r in caps})]
    elsewhere = {t for t, k in zip(forms["t"], forms["k"]) if uf.find(k) not in caps}
    for r in caps:
        if name_key(root_name[r]) in elsewhere:
            root_name[r] = root_name[r] + R.CITY_SUFFIX


def actors_table(m: pd.DataFrame, root_name: dict, root_type: dict, hidden: set, clusters: dict,
                 root_id: dict | None = None) -> pd.DataFrame:
    """The actors table from mentions with their actor ids (`root_id`: each cluster's id, by
    default from its display name)."""
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
    alias_lists: dict = {}                                      # forms in that order, per actor
    for aid, form in zip(fc["actor_id"].tolist(), fc["form"].tolist()):
        alias_lists.setdefault(aid, []).append(form)
    id_name = {(root_id or {}).get(r) or actor_id_for(root_name[r]): (root_name[r], root_type[r])
               for r in clusters if r not in hidden}
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
