"""Defects a reader of the pages saw (issue 11), each with an example that failed before its fix."""
import json
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dossier_app import charts, query, timeline
from dossier_app.filters import Filters, export_name
from helpers import ROOT, corpus, open_app

D = date


@pytest.mark.parametrize("d0, d1, granularity, label", [
    (D(2024, 7, 31), D(2024, 7, 31), "day", "2024-07-31"),
    (D(2023, 10, 1), D(2023, 10, 31), "month", "October 2023"),       # not "2023-10-01", an exact-looking day
    (D(2023, 1, 1), D(2023, 12, 31), "year", "2023"),
    (D(2024, 7, 29), D(2024, 8, 4), "week", "week of 2024-07-29"),
    (D(2024, 7, 1), D(2024, 7, 15), "range", "2024-07-01 – 2024-07-15"),
    (D(2024, 7, 1), None, "range", "2024-07-01"),
])
def test_dates_say_how_precise_they_are(d0, d1, granularity, label):
    assert timeline.when_label(d0, d1, granularity) == label


def test_selected_statements_are_in_date_order():
    c = corpus()
    plot = timeline.plot_data(c, Filters(), top_n=5, periods=("week", "month", "range", "year"))
    marks = list(plot.marks.index)
    sel, _ = timeline.selected_statements(c, plot, marks)
    assert list(sel.date) == sorted(sel.date)
    assert list(sel.event_id) == ["e4", "e3", "e1", "e2"]           # e5 (1600) is off the axis


@pytest.mark.parametrize("outlet", [None, np.nan, pd.NA, ""])
def test_a_missing_outlet_is_named_in_the_hover(outlet):
    text = charts._hover("Hamas", "2024-07-31", 1, 1, [("A sentence.", "Title", outlet)], "explicit")
    assert "— unknown outlet" in text and "nan" not in text.lower()


@pytest.mark.parametrize("what, f, name", [
    ("timeline", Filters(), "dossier-timeline"),
    ("timeline", Filters(("k",), D(2023, 10, 1), D(2024, 7, 31)), "dossier-timeline-ali-khamenei-2023-10-01_2024-07-31"),
    ("quotes", Filters(types=("PERSON",)), "dossier-quotes-person"),
])
def test_exports_are_named_after_the_view(what, f, name):
    assert export_name(what, f, {"k": "Ali Khamenei"}) == name


def test_the_coverage_export_is_named_after_the_corpus(sample_cache, monkeypatch):
    """The Overview's chart is of the whole corpus: its PNG says which corpus and which build."""
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_WARM", "0")
    monkeypatch.chdir(ROOT)
    at = open_app("overview.py")
    chart = json.loads(at.get("bidi_component")[0].proto.json)        # dossier_app.plotchart's data
    spec, config = chart["figure"], chart["config"]
    assert "Articles by month" in spec["layout"]["title"]["text"]
    assert re.fullmatch(r"dossier-coverage-sample-built-\d{4}-\d{2}-\d{2}", config["toImageButtonOptions"]["filename"])


@pytest.mark.parametrize("f, hidden", [
    (Filters(), 0),
    (Filters(start=D(2023, 1, 1)), 1),                  # q3's article has no date
    (Filters(actors=("k",), start=D(2023, 1, 1)), 0),   # q3 is neither by nor about Khamenei
])
def test_undated_quotes_hidden_by_a_date_filter_are_counted(f, hidden):
    assert query.undated_hidden(corpus(), f) == hidden


