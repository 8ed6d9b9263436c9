"""Token and sentence lookups by character offset, indexed once per Doc (Token.sent and
Doc.char_span rescan the whole Doc on every call)."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from ..tokens import token_at as shared_token_at, token_starts

_INDEX_KEY = "dossier_dates_index"


def token_at(doc: Doc, off: int) -> Token | None:
    """The token containing `off` (or the next one when `off` is in whitespace); None for an empty Doc."""
    return shared_token_at(doc, _index(doc)[0], off, last_if_past=True)


def sent_bounds(doc: Doc, tok: Token) -> tuple[int, int, int, int]:
    """(first token, end token, start_char, end_char) of the sentence holding `tok`."""
    _, sent_starts, spans = _index(doc)
    k = bisect_right(sent_starts, tok.i) - 1
    end_tok = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
    return sent_starts[k], end_tok, spans[k][0], spans[k][1]


def _index(doc: Doc) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Token start offsets, sentence start token indices and sentence char spans (kept in doc.user_data)."""
    idx = doc.user_data.get(_INDEX_KEY)
    if idx is None or len(idx[0]) != len(doc):
        starts = token_starts(doc)
        sents = list(doc.sents) if len(doc) else []
        idx = (starts, [s.start for s in sents], [(s.start_char, s.end_char) for s in sents])
        doc.user_data[_INDEX_KEY] = idx
    return idx
