"""Quotation marks: pair them into quoted spans (`find_marked`), and tell titles and nicknames apart.

Offsets are half-open Python string indices into the text; the scan never changes the text length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import resources as R

OPEN_D = "\u201c\u00ab\u201e"          # “ « „
CLOSE_D = "\u201d\u00bb"               # ” »
STRAIGHT_D = '"'
OPEN_S = "\u2018'"                     # ‘ '
CLOSE_S = "\u2019'"                    # ’ '
MARKS = frozenset(OPEN_D + CLOSE_D + STRAIGHT_D + OPEN_S + CLOSE_S)
MARK_CHARS = "".join(sorted(MARKS))    # for str.strip
UNAMBIGUOUS_MARKS = MARKS - {"'", "\u2019"}   # never an apostrophe
END_PUNCT = ".!?"
CF = R.INVISIBLE_CHARS                 # invisible format marks
_BEFORE_OPEN = frozenset("([{\u2014\u2013-/:;")
_AFTER_CLOSE = frozenset(".,;:!?)]}\u2014\u2013-\u2026")
_TRIM = " \t\r\n,;:"
_PAIR = "\x01"   # stands for the first apostrophe of a '' double quote (old NYT style) while scanning


def find_marked(text: str) -> list[Marked]:
    """Quoted spans in reading order. Never raises on unbalanced or nested marks.

    Double quotes are tracked with a small state machine per line (curly marks nest, straight
    marks toggle); single quotes count only outside double quotes and when they look like quote
    marks, not apostrophes (Iran’s, didn’t, Hamas’). A double quote still open at the end of a line
    continues when the next non-blank line opens with a quote mark; otherwise it ends at the line end.
    """
    out: list[Marked] = []
    raw = text
    text = re.sub(r"(?<!')''(?!')", _PAIR + '"', text)   # same length: offsets are unchanged
    lines = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    carried: int | None = None  # open double quote carried over from the previous line
    for li, (ls, le) in enumerate(lines):
        open_d, depth, open_s = carried, 0, None
        i = ls
        if carried is not None:
            i = ls + (len(text[ls:le]) - len(text[ls:le].lstrip())) + 1  # skip the re-opening mark
            carried = None
        while i < le:
            ch = text[i]
            if ch in OPEN_D or ch in CLOSE_D or ch == STRAIGHT_D:
                if open_d is None:
                    if _opening_ctx(text, i) or (ch in OPEN_D and not _closing_ctx(text, i)):
                        open_d, depth, open_s = i, 0, None
                elif ch in OPEN_D and not _closing_ctx(text, i):
                    depth += 1                          # nested curly quote
                elif depth > 0 and ch != STRAIGHT_D:
                    depth -= 1
                elif ch == STRAIGHT_D or ch in CLOSE_D or _closing_ctx(text, i):
                    out.append(Marked(open_d, i, open_d + 1, i))
                    open_d = None
            elif open_d is None and ch in OPEN_S and open_s is None and _opening_ctx(text, i) \
                    and text[i + 1].isalnum():
                open_s = i
            elif open_d is None and open_s is not None and ch in CLOSE_S and _closing_ctx(text, i):
                out.append(Marked(open_s, i, open_s + 1, i))
                open_s = None
            i += 1
        if open_d is not None:
            nxt = lines[li + 1] if li + 1 < len(lines) else None
            first = text[nxt[0]:nxt[1]].lstrip()[:1] if nxt else ""
            if first and (first in OPEN_D or first == STRAIGHT_D):
                carried = open_d
            else:
                out.append(Marked(open_d, le, open_d + 1, le, closed=False))
    result = []
    for m in out:
        if m.open > 0 and text[m.open - 1] == _PAIR:
            m.open -= 1
        if m.closed and text[m.end - 1:m.end] == _PAIR:
            m.end -= 1
        m.start, m.end = trimmed(raw, m.start, m.end)
        if m.end - m.start < 1 or (not m.closed and len(raw[m.start:m.end].split()) < 3):
            continue
        result.append(m)
    result.sort(key=lambda m: m.open)
    return result


@dataclass
class Marked:
    """A quoted span: `open`/`close` are the mark positions, `start`/`end` the content."""
    open: int
    close: int
    start: int
    end: int
    closed: bool = True


def is_title(text: str, m: Marked) -> bool:
    """"New Day", "A Time for Truth": a short title-cased name of a show, book or slogan."""
    words = text[m.start:m.end].strip(" ,.").split()
    small = R.QUOTE_TITLE_SMALL_WORDS
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and \
        all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words) and \
        sum(w[:1].isupper() for w in words) >= max(1, len(words) - 2)


def is_nickname(text: str, m: Marked) -> bool:
    """Muhsin "Fuad" Shukr: a capitalised word or two quoted between two name words."""
    words = text[m.start:m.end].split()
    if not (1 <= len(words) <= 2) or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, m.open - 30):m.open].rstrip().split()
    after = text[m.close + 1:m.close + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace and trailing `,;:`."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _opening_ctx(text: str, i: int) -> bool:
    """The mark at i can open a quote: start of text/after space or bracket, and text follows."""
    if i > 0 and text[i - 1] == _PAIR:
        i -= 1
    prev = text[i - 1] if i > 0 else " "
    before_ok = prev.isspace() or prev in _BEFORE_OPEN or prev in MARKS or prev in CF
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _closing_ctx(text: str, i: int) -> bool:
    """The mark at i can close a quote: glued to text before, followed by space/punctuation/end."""
    j = i - 1 if i > 0 and text[i - 1] == _PAIR else i
    before_ok = j > 0 and not text[j - 1].isspace()
    after_ok = i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER_CLOSE or text[i + 1] in MARKS
    return before_ok and after_ok
