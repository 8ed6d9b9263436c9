"""Warm a freshly loaded corpus: compute what the pages show with no filters set, in the
background, so the first visitor of each page after a build does not wait for it. Pure, no
streamlit; every result goes to the corpus's shared memo (`query.memo`).
"""
from __future__ import annotations

import logging
import threading

from . import network, query, timeline
from .corpus import Corpus
from .filters import Filters

log = logging.getLogger(__name__)


def warm(c: Corpus) -> None:
    """Compute the default views of every page (errors are logged, never raised)."""
    f = Filters()
    steps = [lambda: query.overview(c), lambda: query.documents_table(c), lambda: query.date_coverage(c),
             lambda: timeline.plot(c, f), lambda: query.quote_rows(c), lambda: query.actor_table(c),
             lambda: network.base_graph(c, f, 100, "sentence", True)]
    for step in steps:
        try:
            step()
        except Exception:        # a warm-up must never take the app down; the page will compute it
            log.exception("warming the corpus failed")
            return


def warm_in_background(c: Corpus) -> threading.Thread:
    """Start `warm(c)` in a daemon thread and return it."""
    t = threading.Thread(target=warm, args=(c,), name="dossier-warm", daemon=True)
    t.start()
    return t
