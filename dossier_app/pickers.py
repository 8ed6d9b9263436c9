"""Actor pickers that stay small on a 17,000-actor corpus. Pure: no streamlit.

A picker offers the few hundred most mentioned actors (plus whatever is already picked), and
accepts any other actor typed by name or alias: `resolve` maps typed text to actor ids.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

TOP_OPTIONS = 300
MAX_TYPED = 200


def options(ranked_ids: Sequence[str], selected: Iterable[str], limit: int = TOP_OPTIONS) -> list[str]:
    """The picked ids first, then the top `limit` of `ranked_ids` (most mentioned first)."""
    out = list(dict.fromkeys(selected))
    seen = set(out)
    out += [a for a in ranked_ids[:limit] if a not in seen]
    return out


def resolve(values: Iterable[str], known: set[str] | dict, lookup: dict[str, str],
            ranked_ids: Sequence[str], names: dict[str, str]) -> tuple[list[str], list[str]]:
    """(actor ids, texts that matched nothing) for a picker's values.

    A value that is an actor id stays. Typed text matches a name, alias or id exactly (any case),
    else the most mentioned actor whose name contains it (at least three characters).
    """
    ids: list[str] = []
    unknown: list[str] = []
    for v in values:
        if not isinstance(v, str):
            continue
        if v in known:
            aid = v
        else:
            text = v.strip().lower()[:MAX_TYPED]
            aid = lookup.get(text)
            if aid is None and len(text) >= 3:
                aid = next((a for a in ranked_ids if text in str(names.get(a, "")).lower()), None)
        if aid is None:
            unknown.append(v)
        elif aid not in ids:
            ids.append(aid)
    return ids, unknown
