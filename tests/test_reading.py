"""The reader page: highlights from the offsets, layers switched on and off, neighbours, escaping."""
import re

import pytest

from dossier_app import reading
from dossier_app.filters import Filters
from dossier_app.reader import annotated_html
from helpers import ROOT, corpus, open_app

TEXT = "Khamenei said: <b>we will respond</b> on Monday."
SPANS = [(0, 8, "actor", "Ali Khamenei"), (15, 37, "quote", "Ali Khamenei (direct)"), (38, 47, "time", "2024-08-05")]


def body(html: str) -> str:
    return html.split('<div class="dossier-annotated">', 1)[1].rsplit("</div>", 1)[0]


@pytest.mark.parametrize("show, expected", [
    ({"actor", "quote", "time"},
     '<a id="e-1"></a><span class="actor" title="Ali Khamenei">Khamenei</span> said: <a id="q-1"></a>'
     '<span class="quote" title="Ali Khamenei (direct)">&lt;b&gt;we will respond&lt;/b&gt;</span> '
     '<span class="time" title="2024-08-05">on Monday</span>.'),
    ({"quote"}, '<a id="e-1"></a>Khamenei said: <a id="q-1"></a><span class="quote" title="Ali Khamenei (direct)">'
                '&lt;b&gt;we will respond&lt;/b&gt;</span> on Monday.'),
    (set(), '<a id="e-1"></a>Khamenei said: <a id="q-1"></a>&lt;b&gt;we will respond&lt;/b&gt; on Monday.'),
])
def test_layers(show, expected):
    assert body(annotated_html(TEXT, SPANS, show, {0: ["e-1"], 15: ["q-1"]})) == expected


def test_overlapping_layers_stay_flat():
    out = body(annotated_html("Iran and Israel", [(0, 15, "quote", "q"), (0, 4, "actor", "Iran")], {"actor", "quote"}))
    assert out == ('<span class="actor quote" title="q · Iran">Iran</span>'
                   '<span class="quote" title="q"> and Israel</span>')


def test_spans_outside_the_text_are_dropped():
    assert body(annotated_html("abc", [(2, 9, "actor", "x"), (-1, 1, "actor", "y")], {"actor"})) == "abc"


def test_neighbours_follow_the_filter_by_date():
    c = corpus()
    assert reading.neighbours(c, Filters(), "d2") == (None, "d1", 1, 3)
    prev_id, next_id, pos, total = reading.neighbours(c, Filters(), "d1")
    assert (prev_id, next_id, pos, total) == ("d2", "d3", 2, 3)     # 2023-11-05, 2024-07-31, undated


@pytest.fixture
def reader(sample_cache, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_WARM", "0")
    monkeypatch.chdir(ROOT)

    return lambda **params: open_app("reader.py", **params)


def annotated(at) -> str:
    return next(h.proto.body for h in at.get("html") if '<div class="dossier-annotated">' in h.proto.body)


def marked(html_text: str, kind: str) -> str:
    """The text inside the spans of one layer, unescaped, in order."""
    import html as html_mod
    pieces = re.findall(r'<span class="([^"]*)"[^>]*>(.*?)</span>', body(html_text), re.S)
    return "".join(html_mod.unescape(t) for classes, t in pieces if kind in classes.split())


def test_the_reader_marks_what_the_offsets_say(reader, sample_cache):
    from pipeline import store
    docs = store.read_table(sample_cache, "documents")
    quotes = store.read_table(sample_cache, "quotes")
    doc = quotes.doc_id.value_counts().index[0]
    at = reader(doc=doc)
    html = annotated(at)
    text = docs.set_index("doc_id").text[doc]
    covered = sorted({i for q in quotes[quotes.doc_id == doc].itertuples() for i in range(q.start, q.end)})
    assert marked(html, "quote") == "".join(text[i] for i in covered)          # exactly the quotes' characters
    mentions = store.read_table(sample_cache, "mentions")
    spans = sorted({i for m in mentions[mentions.doc_id == doc].itertuples() for i in range(m.start, m.end)})
    assert marked(html, "actor") == "".join(text[i] for i in spans)

    at.get("button_group")[0].set_value(["quote"]).run()           # switch actors and dates off
    html = annotated(at)
    assert marked(html, "actor") == marked(html, "time") == "" and marked(html, "quote")


def test_previous_and_next_walk_the_filtered_articles(reader):
    at = reader()
    first = at.query_params.get("doc")
    next(b for b in at.button if b.label == "Next →").click().run()
    assert not at.exception
    assert at.query_params.get("doc") not in (None, first)


@pytest.mark.parametrize("spans, expected", [
    ([(0, 4, "actor", "Iran", "GPE")], '<span class="actor t-GPE" title="Iran">Iran</span> and Israel'),
    ([(0, 4, "actor", "Iran", None)], '<span class="actor" title="Iran">Iran</span> and Israel'),
    # a type that is not a plain code never reaches the class attribute
    ([(0, 4, "actor", "Iran", 'X" onclick="a')], '<span class="actor" title="Iran">Iran</span> and Israel'),
])
def test_actors_are_underlined_in_their_type_colour(spans, expected):
    from dossier_app.palette import TYPE_COLORS
    from dossier_app.reader import LAYER_STYLE, legend_html
    assert body(annotated_html("Iran and Israel", spans, {"actor"})) == expected
    assert f".dossier-annotated .actor.t-GPE{{border-bottom-color:{TYPE_COLORS['GPE']}}}" in LAYER_STYLE
    legend = legend_html({"actor"}, {"GPE", "PERSON", "WEIRD"})
    assert legend.index("Person") < legend.index("Country, city, state") < legend.index("Other actor")


@pytest.mark.parametrize("n, doc, expected", [
    (10, "d5", [f"d{i}" for i in range(10)]),                      # few articles: all of them
    (1000, "d500", [f"d{i}" for i in range(350, 651)]),            # around the open one
    (1000, "d3", [f"d{i}" for i in range(0, 301)]),                # near the start: still 301
    (1000, "d998", [f"d{i}" for i in range(699, 1000)]),           # near the end
    (1000, "x", ["x", *[f"d{i}" for i in range(300)]]),            # outside the filter: first
])
def test_the_article_picker_stays_small(n, doc, expected):
    assert reading.article_options([f"d{i}" for i in range(n)], doc) == expected