@pytest.fixture
def app(sample_cache, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_WARM", "0")
    monkeypatch.chdir(ROOT)
    return open_app


def slider(at, label):
    return next(s for s in at.slider if s.label == label)


def test_network_keeps_the_users_minimum_weight(app):
    at = app("network.py")
    slider(at, "Minimum edge weight").set_value(3).run()
    slider(at, "Actors shown").set_value(50).run()
    at.radio[0].set_value("article").run()
    assert not at.exception
    assert slider(at, "Minimum edge weight").value == 3


def test_network_says_when_no_link_is_left(app):
    at = app("network.py")
    slider(at, "Minimum edge weight").set_value(50).run()
    assert [i.value.split(" (")[0] for i in at.info] == ["No links weigh 50 or more under these filters"]


def test_quote_dates_read_undated_not_none(app):
    at = app("quotes.py", start="2024-01-01")
    dates = list(at.dataframe[0].value["date"])
    assert "None" not in dates and all(d == "undated" or d.startswith("20") for d in dates)
    assert "from undated articles hidden by the date filter" in at.caption[0].value


@pytest.mark.parametrize("text, start, end, expected", [
    ("One. Iran and Israel met. Three.", 5, 9, "Iran and Israel met."),
    ("No end here Iran", 12, 16, "No end here Iran"),
    ("Line one\nIran said so.\nNext", 9, 13, "Iran said so."),
])
def test_sentence_around(text, start, end, expected):
    from dossier_app.evidence import sentence_around
    s, e = sentence_around(text, start, end)
    assert text[s:e] == expected


def test_every_link_shows_as_many_pieces_of_evidence_as_its_weight(app):
    at = app("network.py")
    box = at.selectbox(key="net_edge")
    for option in list(box.options)[:6]:
        box.set_value(option).run()
        assert not at.exception
        caption = next(c.value for c in at.caption if c.value.endswith(".") and ("sentences" in c.value or "quotes" in c.value))
        weight = int(option.rsplit("weight ", 1)[1])
        assert caption.split(" ")[0].replace(",", "") == str(weight), (option, caption)
        box = at.selectbox(key="net_edge")


@pytest.mark.parametrize("title, lead, path, label", [
    ("Iran warns", "Tehran, 5 November: text", "in/a.txt", "Iran warns"),
    (None, "Tehran, 5 November 2023 (WAI): Iranian supreme leader Ayatollah Ali Khamenei met", "in/004_029b.txt",
     "Tehran, 5 November 2023 (WAI): Iranian supreme leader Ayatollah Ali…"),
    ("", "Short lead.", "in/b.txt", "Short lead."),
    (None, None, "in/c.txt#2", "c.txt #2"),                          # no text to name it by: the file
])
def test_untitled_articles_are_named_by_their_first_words(title, lead, path, label):
    from dossier_app.corpus import doc_label
    docs = pd.DataFrame({"title": [title], "lead": [lead], "path": [path]})
    assert doc_label(docs).tolist() == [label]


def test_overview_dates_and_outlets_are_never_none(sample_cache):
    from dossier_app.corpus import load
    from pipeline import store
    table = query.documents_table(load(store.resolve(sample_cache)))
    assert "None" not in set(table.published.astype(str)) | set(table.outlet.astype(str))
    assert (table.published == "undated").sum() == 2
    assert not table.title.str.endswith(".txt").any()                 # no article named by its file hash


@pytest.mark.parametrize("text, key", [
    ("Iran's state TV", "~iran's state tv"),
    ("Iran\u2019s state-run television", "~iran's state tv"),
    ("the Foreign Ministry", "~foreign ministry"),
    ("Ministry of Foreign Affairs", "~foreign ministry"),
    ("a spokesman", "~spokesperson"),
    ("Iran's religious leadership", "~iran's religious leadership"),     # no synonym: kept as written
    ("statement", "~statement"),                                         # "state" inside a word is no match
    ("", None), (None, None),
])
def test_unlinked_speakers_fold_their_spellings(text, key):
    from dossier_app.speakers import speaker_key
    assert speaker_key(text) == key


@pytest.mark.parametrize("speakers, keys, labels", [
    # the most frequent spelling names the option; a linked speaker keeps its actor id
    ([(None, "Foreign Ministry"), (None, "the foreign ministry"), (None, "Foreign Ministry"), ("A1", "Reuters")],
     ["~foreign ministry", "~foreign ministry", "~foreign ministry", "A1"], {"~foreign ministry": "Foreign Ministry"}),
    # equally frequent spellings: the first seen
    ([(None, "state TV"), (None, "State television")], ["~state tv", "~state tv"], {"~state tv": "state TV"}),
    ([(None, "State television"), (None, "state TV")], ["~state tv", "~state tv"], {"~state tv": "State television"}),
    # no speaker, or only blanks: no key, no label
    ([(None, None), (None, "  "), ("A2", None)], [None, None, "A2"], {}),
])
def test_speaker_keys_and_their_labels(speakers, keys, labels):
    from dossier_app.speakers import speaker_keys
    quotes = pd.DataFrame(speakers, columns=["speaker_id", "speaker"])
    out, got = speaker_keys(quotes)
    assert out.tolist() == keys and got == labels


def test_the_speaker_filter_reaches_every_attributed_quote(sample_cache):
    """Defect 15: a speaker that is no actor ("foreign ministry", "Iran's state TV") is still a
    Speaker option, and the two spellings of Iranian state television are one."""
    from dossier_app.corpus import load
    from dossier_app.speakers import label
    from pipeline import store
    c = load(store.resolve(sample_cache))
    counts = query.speaker_counts(c, Filters())
    assert counts.sum() == c.quotes.speaker.notna().sum()
    assert counts["~iran's state tv"] == 2 and counts["~foreign ministry"] == 3
    rows = query.quote_table(c, Filters(), speakers=["~iran's state tv"])
    assert sorted(rows.speaker) == ["Iran's state TV", "Iran\u2019s state-run television"]
    assert label("~foreign ministry", c.names, c.speaker_labels) == "foreign ministry (no actor)"
    tasnim = c.actors.actor_id[c.actors.name == "Tasnim"].item()
    assert label(tasnim, c.names, c.speaker_labels) == "Tasnim"


@pytest.mark.parametrize("counts, dtick", [([2, 1], 1), ([5], 1), ([9780, 4400, 300], None)])
def test_coverage_ticks_are_whole_round_numbers(counts, dtick):
    """Seen at 19k: ticks of 1,956, 3,912… (a fifth of the top bar). Small counts step by one
    article; big ones take plotly's round steps."""
    cov = pd.DataFrame({"month": pd.date_range("1987-02-01", periods=len(counts), freq="MS"), "articles": counts})
    fig = charts.coverage_figure(cov, "src")
    assert fig.layout.yaxis.dtick == dtick and fig.layout.yaxis.tickformat == ",d"
