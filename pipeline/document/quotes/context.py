"""Per-document lookups the attribution rules share: tokens by offset, lines, mentions, quoted spans."""
from __future__ import annotations

import bisect
from typing import Callable

from spacy.tokens import Doc, Token

from .marks import line_spans
from ..tokens import lemma_of, token_at, token_starts


class Ctx:
    """One parsed article: tokens by offset, lines, mentions, quoted spans (built per call)."""

    def __init__(self, doc: Doc, mentions: list[dict], skip: Callable[[int], bool]):
        self.doc, self.text, self.skip = doc, doc.text, skip
        self.tok_starts = token_starts(doc)
        self.lines = line_spans(self.text)
        self.line_starts = [s for s, _ in self.lines]
        self.mentions = sorted((m for m in mentions if m.get("end", 0) > m.get("start", 0)),
                               key=lambda m: (m["start"], -m["end"]))
        self.m_starts = [m["start"] for m in self.mentions]
        self.set_quoted([])

    def tok_at(self, off: int) -> Token | None:
        """Token containing offset `off`, else the next token; None past the end."""
        return token_at(self.doc, self.tok_starts, off, last_if_past=False)

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start in [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    def line(self, off: int) -> tuple[int, int]:
        """(start, end) of the line holding `off`."""
        i = max(0, bisect.bisect_right(self.line_starts, off) - 1)
        return self.lines[i]

    def prev_line(self, off: int) -> tuple[int, int] | None:
        """The previous non-blank line before the line holding `off`."""
        i = max(0, bisect.bisect_right(self.line_starts, off) - 1) - 1
        while i >= 0:
            s, e = self.lines[i]
            if self.text[s:e].strip():
                return s, e
            i -= 1
        return None

    def mention_over(self, start: int, end: int) -> dict | None:
        """The mention overlapping [start, end) the most."""
        i = bisect.bisect_right(self.m_starts, end)
        best, best_ov = None, 0
        for m in self.mentions[max(0, i - 12):i]:
            ov = min(end, m["end"]) - max(start, m["start"])
            if ov > best_ov:
                best, best_ov = m, ov
        return best

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Record the content spans of the quotes (for `in_quote`)."""
        self.quoted = sorted(spans)
        self._q_starts = [s for s, _ in self.quoted]
        self._q_maxend = []
        top = -1
        for _, e in self.quoted:
            top = max(top, e)
            self._q_maxend.append(top)

    def in_quote(self, off: int) -> bool:
        """Offset inside the content of a quoted span (O(log n))."""
        i = bisect.bisect_right(self._q_starts, off) - 1
        return i >= 0 and self._q_maxend[i] > off


def tok_end(t: Token) -> int:
    """End offset of a token."""
    return t.idx + len(t.text)


def lemma(t: Token) -> str:
    """Lower-cased lemma."""
    return lemma_of(t).lower()
