"""AppTest on every page, without and with filters (from the URL, as a user would share it)."""
import re

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT

TITLES = {"pages/overview.py": "Overview", "pages/timeline.py": "Timeline", "pages/network.py": "Actor network",
          "pages/quotes.py": "Quotes", "pages/actors.py": "Actors"}  # each page's st.title
PAGES = list(TITLES)


@pytest.fixture
def app(sample_cache, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.chdir(ROOT)

    def make(**params):
        at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        return at
    return make


def run_page(at, page):
    at.run()
    if page != PAGES[0]:
        at.switch_page(str(ROOT / page))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_without_filters(app, page):
    at = run_page(app(), page)
    assert at.title[0].value == TITLES[page]  # the switch reached this page, not the default one


@pytest.mark.parametrize("page", PAGES)
def test_page_with_filters_from_url(app, page):
    at = run_page(app(actor="Ali Khamenei", start="2023-11-06", end="2024-07-01"), page)
    assert at.title[0].value == TITLES[page]
    names = at.sidebar.multiselect[0].format_func
    assert [names(a) for a in at.sidebar.multiselect[0].value] == ["Ali Khamenei"]
    assert at.query_params["actor"] in ("Ali Khamenei", ["Ali Khamenei"])
    assert at.query_params["start"] in ("2023-11-06", ["2023-11-06"])
    assert at.query_params["end"] in ("2024-07-01", ["2024-07-01"])


@pytest.mark.parametrize("params", [
    {"actor": "<script>alert(1)</script>"}, {"start": "not-a-date"}, {"types": "BOGUS"},
    {"start": "2030-01-01", "end": "2020-01-01"},
])
def test_hostile_url_values_fall_back(app, params):
    at = run_page(app(**params), PAGES[1])
    assert at.sidebar.multiselect[0].value == []
    assert "actor" not in at.query_params and "types" not in at.query_params


def test_missing_cache_explains_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "nothing"))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=60).run()
    assert not at.exception
    assert "No usable cache" in at.error[0].value and "manifest\\.json missing" in at.error[0].value


def test_overview_lists_undated_articles(app):
    at = run_page(app(), PAGES[0])
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Undated articles (") for h in headers)
    assert "Build errors (0)" in headers


def test_quotes_search_filters_the_table(app):
    at = run_page(app(), PAGES[3])
    total = len(at.dataframe[0].value)
    at.text_input[0].input("harsh punishment").run()
    df = at.dataframe[0].value
    assert 0 < len(df) < total
    assert df.quote.str.contains("harsh punishment").all()


def test_a_link_with_unknown_values_says_what_it_left_out(app):
    at = app(actor="NoSuchPerson", start="garbage")
    at.run()
    assert not at.exception
    shown = [re.sub(r"\\(.)", r"\1", t.value) for t in at.toast]      # as Markdown renders it
    assert shown == [
        "The link asked for what this corpus does not have, so it was left out: no actor called "
        "'NoSuchPerson'; start 'garbage' is not a date (YYYY-MM-DD)."]
    at.run()
    assert not at.toast                                   # said once, not on every rerun
