"""Loading the cache for the app, cached by Streamlit and keyed on the cache's manifest."""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from pipeline import store

from .filters import Filters
from .query import Corpus

FILTERS_KEY = "dossier_filters"


def cache_dir() -> Path:
    """$DOSSIER_CACHE, else data/cache."""
    return Path(os.environ.get("DOSSIER_CACHE") or "data/cache")


def manifest_stamp(cache: Path) -> str:
    """Changes whenever a build or re-link finishes: the key for st.cache_data."""
    man = store.read_manifest(cache) or {}
    return f"{man.get('finished')}|{man.get('relinked')}|{man.get('code_hash')}"


@st.cache_data(show_spinner="Loading the cache…", max_entries=4)
def _load(cache: str, stamp: str) -> Corpus:
    tables = store.read_cache(Path(cache))
    return Corpus(manifest=store.read_manifest(Path(cache)) or {}, **tables)


def load_corpus() -> Corpus:
    """The corpus of the configured cache; raises store.CacheError with a helpful message."""
    cache = cache_dir()
    return _load(str(cache), manifest_stamp(cache))


def clear() -> None:
    """Forget loaded caches (after a re-link)."""
    _load.clear()


def _ensure_entrypoint() -> None:
    """Rerun through app.py when Streamlit ran a page directly.

    With a `pages/` folder, the first session after the server starts runs in the old
    multipage mode, which executes a page file without the entrypoint (no sidebar filters, no
    URL sync). Switching the flag that app.py's `st.navigation` would set and rerunning puts
    that session, and every later one, on the entrypoint.
    """
    from streamlit.runtime.pages_manager import PagesManager
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current() -> tuple[Corpus, Filters]:
    """The corpus and the sidebar filters, for pages (set by app.py before the page runs)."""
    _ensure_entrypoint()
    return load_corpus(), st.session_state.get(FILTERS_KEY, Filters())


def aliases_path() -> Path:
    """The alias file the cache was built with (data/aliases.csv by default)."""
    man = store.read_manifest(cache_dir()) or {}
    path = (man.get("aliases") or {}).get("path")
    return Path(path) if path else Path("data/aliases.csv")


def read_aliases():
    """The user's alias rules as a DataFrame (empty when there is no file yet)."""
    from .curation import normalise
    return normalise(store.read_csv(aliases_path()))


def save_aliases(df) -> dict[str, int]:
    """Write the alias rules, re-derive the actor tables (no re-parse) and reload the corpus."""
    from pipeline.build import relink
    from .curation import normalise
    path = aliases_path()
    store.write_csv(path, normalise(df))
    counts = relink(cache_dir(), path)
    clear()
    return counts
