"""Session state in one place: the widget keys pages share, and the few actions that change them.

Pages and app.py never write `st.session_state` with bare strings; they use these keys and
functions, so a key has one spelling and every change of the global filter goes through here.
"""
from __future__ import annotations

import streamlit as st

from .filters import KEYS, Filters, parse_params

# the sidebar's global filters (widget keys)
ACTORS, TYPES, DATES = "f_actors", "f_types", "f_dates"
FILTER_WIDGETS = (ACTORS, TYPES, DATES)
FILTERS = "dossier_filters"            # the Filters object app.py hands to the page
URL_NOTES = "url_notes"                # what the URL asked for that the app could not use
# page widgets other code reads
Q_SPEAKERS, Q_ABOUT = "q_speakers", "q_about"
NET_WEIGHT, NET_EDGE, NET_TOP, NET_UNIT = "net_min_weight", "net_edge", "net_top", "net_unit"
NET_PARAMS = {NET_TOP: "top", NET_WEIGHT: "weight", NET_UNIT: "unit"}     # widget key -> URL key
NET_DEFAULTS = {NET_TOP: 100, NET_UNIT: "sentence"}
READER_PICK, READER_LAYERS = "reader_pick", "reader_layers"
DOC = "doc"                            # the reader's article, in the URL
FLASH = "flash_message"                # a message shown once, after a rerun
UNDO = "curation_undo"                 # [(rules before a change, what the change was)], newest last
UNDO_DEPTH = 20
FOLLOW = "follow_actors"               # {old actor id: new id} after a curation, applied on the next run


def initial_filters(corpus) -> None:
    """On a session's first run, take the filters from the URL; what cannot be used is noted."""
    if ACTORS in st.session_state:
        return
    notes: list[str] = []
    f = parse_params({k: st.query_params.get_all(k) for k in KEYS}, corpus.actor_lookup(),
                     set(corpus.type_names), corpus.date_bounds(), notes)
    st.session_state[ACTORS] = list(f.actors)
    st.session_state[TYPES] = list(f.types)
    lo, hi = corpus.date_bounds()
    st.session_state[DATES] = (f.start or lo, f.end or hi) if lo else ()
    st.session_state[URL_NOTES] = notes


def url_notes() -> list[str]:
    """The URL's unusable values, once (the first run of a session)."""
    return st.session_state.pop(URL_NOTES, None) or []


def keep_known_actors(names: dict[str, str]) -> None:
    """Move picked actors to where a curation sent them, and drop those the corpus no longer has
    (called before the sidebar widget is drawn: a drawn widget's state cannot change)."""
    moved = st.session_state.pop(FOLLOW, None) or {}
    picked = dict.fromkeys(moved.get(a, a) for a in st.session_state.get(ACTORS, []))
    st.session_state[ACTORS] = [a for a in picked if a in names]


def set_actor_filter(actor_ids: list[str]) -> None:
    """Make these actors the global filter (call from a callback, before the sidebar is drawn)."""
    st.session_state[ACTORS] = list(actor_ids)


def follow_actors(mapping: dict[str, str]) -> None:
    """After a merge or rename, the filter follows the actors to their new ids {old: new} (on the
    next run, before the sidebar is drawn)."""
    st.session_state[FOLLOW] = dict(mapping)


def reset_filters() -> None:
    """Forget the sidebar filters and our URL keys (the next run starts from the defaults)."""
    for k in FILTER_WIDGETS:
        st.session_state.pop(k, None)
    for k in KEYS:
        st.query_params.pop(k, None)


def publish_filters(f: Filters) -> None:
    st.session_state[FILTERS] = f


def current_filters() -> Filters:
    return st.session_state.get(FILTERS, Filters())


def flash(message: str) -> None:
    """Show `message` once, on the next run (it survives `st.rerun`)."""
    st.session_state[FLASH] = message


def pop_flash() -> str | None:
    return st.session_state.pop(FLASH, None)


def remembered(key: str) -> list:
    """A page widget's current value (an empty list before it is drawn)."""
    return list(st.session_state.get(key, []))


def keep_weight(suggested: int, top: int) -> int:
    """The network's minimum-weight slider: starts at `suggested`, then keeps what the user set.

    Returns the slider's maximum (at least `top`, more when the suggestion is heavier)."""
    top = max(top, suggested)
    st.session_state.setdefault(NET_WEIGHT, suggested)
    st.session_state[NET_WEIGHT] = min(max(int(st.session_state[NET_WEIGHT]), 1), top)
    return top


