"""The quote browser's selection follows the quote the user picked, never a row position."""
import html
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dossier_app.selection import picked_row, table_key
from helpers import ROOT

QUOTES = "pages/quotes.py"


@pytest.fixture
def quotes_page(sample_cache, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120)
    at.run()
    at.switch_page(str(ROOT / QUOTES)).run()
    assert not at.exception
    return at


def select(at, row: int):
    """Tick row `row` of the quote table, as a click would."""
    key = at.dataframe[0].key
    at.session_state[key] = {"selection": {"rows": [row], "columns": []}}
    return at.run()


def reader_html(at) -> str:
    return "".join(h.proto.body for h in at.html)


def marked_text(at) -> str:
    """The reader's highlighted words, tags and entities removed."""
    body = reader_html(at)
    m = re.search(r"<mark[^>]*>(.*?)</mark>", body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else ""


def test_selected_quote_opens_in_the_reader(quotes_page):
    at = quotes_page
    table = at.dataframe[0].value
    row = int(table.index[table.speaker.eq("Abolfazl Shekarchi")][0])
    at = select(at, row)
    assert not at.exception
    assert marked_text(at) == table.quote[row]


def test_narrowing_past_the_selected_row_does_not_crash(quotes_page):
    at = quotes_page
    last = len(at.dataframe[0].value) - 1
    at = select(at, last)
    at.text_input[0].input("Netanyahu").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe[0].value) <= last
    assert "<mark" not in reader_html(at)


def test_filtering_never_shows_an_unpicked_quote(quotes_page):
    at = quotes_page
    table = at.dataframe[0].value
    row = int(table.index[table.speaker.eq("Abolfazl Shekarchi")][0])
    at = select(at, row)
    speaker = at.main.multiselect[0]
    khamenei = [a for a in speaker.options if "Khamenei" in a][0]
    speaker.select(khamenei).run()
    assert not at.exception
    narrowed = at.dataframe[0].value
    assert set(narrowed.speaker) == {"Ali Khamenei"}
    assert "<mark" not in reader_html(at), "the reader shows a quote the user never picked"


@pytest.mark.parametrize("rows, expected", [
    ([], None), (None, None), ([5], None), ([-1], None), ([1], "b"), ([0, 1], "a"), ([9, 1], "b"),
])
def test_picked_row(rows, expected):
    t = pd.DataFrame({"quote_id": ["a", "b"]})
    got = picked_row(t, rows)
    assert (got.quote_id if got is not None else None) == expected


def test_table_key_changes_with_rows_only():
    assert table_key("q", ["a", "b"]) == table_key("q", ["a", "b"])
    assert table_key("q", ["a", "b"]) != table_key("q", ["a"])
    assert table_key("q", ["a", "b"]) != table_key("q", ["b", "a"])
    assert table_key("q", ["ab"]) != table_key("q", ["a", "b"])
