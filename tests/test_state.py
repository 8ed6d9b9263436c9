"""Session state and what the URL holds: network settings from a link, curation undo, checked rules."""
import pandas as pd
import pytest

from dossier_app import curation
from dossier_app.query import quoted_words
from helpers import ROOT, open_app
from pipeline import store


@pytest.fixture
def env(sample_cache, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_WARM", "0")
    monkeypatch.chdir(ROOT)


def slider(at, label):
    return next(s for s in at.slider if s.label == label)


@pytest.mark.parametrize("params, top, weight, unit", [
    ({"top": "50", "weight": "3", "unit": "article"}, 50, 3, "article"),
    ({"top": "9999", "weight": "-2", "unit": "<script>"}, 100, None, "sentence"),     # ignored: defaults
])
def test_a_link_sets_the_network(env, params, top, weight, unit):
    at = open_app("network.py", **params)
    assert slider(at, "Actors shown").value == top
    assert at.radio[0].value == unit
    if weight is not None:
        assert slider(at, "Minimum edge weight").value == weight
    assert at.query_params["top"] == str(top) and at.query_params["unit"] == unit


@pytest.mark.parametrize("text, kind, words", [
    ('that Iran would ensure that "the terrorist occupiers regretted their cowardly act"', "partial",
     "the terrorist occupiers regretted their cowardly act"),
    ("of a “serious escalation” and a “war”", "partial", "serious escalation … war"),
    ("with no marks at all", "partial", "with no marks at all"),
    ("Revenge was Iran's duty", "indirect", "Revenge was Iran's duty"),        # a paraphrase stays whole
    ("We will respond.", "direct", "We will respond."),
])
def test_a_partial_quote_shows_only_the_quoted_words(text, kind, words):
    assert quoted_words(text, kind) == words


@pytest.mark.parametrize("rows, error", [
    ([{"alias": "Tasnim news agency", "canonical": "Tasnim", "type": "org", "hidden": False}], None),
    ([{"alias": "X", "canonical": "", "type": "", "hidden": False}], "row 1: a rule needs both an alias and a canonical name"),
    ([{"alias": "X", "canonical": "Y", "type": "SPACESHIP", "hidden": False}],
     "row 1: type 'SPACESHIP' is not one of PERSON, ORG, GPE, NORP, LOC, FAC, EVENT"),
])
def test_the_rules_editor_checks_its_rows(rows, error):
    if error:
        with pytest.raises(ValueError) as e:
            curation.from_editor(pd.DataFrame(rows))
        assert str(e.value) == error
    else:
        out = curation.from_editor(pd.DataFrame(rows))
        assert out.to_dict("records") == [{"alias": "Tasnim news agency", "canonical": "Tasnim", "type": "ORG",
                                           "hidden": ""}]


def test_hidden_is_a_tick_box_both_ways():
    rules = pd.DataFrame([{"alias": "A", "canonical": "A", "type": "", "hidden": "true"}])
    shown = curation.for_editor(rules)
    assert shown.hidden.tolist() == [True]
    assert curation.from_editor(shown).hidden.tolist() == ["true"]


def test_undo_takes_back_the_last_curation(curated_app):
    at, cache, _ = curated_app
    before = set(store.read_table(cache, "actors").name)
    at.multiselect(key="hide_names").set_value(["Iran"])
    next(b for b in at.button if b.label == "Hide").click().run()
    assert "Iran" not in set(store.read_table(cache, "actors").name)
    undo = next(b for b in at.button if b.label.startswith("Undo"))
    assert undo.label == "Undo: Hid 1 actor."
    undo.click().run()
    assert not at.exception
    assert set(store.read_table(cache, "actors").name) == before
    assert not [b for b in at.button if b.label.startswith("Undo")]
    assert "Undone: Hid 1 actor." in at.success[0].value.replace("\\", "")


def test_the_multipage_workaround_still_finds_what_it_relies_on():
    """data.ensure_entrypoint flips PagesManager.uses_pages_directory: if Streamlit renames or
    drops it, pages opened first in a fresh server would run without the sidebar. Fail loudly."""
    from streamlit.runtime.pages_manager import PagesManager
    assert isinstance(PagesManager.uses_pages_directory, (bool, type(None)))


def test_from_a_network_actor_to_the_articles_mentioning_it(env, sample_cache):
    actors = store.read_table(sample_cache, "actors")
    kh = actors.actor_id[actors.name == "Ali Khamenei"].item()
    at = open_app("network.py")
    next(s for s in at.selectbox if s.label.startswith("Focus on an actor")).set_value(kh).run()
    next(b for b in at.button if b.label == "Read the articles mentioning Ali Khamenei").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # the filter is set and the page asked for the Reader (AppTest does not follow st.switch_page;
    # in a browser the Reader opens on Khamenei's articles)
    assert at.multiselect(key="f_actors").value == [kh]
    assert "go_reader" not in at.session_state


def test_the_quotes_csv_holds_exactly_the_filtered_rows(env, sample_cache):
    """What the Quotes page's CSV button writes: the rows of the table under the same filters."""
    import io
    from dossier_app import query
    from dossier_app.corpus import load
    from dossier_app.filters import Filters
    at = open_app("quotes.py", actor="Ali Khamenei")
    shown = at.dataframe[0].value
    corpus = load(store.resolve(sample_cache))
    kh = corpus.actor_lookup()["ali khamenei"]
    table = query.quote_table(corpus, Filters(actors=(kh,)))
    csv = pd.read_csv(io.BytesIO(query.quotes_csv(table)), keep_default_na=False)
    assert len(csv) == len(shown) == len(table) > 0
    assert list(csv.quote) == list(shown.quote) and list(csv.speaker) == list(shown.speaker)
    assert list(csv.columns) == ["date", "speaker", "quote", "context", "kind", "outlet", "article", "reports"]
