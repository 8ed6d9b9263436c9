"""Token helpers for the quote, date and entity stages: the token at a character offset, and
lemmas computed on demand."""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

_STARTS = "dossier_token_starts"     # doc.user_data: the tokens' character offsets


def token_at(doc: Doc, starts: list[int], off: int, last_if_past: bool) -> Token | None:
    """The token containing `off`, else the next one (`off` in whitespace); the first token before
    the text. Past the last token: that token when `last_if_past`, else None. `starts` are the
    tokens' character offsets (`t.idx`), computed once per Doc by the caller."""
    if not starts:
        return None
    i = bisect_right(starts, off) - 1
    if i < 0:
        return doc[0]
    tok = doc[i]
    if off >= tok.idx + len(tok.text):
        if i + 1 < len(doc):
            return doc[i + 1]
        return tok if last_if_past else None
    return tok


def token_starts(doc: Doc) -> list[int]:
    """The tokens' character offsets (`t.idx`, in order), read once per Doc in C and kept in
    doc.user_data for every stage."""
    got = doc.user_data.get(_STARTS)
    if got is None or len(got) != len(doc):
        got = doc.to_array(IDX).tolist() if len(doc) else []
        doc.user_data[_STARTS] = got
    return got


LEMMATIZE = "dossier_lemmatize"      # doc.user_data: the pipeline's lemmatizer, run per token on demand


def lemma_of(t: Token) -> str:
    """The token's lemma. The pipeline lemmatizes lazily (`nlp.load`): only the few tokens the
    stages ask about, with the model's own lemmatizer, exactly as its pipe would have."""
    if t.lemma == 0:
        lemmatize = t.doc.user_data.get(LEMMATIZE)
        if lemmatize is not None:
            t.lemma_ = lemmatize(t)[0]
    return t.lemma_
