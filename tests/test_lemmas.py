"""Lemmas on demand: the pipeline skips the lemmatizer pipe and lemmatizes only the tokens the
stages ask about, with the model's own lemmatizer, so every answer equals the pipe's."""
import pytest

from pipeline.document.tokens import lemma_of

SENTENCES = [
    ("He said the talks were going well.", {"said": "say", "were": "be", "going": "go", "talks": "talk"}),
    ("Officials told reporters that Iran had warned Israel.", {"told": "tell", "warned": "warn", "had": "have"}),
    ("The ministry's statements denied it.", {"statements": "statement", "denied": "deny"}),
    ("Sales rose 5 pct, the company said on Monday.", {"rose": "rise", "Sales": "sale", "Monday": "Monday"}),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_lemmas_on_demand_equal_the_lemmatizer_pipe(nlp, text, expected):
    assert "lemmatizer" not in nlp.pipe_names and "dossier_lazy_lemmas" in nlp.pipe_names
    lazy = nlp(text)
    assert sum(t.lemma == 0 for t in lazy) > 0                  # not lemmatized up front
    full = nlp.get_pipe("lemmatizer")(nlp(text))                # the model's pipe, as spaCy runs it
    assert [lemma_of(t) for t in lazy] == [t.lemma_ for t in full]
    got = {t.text: lemma_of(t) for t in lazy}
    assert {k: got[k] for k in expected} == expected


def test_a_doc_from_elsewhere_keeps_its_lemmas(nlp):
    """A Doc that did not come through `nlp.load`'s pipeline (no lemmatizer handed over) answers
    with whatever lemma it has: nothing is guessed."""
    from spacy.tokens import Doc
    doc = Doc(nlp.vocab, words=["They", "said"])
    assert [lemma_of(t) for t in doc] == ["", ""]
