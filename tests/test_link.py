"""Linking quote speakers to actors when the attribution hangs on no actor mention (defect 15)."""
import pandas as pd
import pytest

from pipeline.corpus.link import ActorNames, speaker_keys

ACTORS = pd.DataFrame({"actor_id": ["tas", "fm", "kh", "fm2"],
                       "name": ["Tasnim", "Foreign Ministry", "Ali Khamenei", "Foreign Ministry of Iraq"],
                       "aliases": [[], [], ["Khamenei"], []]})
MENTIONS = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "actor_id": ["fm", "kh", "kh"],
                         "text": ["Foreign Ministry", "Khamenei", "Ayatollah Khamenei"]})


@pytest.mark.parametrize("raw, keys", [
    ("Tasnim news agency", ["tasnim news agency", "tasnim"]),
    ("the Foreign Ministry", ["foreign ministry"]),
    ("Iran’s state TV", ["iran's state tv", "iran's state"]),
    ("agency", ["agency"]),                                   # never strip a name down to nothing
])
def test_speaker_keys(raw, keys):
    assert speaker_keys(raw) == keys


@pytest.mark.parametrize("doc, raw, actor", [
    ("d1", "foreign ministry", "fm"),            # an actor of the same article, whatever the case
    ("d2", "foreign ministry", None),            # a common noun never links outside its article
    ("d2", "Tasnim news agency", "tas"),         # a proper name unique in the corpus links anywhere
    ("d2", "Khamenei", "kh"),
    ("d2", "sources", None),
    ("d2", "Iran's state TV", None),             # no such actor
])
def test_speaker_by_name(doc, raw, actor):
    assert ActorNames(MENTIONS, ACTORS).speaker(doc, raw) == actor


def test_actor_names_keep_each_article_apart_in_any_order():
    """One article's names are kept at a time: going back to an article gives its own names again."""
    names = ActorNames(MENTIONS, ACTORS)
    asked = [("d1", "foreign ministry"), ("d2", "foreign ministry"), ("d1", "foreign ministry"),
             ("d3", "khamenei"), ("d2", "khamenei")]
    assert [names.speaker(d, raw) for d, raw in asked] == ["fm", None, "fm", None, "kh"]


def test_actor_names_gather_an_article_whose_mentions_are_apart():
    """Mentions of one article need not be adjacent: the first one in table order still wins."""
    m = pd.DataFrame({"doc_id": ["d1", "d2", "d1"], "actor_id": ["fm", "kh", "fm2"],
                      "text": ["Foreign Ministry", "Khamenei", "Foreign Ministry"]})
    names = ActorNames(m, ACTORS)
    assert names.of_doc("d1")["foreign ministry"] == "fm" and names.speaker("d1", "Foreign Ministry of Iraq") == "fm2"
    assert names.of_doc("d2") == {"khamenei": "kh", "ali khamenei": "kh"}


def test_actor_names_with_a_mention_of_no_article_first():
    """A mention without a doc_id (first in the table) never shifts the other articles' names."""
    m = pd.DataFrame({"doc_id": [None, "d1", "d2"], "actor_id": ["fm", "kh", "fm"],
                      "text": ["Foreign Ministry", "Khamenei", "Foreign Ministry"]})
    names = ActorNames(m, ACTORS)
    assert names.speaker("d1", "khamenei") == "kh" and names.speaker("d1", "foreign ministry") is None
    assert names.speaker("d2", "foreign ministry") == "fm"
