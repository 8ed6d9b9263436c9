"""User aliases (data/aliases.csv): rows that rename, merge, retype or hide actors."""
from __future__ import annotations

import pandas as pd

from ... import resources as R
from .keys import company_key, has_legal_form, keys_of, name_key, split_key
from .table import display_name


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
        rows.append({"alias": name_key(alias or canon), "alias_text": alias or canon, "canonical": canon,
                     "key": name_key(canon),
                     "type": str(rec.get("type", "")).strip().upper() or None,
                     "hidden": _truthy(rec.get("hidden", ""))})
    return rows


def rekey_rules(rules: list[dict], bases: frozenset[str]) -> list[dict]:
    """The rules keyed as this resolution keys mentions: a company named after a split place keeps
    its legal form (`keys.split_key`), so a rule on "New York Inc." never touches New York."""
    if not bases:
        return rules
    return [{**r, "alias": split_key(r["alias_text"], bases), "key": split_key(r["canonical"], bases)}
            for r in rules]


def expand_rules(rules: list[dict], auto: tuple, bases: frozenset[str] = frozenset()) -> list[dict]:
    """A rule whose alias is an automatic actor's display name applies to all that actor's names.
    A rule on a capital's city actor ("Washington (city)") moves its names only, never the
    surface form "Washington" of the country's mentions.

    `auto`: the automatic clustering, as `cluster.cluster` returns it."""
    _, clusters, names, counts, types = auto
    extra = []
    for members in clusters.values():
        typ = types[members[0]]
        display = display_name(members, names, counts, typ)
        shown = split_key(display, bases)
        city = name_key(display + R.CITY_SUFFIX) if shown in R.CAPITAL_METONYMS else None
        for r in rules:
            if r["alias"] == shown:
                extra += [{**r, "alias": k} for k in members if k != r["alias"]]
            elif city and r["alias"] == city:
                extra += [{**r, "alias": k, "name_only": True} for k in members]
    return rules + extra


def apply_alias_rows(rules: list[dict], keys: pd.Series, m: pd.DataFrame,
                     bases: frozenset[str] = frozenset()) -> tuple[pd.Series, pd.DataFrame]:
    """Move mentions whose name or surface form is an alias to the canonical name (and type)."""
    amap = {}
    for r in rules:
        amap.setdefault(r["alias"], r)
    by_text = keys_of(m["text"])
    if bases:            # surface forms keyed as the names are: "New York Inc." is not "new york"
        split = by_text.isin(bases) & m["text"].map(has_legal_form).astype(bool)
        by_text = by_text.where(~split, m["text"].map(company_key))
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


def _truthy(v) -> bool:
    return str(v).strip().lower() in R.ALIAS_TRUE_WORDS
