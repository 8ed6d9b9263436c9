"""Loading the cache for the app: one shared, read-only `Corpus` per cache generation.

`st.cache_resource` hands every session the same object (no per-rerun unpickling, no copy per
session); it is keyed on the generation folder the cache points at and the manifest's file
identity, so a finished build or re-link loads the new generation on the next rerun, and
`max_entries` bounds what stays in memory.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import streamlit as st

from pipeline import store

from .corpus import Corpus, load
from .filters import Filters
from .state import current_filters
from .warm import warm_in_background

_RUN = threading.local()      # the corpus app.py loaded in this script run
KEPT_GENERATIONS = 2        # the current corpus and the one before it (sessions mid-run may hold it)


PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


def page_path(name: str) -> str:
    """A page file for `st.page_link`, as an absolute path (the entrypoint's folder may differ)."""
    return str(PAGES_DIR / name)


def cache_dir() -> Path:
    """$DOSSIER_CACHE, else data/cache."""
    return Path(os.environ.get("DOSSIER_CACHE") or "data/cache")



@st.cache_resource(show_spinner="Loading the cache…", max_entries=KEPT_GENERATIONS)
def _load(generation: str, stamp: str) -> Corpus:
    corpus = load(Path(generation))
    if os.environ.get("DOSSIER_WARM", "1") != "0":
        warm_in_background(corpus)
    return corpus


def load_corpus() -> Corpus:
    """The corpus of the configured cache, pinned to one generation; raises store.CacheError."""
    generation = store.resolve(cache_dir())
    stamp = store.manifest_stamp(generation)
    if stamp is None:
        raise store.missing(cache_dir())
    return _load(str(generation), stamp)


def clear() -> None:
    """Forget loaded corpora (after a re-link)."""
    _load.clear()


def ensure_entrypoint() -> None:
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
    """The corpus and the sidebar filters, for pages (set by app.py before the page runs).

    The corpus is the one app.py loaded in this run (one generation for the whole run)."""
    ensure_entrypoint()
    corpus = getattr(_RUN, "corpus", None) or load_corpus()
    return corpus, current_filters()


def pin(corpus: Corpus) -> None:
    """Make `corpus` the one pages of this script run get (a run is one thread; nothing outlives it)."""
    _RUN.corpus = corpus


def aliases_path() -> Path:
    """The alias file the cache was built with (data/aliases.csv by default)."""
    man = store.read_manifest(cache_dir()) or {}
    path = (man.get("aliases") or {}).get("path")
    return Path(path) if path else Path("data/aliases.csv")


def read_aliases():
    """The user's alias rules as a DataFrame (empty when there is no file yet)."""
    from .curation import normalise
    return normalise(store.read_csv(aliases_path()))


def save_and_follow(df, picked: dict[str, str]) -> dict[str, str]:
    """`save_aliases`, then where the picked actors {old id: name} went: {old id: new id}.

    A merged or renamed actor keeps its old name as an alias, so the name finds its new id."""
    save_aliases(df)
    lookup = load_corpus().actor_lookup()
    return {old: lookup[name.lower()] for old, name in picked.items() if name.lower() in lookup}


def save_aliases(df) -> dict[str, int]:
    """Write the alias rules, re-derive the actor tables (no re-parse) and reload the corpus."""
    from pipeline.build import relink
    from .curation import normalise
    from .upload import readonly
    if readonly():
        raise PermissionError("this Dossier is read-only (DOSSIER_READONLY=1)")
    path = aliases_path()
    store.write_csv(path, normalise(df))
    counts = relink(cache_dir(), path)
    clear()
    return counts
