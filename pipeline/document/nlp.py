"""Loading the spaCy model, configurable and cached per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import MODEL_CANDIDATES, model_name  # noqa: F401 - the names callers know nlp by
from .tokens import LEMMATIZE


@Language.component("dossier_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always starts a new sentence: headlines, captions and paragraphs never merge."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("dossier_lazy_lemmas")
def lazy_lemmas(nlp: Language, name: str):
    """Stands in for the (disabled) lemmatizer: hands it to the Doc, so `tokens.lemma_of` runs it
    on the few tokens the stages ask about instead of on every token (about 8% of parse time)."""
    lemmatize = nlp.get_pipe("lemmatizer").lemmatize

    def component(doc: Doc) -> Doc:
        doc.user_data[LEMMATIZE] = lemmatize
        return doc
    return component


VERB_TABLES = ("dossier_verbs", "dossier_verb_forms")


def verb_tables(nlp: Language) -> tuple[dict, dict]:
    """Base verbs and irregular verb forms from the pipeline's own lemmatizer tables (empty when
    the model has none): the entities stage uses them to tell "Ordered" in a headline from a name."""
    try:
        lk = nlp.get_pipe("lemmatizer").lookups
        return dict.fromkeys(lk.get_table("lemma_index")["verb"], 1), dict.fromkeys(lk.get_table("lemma_exc")["verb"], 1)
    except (KeyError, ValueError, AttributeError):
        return {}, {}


def verbs_of(doc: Doc) -> tuple:
    """The verb tables of the model `doc` was parsed with (kept in its vocab's lookups)."""
    lk = doc.vocab.lookups
    if not all(lk.has_table(t) for t in VERB_TABLES):
        return frozenset(), frozenset()
    return tuple(lk.get_table(t) for t in VERB_TABLES)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline with parser, attribute_ruler and NER, plus paragraph breaks; the
    lemmatizer runs on demand (`lazy_lemmas`)."""
    nlp = spacy.load(name or model_name())
    if "dossier_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraphs", before="parser")
    for table, words in zip(VERB_TABLES, verb_tables(nlp)):
        if not nlp.vocab.lookups.has_table(table):
            nlp.vocab.lookups.add_table(table, words)
    if "lemmatizer" in nlp.pipe_names and "dossier_lazy_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("dossier_lazy_lemmas", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


TEXT_KEY = "dossier_text"


def text_of(doc: Doc) -> str:
    """doc.text, built once per Doc and kept in doc.user_data (spaCy rebuilds it on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def model_id(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, recorded in the manifest."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
