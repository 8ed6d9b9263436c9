"""Name keys and actor ids: what two names must share to be one actor before any clustering."""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from ... import resources as R
from ...names import norm
from ...ids import short_hash

VARIANTS = MappingProxyType({**R.MEDIA_NAMES, **R.ORG_VARIANTS, **R.COUNTRY_VARIANTS})
CANON_DISPLAY = MappingProxyType({norm(v): v for v in VARIANTS.values()})   # "united nations" -> "United Nations"
# Countries and capitals (name keys): never a person's surname, never an organisation, and never
# what a name with a company legal form stands for ("Japan Inc." is a company).
COUNTRIES = frozenset({norm(v) for v in R.COUNTRY_NAMES} | set(R.COUNTRY_VARIANTS))
PLACES = COUNTRIES | frozenset(R.CAPITAL_METONYMS)


@lru_cache(maxsize=500_000)
def actor_id_for(name: str) -> str:
    """Stable id of an actor: a hash of its normalised display name."""
    return "a" + short_hash(name_key(name), 15)


@lru_cache(maxsize=500_000)
def name_key(name: str) -> str:
    """Merge key of a name: normalised, with known variants ("USA", "NYT") mapped to one form and
    company legal forms dropped ("Deutsche Bank AG" -> "deutsche bank")."""
    k = norm(name)
    if k in VARIANTS:
        return norm(VARIANTS[k])
    if "organis" in k:
        k = k.replace("organisation", "organization")
    words = k.split(" ")
    if len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
        while len(words) > 1 and words[-1].rstrip(".,") in R.COMPANY_SUFFIXES:
            words.pop()
        if len(words) > 1 and words[-1] in R.COMPANY_NAME_JOINERS:
            words.pop()
        base = " ".join(words).rstrip(",")
        if base in PLACES or base in R.DEMONYMS:
            return k.rstrip(".,")     # "Japan Inc.", "America Inc": a company, not the country
        return norm(VARIANTS[base]) if base in VARIANTS else base
    return k


def keys_of(names: pd.Series) -> pd.Series:
    """name_key for a column, computed once per distinct value ("" for missing values)."""
    uniq = pd.unique(names.to_numpy())
    table = {u: name_key(str(u)) if isinstance(u, str) else "" for u in uniq}
    return names.map(table)


def most_common(keys: pd.Series, names: pd.Series) -> dict[str, str]:
    """The most frequent spelling of each key (ties: alphabetical); known variants take their canonical form."""
    vc = pd.DataFrame({"k": keys.to_numpy(), "n": names.to_numpy()}).value_counts().reset_index(name="c")
    vc = vc.sort_values(["k", "c", "n"], ascending=[True, False, True]).drop_duplicates("k")
    return {k: CANON_DISPLAY.get(k, n) for k, n in zip(vc["k"], vc["n"])}


def has_legal_form(name: str) -> bool:
    """Two words or more, the last a company legal form ("Krupp GmbH", "New York Inc.")."""
    words = str(name).split()
    return len(words) > 1 and words[-1].lower().rstrip(".,") in R.COMPANY_SUFFIXES


def company_key(name: str) -> str:
    """The key of a company named after a place: normalised, its legal form kept ("new york inc")."""
    return norm(name).rstrip(".,")


def split_key(name: str, bases: frozenset[str] | set[str]) -> str:
    """`name_key`, except that a company named after a place in `bases` keeps its legal form
    ("New York Inc." -> "new york inc" when "new york" is a place): the key every step of one
    resolution uses for it, mentions and alias rules alike (see `cluster.split_place_companies`)."""
    k = name_key(name)
    return company_key(name) if k in bases and has_legal_form(name) else k
