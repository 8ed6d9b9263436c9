"""Quote groups: the same statement in several articles, and different statements kept apart."""
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.corpus import quote_groups
from pipeline.corpus.quote_groups import candidate_pairs, group_quotes

TASNIM_A = "emphasized Tehran’s unwavering stance in supporting Palestinian resistance movements against Zionist occupiers."
TASNIM_B = "emphasized Tehran's consistent policy of supporting the Palestinian resistance forces against the Zionist occupiers"
TV_A = ("Ayatollah Khamenei applauded the unwavering determination and fortitude of the inhabitants of Gaza and voiced "
        "deep grief over the atrocities of the Zionist regime, backed directly by Washington along with certain "
        "Western countries.")
TV_B = ("Ayatollah Khamenei praised the steadfastness and resilience of the people of Gaza and expressed strong regret "
        "over the crimes of the Zionist regime, supported directly by Washington and some Western countries")
NETANYAHU = "A high price will be paid for any aggression against Israel, no matter from which side"
KHAMENEI = "The actions of the Zionist regime are culpable for this anarchy"


@pytest.mark.parametrize("a, b, same", [
    ((TASNIM_A, "s1", "Tasnim news agency"), (TASNIM_B, "s1", "Tasnim news agency"), True),
    ((TV_A, "s2", "Iran’s state-run television"), (TV_B, "s3", "Iran's state TV"), True),
    ((NETANYAHU, "s4", "Benjamin Netanyahu"), (NETANYAHU + ".", None, None), True),     # identical, speaker unknown
    ((NETANYAHU, "s4", "Benjamin Netanyahu"), (KHAMENEI, "s5", "Ali Khamenei"), False),
    ((TV_A, "s2", "Iran’s state-run television"), (KHAMENEI, "s5", "Ali Khamenei"), False),
    ((TV_A, "s6", "Hamas"), (TV_B, "s7", "Benjamin Netanyahu"), False),                # paraphrase, other speakers
])
def test_pairs(a, b, same):
    q = pd.DataFrame([{"quote_id": "q1", "doc_id": "d1", "text": a[0], "speaker_id": a[1], "speaker": a[2]},
                      {"quote_id": "q2", "doc_id": "d2", "text": b[0], "speaker_id": b[1], "speaker": b[2]}])
    g = group_quotes(q)
    assert (g.group_id.iloc[0] == g.group_id.iloc[1]) is same
    assert list(g.n_reports) == ([2, 2] if same else [1, 1])


def test_same_article_never_groups():
    q = pd.DataFrame([{"quote_id": f"q{i}", "doc_id": "d1", "text": NETANYAHU, "speaker_id": "s", "speaker": "N"}
                      for i in range(2)])
    assert list(group_quotes(q).group_id) == ["q0", "q1"]


def test_empty():
    assert group_quotes(pd.DataFrame(columns=["quote_id", "doc_id", "text", "speaker_id", "speaker"])).empty


STEMS = [{"tehra", "missi", "launc", "drone"}, {"tehra", "missi", "launc"}, {"tehra", "missi", "drone"},
         {"gaza", "truce", "talks"}, {"tehra", "missi", "launc", "drone"}]


@pytest.mark.parametrize("docs, pairs", [
    (["a", "b", "c", "d", "e"], [(0, 1), (0, 2), (0, 4), (1, 4), (2, 4)]),   # three shared stems or more
    (["a", "a", "c", "d", "a"], [(0, 2), (2, 4)]),                           # never within one article
    (["a", "b", "b", "b", "b"], [(0, 1), (0, 2), (0, 4)]),
])
def test_candidate_pairs(docs, pairs):
    assert candidate_pairs(STEMS, docs) == pairs
    assert candidate_pairs((set(s) for s in STEMS), docs) == pairs   # read once, from a generator


def test_candidate_pairs_do_not_depend_on_the_chunk_size(monkeypatch):
    docs = ["a", "b", "c", "d", "e"]
    whole = candidate_pairs(STEMS, docs)
    monkeypatch.setattr(quote_groups, "CHUNK_PAIRS", 1)       # one first quote at a time
    assert candidate_pairs(STEMS, docs) == whole


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcdefgh"), max_size=6), max_size=12),
       st.integers(1, 3), st.integers(1, 40))
def test_candidate_pairs_are_the_pairs_sharing_enough_stems(stem_sets, min_shared, chunk):
    """Against the definition, whatever the chunk size: every pair of quotes from different
    articles (quote i in article i % 3) sharing `min_shared` stems, in order."""
    docs = [str(i % 3) for i in range(len(stem_sets))]
    want = [(i, j) for i in range(len(stem_sets)) for j in range(i + 1, len(stem_sets))
            if docs[i] != docs[j] and len(stem_sets[i] & stem_sets[j]) >= min_shared]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quote_groups, "CHUNK_PAIRS", chunk)
        assert candidate_pairs(stem_sets, docs, min_shared) == want


def test_too_common_stems_propose_nothing(monkeypatch):
    monkeypatch.setattr(quote_groups, "MAX_POSTINGS", 2)
    assert candidate_pairs(STEMS, ["a", "b", "c", "d", "e"]) == []


def test_a_stem_in_exactly_max_postings_quotes_still_proposes(monkeypatch):
    stems = [{"tehra", "missi"}, {"tehra", "missi"}, {"tehra", "gaza"}]
    monkeypatch.setattr(quote_groups, "MAX_POSTINGS", 3)        # "tehra" is in 3 quotes: kept
    assert candidate_pairs(stems, ["a", "b", "c"], min_shared=2) == [(0, 1)]
    monkeypatch.setattr(quote_groups, "MAX_POSTINGS", 2)        # now too common: only "missi" counts
    assert candidate_pairs(stems, ["a", "b", "c"], min_shared=2) == []
