"""Finding the spaCy token at a character offset: one helper for the quote and date stages."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token


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
