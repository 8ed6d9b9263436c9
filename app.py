"""Dossier: the Streamlit entrypoint. Page config, the shared sidebar filters, URL sync, navigation.

Run with `make run`, or `DOSSIER_CACHE=/path/to/cache streamlit run app.py`.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from dossier_app import data, pack, pickers, render, state, upload
from dossier_app.text import md
from dossier_app.filters import KEYS, Filters, to_params
from pipeline.store import CacheError

HERE = Path(__file__).resolve().parent
ICON = HERE / "docs" / "favicon.png"

st.set_page_config(page_title="Dossier", page_icon=str(ICON) if ICON.exists() else None, layout="wide")

PAGES = [
    st.Page(str(HERE / "pages" / "overview.py"), title="Overview", url_path="home", default=True),  # served at "/"
    st.Page(str(HERE / "pages" / "timeline.py"), title="Timeline", url_path="timeline"),
    st.Page(str(HERE / "pages" / "network.py"), title="Network", url_path="network"),
    st.Page(str(HERE / "pages" / "quotes.py"), title="Quotes", url_path="quotes"),
    st.Page(str(HERE / "pages" / "actors.py"), title="Actors", url_path="actors"),
    st.Page(str(HERE / "pages" / "reader.py"), title="Reader", url_path="reader"),
]
def _overview_alias() -> None:
    """`/overview` opens the Overview (served at "/"), keeping the link's filters."""
    st.switch_page(PAGES[0], query_params={k: st.query_params.get_all(k) for k in st.query_params})


PAGES.append(st.Page(_overview_alias, title="Overview", url_path="overview", visibility="hidden"))
UPLOAD = st.Page(str(HERE / "pages" / "upload.py"), title="Add articles", url_path="upload",
                 icon=":material/upload_file:")
if not upload.readonly():            # DOSSIER_READONLY=1: a shared deployment, no upload
    PAGES.append(UPLOAD)


def load():
    try:
        return data.load_corpus()
    except CacheError as e:
        st.title("Dossier")
        st.error(f"No usable cache. {md(e)}")
        st.markdown("Build one with `make run` (sample articles) or "
                    "`python -m pipeline build YOUR_FOLDER --out data/cache`, then reload this page"
                    + ("." if upload.readonly() else ", or add articles below."))
        if not upload.readonly():
            st.navigation([UPLOAD]).run()
        st.stop()


def typed_actors(corpus) -> None:
    """The actor box accepts any typed name or alias: turn what was typed into actor ids."""
    ids, unknown = pickers.resolve(state.remembered(state.ACTORS), corpus.names, corpus.actor_lookup(),
                                   corpus.ranked_ids, corpus.names)
    state.set_actor_filter(ids)
    if unknown:
        st.toast(f"No actor called {md(', '.join(unknown))}", icon=":material/search_off:")


def sidebar(corpus) -> Filters:
    """The shared filters; their values persist across pages."""
    names = corpus.names
    state.keep_known_actors(names)
    with st.sidebar:
        st.markdown("### Filters")
        st.multiselect("Actors", pickers.options(corpus.ranked_ids, state.remembered(state.ACTORS)), key=state.ACTORS,
                       format_func=lambda a: names.get(a, a), placeholder="All actors · type any name",
                       accept_new_options=True, select_all=False, on_change=typed_actors, args=(corpus,),
                       help=f"Show only what involves these actors. The list offers the "
                            f"{pickers.TOP_OPTIONS} most mentioned; type any other name or alias and press Enter.")
        lo, hi = corpus.date_bounds()
        start = end = None
        if lo:
            picked = st.date_input("Date range", key=state.DATES, min_value=lo, max_value=hi, format="YYYY-MM-DD",
                                   help="The months the articles were published in.")
            picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
            start = picked[0] if picked and picked[0] != lo else None
            end = picked[1] if len(picked) > 1 and picked[1] != hi else None
        else:
            st.caption("No dated articles: the date filter is off.")
        st.multiselect("Actor types", corpus.type_names, key=state.TYPES, placeholder="All types")
        if st.button("Reset filters", width="stretch"):
            state.reset_filters()
            st.rerun()
    view = Filters(tuple(state.remembered(state.ACTORS)), start, end, tuple(state.remembered(state.TYPES)))
    with st.sidebar:
        url = urlsplit(st.context.url or "http://localhost:8501")
        base = f"{url.scheme}://{url.netloc}"
        st.download_button("Briefing pack", data=lambda: briefing(corpus, view, base), on_click="ignore",
                           file_name=pack.file_name(view, names), mime="text/html", width="stretch",
                           icon=":material/summarize:",
                           help="One HTML file of this view, readable offline and printable: the filters, "
                                "timeline and network images, top quotes, key dated events and sources.")
    return view


def briefing(corpus, filters: Filters, app_url: str) -> bytes:
    """The briefing pack of the current view (runs when the button is clicked, off the script thread)."""
    return pack.build(corpus, filters, app_url, render.svg).html.encode("utf-8")


CLEAN_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stSlider"], [data-testid="stSelectbox"],
[data-testid="stMultiSelect"], [data-testid="stButton"], [data-testid="stDownloadButton"],
[data-testid="stCheckbox"], [data-testid="stRadio"], [data-testid="stTextInput"], [data-testid="stDateInput"],
[data-testid="stButtonGroup"], [data-testid="stPageLink"], [data-testid="stLinkButton"],
[data-testid="stFileUploader"], [data-testid="stElementToolbar"], .modebar-container {display: none !important}
[data-testid="stMainBlockContainer"] {padding-top: 1.5rem !important}
</style>"""


def clean_view() -> None:
    """`?view=clean`: charts, tables and text only, for screenshots (no sidebar, toolbar or widgets)."""
    if state.clean_view():
        st.html(CLEAN_CSS)


def sync_url(f: Filters, names: dict[str, str]) -> None:
    """Write our own keys to the URL (and only ours), so a URL reproduces the view."""
    want = to_params(f, names)
    for k in KEYS:
        if k not in want:
            if k in st.query_params:
                del st.query_params[k]
        elif st.query_params.get_all(k) != (want[k] if isinstance(want[k], list) else [want[k]]):
            st.query_params[k] = want[k]


corpus = load()
data.pin(corpus)
state.initial_filters(corpus)
if notes := state.url_notes():
    st.toast("The link asked for what this corpus does not have, so it was left out: " + md("; ".join(notes)) + ".",
             icon=":material/link_off:", duration="long")
filters = sidebar(corpus)
state.publish_filters(filters)
clean_view()
nav = st.navigation(PAGES)
sync_url(filters, corpus.names)
with st.sidebar:
    st.caption(f"{len(corpus.documents)} articles · {len(corpus.actors)} actors · cache {md(data.cache_dir())}")
nav.run()
