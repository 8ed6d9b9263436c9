"""Linking quote speakers to actors when the attribution hangs on no actor mention (defect 15)."""
import pandas as pd
import pytest

from pipeline.corpus.link import names_by_doc, speaker_by_name, speaker_keys

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
    assert speaker_by_name(doc, raw, names_by_doc(MENTIONS, ACTORS)) == actor