def reader_doc(filtered: list[str], known) -> str | None:
    """The reader's article: `?doc=` when the corpus has it, else the first under the filters."""
    asked = st.query_params.get(DOC)
    if asked and asked in known:
        return asked
    return filtered[0] if filtered else None


def open_article(doc_id: str | None) -> None:
    """Show `doc_id` in the reader (a callback; the URL keeps it, so the view can be shared)."""
    if doc_id:
        st.query_params[DOC] = doc_id


def open_picked() -> None:
    """The reader's article picker changed: open that article and clear the picker."""
    open_article(st.session_state.pop(READER_PICK, None))


def push_undo(rules_before, message: str) -> None:
    """Remember the rules as they were before a curation change (this session, newest last)."""
    stack = st.session_state.setdefault(UNDO, [])
    stack.append((rules_before, message))
    del stack[:-UNDO_DEPTH]


def last_undo() -> str | None:
    """What the next undo would take back, or None."""
    stack = st.session_state.get(UNDO) or []
    return stack[-1][1] if stack else None


def pop_undo():
    """(rules before the last change, its message); the caller saves them."""
    return st.session_state[UNDO].pop()


def network_settings_from_url() -> None:
    """Top-N, minimum weight and co-occurrence unit from the URL, once per session (bad values ignored)."""
    if st.session_state.get("net_from_url"):
        return
    st.session_state["net_from_url"] = True
    top, weight, unit = (st.query_params.get(NET_PARAMS[k]) for k in (NET_TOP, NET_WEIGHT, NET_UNIT))
    if top and top.isdigit() and 10 <= int(top) <= 300:
        st.session_state[NET_TOP] = int(top) // 10 * 10
    if weight and weight.isdigit() and 1 <= int(weight) <= 1000:
        st.session_state[NET_WEIGHT] = int(weight)
    if unit in ("sentence", "article"):
        st.session_state[NET_UNIT] = unit
    for k, v in NET_DEFAULTS.items():
        st.session_state.setdefault(k, v)


def network_settings_to_url(top: int, weight: int, unit: str) -> None:
    """Write the network's settings to the URL, so a link reproduces the graph."""
    for key, value in ((NET_TOP, top), (NET_WEIGHT, weight), (NET_UNIT, unit)):
        if st.query_params.get(NET_PARAMS[key]) != str(value):
            st.query_params[NET_PARAMS[key]] = str(value)


def select_actor(actor_id: str) -> None:
    """Filter every page by this one actor (a callback, before the sidebar is drawn)."""
    set_actor_filter([actor_id])


filters, reset = current_filters, reset_filters      # the short names the architecture notes use


def show_edge(value: str) -> None:
    """A link clicked in the graph: pick it in the evidence list (ignored unless it is a link drawn)."""
    parts = value.split("\t")
    if len(parts) == 3 and all(0 < len(p) <= 100 for p in parts):
        st.session_state[NET_EDGE] = value


def keep_edge(drawn: set[str]) -> None:
    """Forget a picked link the graph no longer draws (before the list is drawn)."""
    if st.session_state.get(NET_EDGE) not in drawn:
        st.session_state.pop(NET_EDGE, None)


GO_READER = "go_reader"


def read_about(actor_id: str) -> None:
    """Filter every page by this actor and open the Reader on its articles (a callback)."""
    select_actor(actor_id)
    st.session_state[GO_READER] = True


def pop_go_reader() -> bool:
    return bool(st.session_state.pop(GO_READER, False))


UPLOAD_RESULT, UPLOAD_ROUND = "upload_result", "upload_round"


def upload_round() -> int:
    """The upload widgets' generation: a new one after each Add to corpus empties them."""
    return st.session_state.setdefault(UPLOAD_ROUND, 0)


def upload_done(result) -> None:
    """Keep what Add to corpus did for the next run, and start a new round of empty uploaders."""
    st.session_state[UPLOAD_RESULT] = result
    st.session_state[UPLOAD_ROUND] = upload_round() + 1


def pop_upload_result():
    return st.session_state.pop(UPLOAD_RESULT, None)


def clean_view() -> bool:
    """`?view=clean`: charts, tables and text only (for screenshots)."""
    return st.query_params.get("view") == "clean"
