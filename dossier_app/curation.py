"""Actor curation: user actions -> rows of data/aliases.csv (alias, canonical, type, hidden).

Pure functions over DataFrames; the Actors page saves the result with `pipeline.store.write_csv`
and re-derives the actor tables with `pipeline.build.relink` (no re-parse).
"""
from __future__ import annotations

import pandas as pd

COLUMNS = ["alias", "canonical", "type", "hidden"]


def empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=str) for c in COLUMNS})


def normalise(aliases: pd.DataFrame | None) -> pd.DataFrame:
    """The alias table with exactly our columns, strings, no blank rows, no exact duplicates."""
    if aliases is None or aliases.empty:
        return empty()
    df = aliases.copy()
    for c in COLUMNS:
        df[c] = df[c].fillna("").astype(str).str.strip() if c in df.columns else ""
    df = df[COLUMNS]
    df = df[(df.alias != "") | (df.canonical != "")]
    return df.drop_duplicates(keep="last").reset_index(drop=True)


def _add(aliases: pd.DataFrame | None, rows: list[dict]) -> pd.DataFrame:
    new = pd.DataFrame([{c: str(r.get(c, "") or "") for c in COLUMNS} for r in rows], columns=COLUMNS)
    base = normalise(aliases)
    # a new rule for an alias replaces older rules for that alias
    base = base[~base.alias.str.lower().isin(new.alias.str.lower())]
    # rules that pointed at a renamed or merged actor follow it (no chains to resolve)
    moved = {a.lower(): c for a, c in zip(new.alias, new.canonical) if a.lower() != c.lower()}
    base["canonical"] = [moved.get(c.lower(), c) for c in base.canonical]
    return normalise(pd.concat([base, new], ignore_index=True))


def check_known(names, known: set[str]) -> None:
    """Raise ValueError naming the first picked name that is no actor (pickers accept typed names)."""
    for n in names:
        if isinstance(n, str) and n.strip() and n not in known:
            raise ValueError(f"no actor is called {n!r}; pick one from the list or type its exact name")


def merge(aliases: pd.DataFrame | None, names: list[str], into: str) -> pd.DataFrame:
    """Merge actors called `names` into the actor called `into` (which keeps its name)."""
    into = into.strip()
    if not into:
        raise ValueError("merge needs a target name")
    rows = [{"alias": n, "canonical": into} for n in names if n.strip() and n.strip() != into]
    if not rows:
        raise ValueError("pick at least one other actor to merge")
    return _add(aliases, rows)


def rename(aliases: pd.DataFrame | None, name: str, new_name: str) -> pd.DataFrame:
    """Show the actor called `name` as `new_name`."""
    new_name = new_name.strip()
    if not new_name or new_name == name:
        raise ValueError("type a new, different name")
    return _add(aliases, [{"alias": name, "canonical": new_name}])


def hide(aliases: pd.DataFrame | None, names: list[str]) -> pd.DataFrame:
    """Hide actors (their mentions leave every table; unhide by deleting the rule)."""
    if not names:
        raise ValueError("pick actors to hide")
    return _add(aliases, [{"alias": n, "canonical": n, "hidden": "true"} for n in names])


def retype(aliases: pd.DataFrame | None, name: str, new_type: str) -> pd.DataFrame:
    """Give the actor called `name` the type `new_type` (PERSON, ORG, GPE, NORP, …)."""
    new_type = new_type.strip().upper()
    if not new_type:
        raise ValueError("pick a type")
    return _add(aliases, [{"alias": name, "canonical": name, "type": new_type}])


TYPES = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"]
TRUE = {"true", "1", "yes", "y", "x"}


def for_editor(aliases: pd.DataFrame | None) -> pd.DataFrame:
    """The rules as the editor shows them: `hidden` a tick box, `type` one of TYPES (or blank)."""
    df = normalise(aliases)
    return df.assign(hidden=df.hidden.str.lower().isin(TRUE))


def from_editor(edited: pd.DataFrame) -> pd.DataFrame:
    """The editor's rows back as rules; ValueError naming the first row that makes no sense."""
    df = edited.copy()
    df["hidden"] = ["true" if bool(v) and not pd.isna(v) else "" for v in df.get("hidden", [])]
    df = normalise(df)
    for i, r in enumerate(df.itertuples(), start=1):
        if not r.alias or not r.canonical:
            raise ValueError(f"row {i}: a rule needs both an alias and a canonical name")
        if r.type and r.type.upper() not in TYPES:
            raise ValueError(f"row {i}: type {r.type!r} is not one of {', '.join(TYPES)}")
    return df.assign(type=df.type.str.upper())
