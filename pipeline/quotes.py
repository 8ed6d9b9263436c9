"""Quotes stage: who said what, as direct, partial, pull and indirect quotes.

`extract_quotes(doc, mentions, skip)` is a pure function over one parsed article:

1. `find_marked` scans the text for quotation marks of any style (straight, curly, guillemets,
   single quotes at the top level) line by line, and carries a quote that is still open at the end
   of a paragraph into the next paragraph when that one opens with a quote mark.
2. Every marked span is classified: a quote that opens its sentence or follows `said:` / `said,`
   is `direct` (content = inside the marks); a fragment embedded in a sentence is `partial`
   (content = the whole attributed clause, marks included).
3. The attribution (cue and speaker mention) is searched after the quote (`"…," he said`), before
   it (`X said: "…"`), inside a split quote, in the sentence or line that leads into it, or is
   inherited from the previous quote of a run of quoted paragraphs.
   A split quote (`"A," X said. "B."`) is one quote whose content runs from A to B, the
   attribution in the middle included (also `X said, noting …. "B."` and a "B" that is the whole
   next paragraph). A fragment's attribution can be a parenthetical (`Perhaps, he said, this "…"`).
   A quote whose speaker cannot be found is dropped
   (`KEEP_UNATTRIBUTED`): a wrong or missing speaker is worse than a missed quote.
4. Unmarked statements: `pull` quotes (a statement paragraph credited with a bare name and title)
   and `indirect` speech (`X said (that) …`, `according to X, …`).
5. Speakers are resolved in document order: pronouns to the most recent compatible speaker or
   actor, definite descriptions ("the ministry") to an earlier mention with the same head noun,
   epithets ("the Texas senator") to the person the text already gave that title ("Texas Sen. Ted
   Cruz"), else they stay descriptions.
   Display names lose their titles ("Ayatollah Ali Khamenei" -> "Ali Khamenei") and articles.

Word lists (reporting verbs, titles, pronouns, media nouns) live in `pipeline.resources`.
Offsets are half-open Python string indices into `doc.text`; `doc.text[start:end] == text` always.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span, Token

from . import resources as R

# ---------------------------------------------------------------- quotation marks

OPEN_D = "\u201c\u00ab\u201e"          # “ « „
CLOSE_D = "\u201d\u00bb"               # ” »
STRAIGHT_D = '"'
OPEN_S = "\u2018'"                     # ‘ '
CLOSE_S = "\u2019'"                    # ’ '
MARKS = set(OPEN_D + CLOSE_D + STRAIGHT_D + OPEN_S + CLOSE_S)
_BEFORE_OPEN = set("([{\u2014\u2013-/:;")
_AFTER_CLOSE = set(".,;:!?)]}\u2014\u2013-\u2026")
_END_PUNCT = ".!?"
_CF = R.INVISIBLE_CHARS   # invisible format marks
_TRIM = " \t\r\n,;:"

# Merge `"A," he said, "B."` into one quote (PolNeAR-style attribution of the whole statement).
MERGE_SPLIT = True
# ... also when "B" is the whole next paragraph: `"A," he said.` / `"B."` (one statement, two paragraphs).
MERGE_NEXT_PARAGRAPH = True
# ... also when the attribution sentence between the parts says more (`X said, noting …. "B."`).
MERGE_LONG_ATTRIBUTION = True
# A quote after `Clinton touted her record.` in the same paragraph is Clinton's.
LEAD_SUBJECT = True
# A quoted fragment with no reporting verb is attributed to the subject of the verb governing it.
PARTIAL_ANY_VERB = True
# Quotes whose speaker cannot be found are dropped: a wrong or missing speaker is worse than a
# missed quote (with KEEP_UNATTRIBUTED they are kept when at least UNATTRIBUTED_MIN_WORDS long).
KEEP_UNATTRIBUTED = False
UNATTRIBUTED_MIN_WORDS = 12
# "…," the Texas senator said: an epithet speaker is the recent person the text already gave that
# title ("Texas Sen. Ted Cruz"); nobody such: the description stays (see _epithet_ref).
EPITHETS = True
# Search window sizes, in tokens.
RIGHT_WINDOW = 14
LEFT_WINDOW = 12
ANTECEDENT_CHARS = 3000


@dataclass
class Marked:
    """A quoted span: `open`/`close` are the mark positions, `start`/`end` the content."""
    open: int
    close: int
    start: int
    end: int
    closed: bool = True


_PAIR = "\x01"   # stands for the first apostrophe of a '' double quote (old NYT style) while scanning


def _opening_ctx(text: str, i: int) -> bool:
    """The mark at i can open a quote: start of text/after space or bracket, and text follows."""
    if i > 0 and text[i - 1] == _PAIR:
        i -= 1
    prev = text[i - 1] if i > 0 else " "
    before_ok = prev.isspace() or prev in _BEFORE_OPEN or prev in MARKS or prev in _CF
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _closing_ctx(text: str, i: int) -> bool:
    """The mark at i can close a quote: glued to text before, followed by space/punctuation/end."""
    j = i - 1 if i > 0 and text[i - 1] == _PAIR else i
    before_ok = j > 0 and not text[j - 1].isspace()
    after_ok = i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER_CLOSE or text[i + 1] in MARKS
    return before_ok and after_ok


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace and trailing `,;:`."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


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
    lines = [(s, e) for s, e in _line_spans(text) if text[s:e].strip()]
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
        m.start, m.end = _trimmed(raw, m.start, m.end)
        if m.end - m.start < 1 or (not m.closed and len(raw[m.start:m.end].split()) < 3):
            continue
        result.append(m)
    result.sort(key=lambda m: m.open)
    return result


def _is_title(text: str, m: Marked) -> bool:
    """"New Day", "A Time for Truth": a short title-cased name of a show, book or slogan."""
    words = text[m.start:m.end].strip(" ,.").split()
    small = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "at", "with", "or"}
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and \
        all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words) and \
        sum(w[:1].isupper() for w in words) >= max(1, len(words) - 2)


def _is_nickname(text: str, m: Marked) -> bool:
    """Muhsin "Fuad" Shukr: a capitalised word or two quoted between two name words."""
    words = text[m.start:m.end].split()
    if not (1 <= len(words) <= 2) or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, m.open - 30):m.open].rstrip().split()
    after = text[m.close + 1:m.close + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


# ---------------------------------------------------------------- records


@dataclass
class Spk:
    """A speaker mention found in the text, before resolution."""
    start: int
    end: int
    name: str | None = None       # display name when it is known from the mention itself
    type: str | None = None       # PERSON, ORG, GPE, NORP, MEDIA or None
    ref: tuple[int, int] | None = None
    pronoun: str | None = None    # lower-cased pronoun when the mention is one
    head: str | None = None       # head noun of a definite description ("ministry")
    subject: bool = True
    epithet: bool = False         # "the Texas senator": a person named before, described by a role


@dataclass
class Attr:
    """One attributed statement before speaker resolution."""
    kind: str
    start: int
    end: int
    cue: str | None = None
    spk: Spk | None = None
    inherit: bool = False         # speaker copied from the previous quote


# ---------------------------------------------------------------- context


class _Ctx:
    """Per-document lookups: tokens by offset, lines, mentions, quoted spans."""

    def __init__(self, doc: Doc, mentions: list[dict], skip: Callable[[int], bool]):
        self.doc, self.text, self.skip = doc, doc.text, skip
        self.tok_starts = [t.idx for t in doc]
        self.lines = _line_spans(self.text)
        self.line_starts = [s for s, _ in self.lines]
        self.mentions = sorted((m for m in mentions if m.get("end", 0) > m.get("start", 0)),
                               key=lambda m: (m["start"], -m["end"]))
        self.m_starts = [m["start"] for m in self.mentions]
        self.set_quoted([])

    def tok_at(self, off: int) -> Token | None:
        """Token containing offset `off`, else the next token; None past the end."""
        if not len(self.doc):
            return None
        i = bisect.bisect_right(self.tok_starts, off) - 1
        if i < 0:
            return self.doc[0]
        t = self.doc[i]
        if off >= t.idx + len(t.text):
            return self.doc[i + 1] if i + 1 < len(self.doc) else None
        return t

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start in [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    def line(self, off: int) -> tuple[int, int]:
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


def _tok_end(t: Token) -> int:
    return t.idx + len(t.text)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_cue_verb(t: Token) -> bool:
    """A reporting verb ("said", "warned") or a reporting phrasal verb ("went on", "shot back")."""
    if t.pos_ not in ("VERB", "AUX") or _lemma(t) == "be":
        return False
    if _lemma(t) in R.QUOTE_REPORTING_VERBS:
        return True
    if _lemma(t) == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in t.children):
        return True     # "as X put it: "…""
    return any(c.dep_ in ("prt", "advmod") and f"{_lemma(t)} {c.lower_}" in R.QUOTE_PHRASAL_VERBS for c in t.children)


def _cue_text(t: Token) -> str:
    prt = [c for c in t.children if c.dep_ in ("prt", "advmod") and f"{_lemma(t)} {c.lower_}" in R.QUOTE_PHRASAL_VERBS]
    return f"{t.text} {prt[0].text}" if prt else t.text


# ---------------------------------------------------------------- names


def strip_titles(name: str, typ: str | None = "PERSON") -> str:
    """'Ayatollah Ali Khamenei' -> 'Ali Khamenei'; 'US Secretary of Defense Lloyd Austin' -> 'Lloyd Austin'.
    Names of organisations, places and media are kept as they are."""
    if typ not in ("PERSON", None):
        return name.strip()
    words = name.split()
    cut = 0
    for k, w in enumerate(words[:-1]):
        low = w.lower().strip(",")
        if low in R.QUOTE_TITLES or low.rstrip(".") in R.QUOTE_TITLES:
            cut = k + 1
            # "Secretary of Defense X": skip "of <Word>" after a title
            if k + 2 < len(words) - 1 and words[k + 1].lower() == "of":
                cut = k + 3
    rest = words[cut:] or words[-1:]
    # "spokesman in Lebanon Mahmoud Tah": drop the place phrase after the title
    while len(rest) > 2 and rest[0][:1].islower() and rest[0].lower() not in R.QUOTE_NAME_PARTICLES:
        rest = rest[2:]
    while len(rest) > 1 and rest[0][:1].islower() and rest[0].lower() not in R.QUOTE_NAME_PARTICLES:
        rest = rest[1:]
    out = " ".join(rest).strip(" ,")
    return re.sub(r"(?:['\u2019]s)$", "", out) or name


def _strip_det(words: str) -> str:
    for det in ("the ", "a ", "an ", "The ", "A ", "An "):
        if words.startswith(det):
            return words[len(det):]
    return words


def _kind_of_noun(t: Token) -> str | None:
    low = _lemma(t)
    if low in R.QUOTE_MEDIA_NOUNS:
        return "MEDIA"
    if low in R.QUOTE_ORG_NOUNS:
        return "ORG"
    if low in R.QUOTE_TITLES or low in R.QUOTE_PERSON_NOUNS:
        return "PERSON"
    if low in R.QUOTE_GROUP_NOUNS:
        return "GROUP"
    if low in R.QUOTE_DOCUMENT_NOUNS:
        return "MEDIA"
    return None


_QUANTIFIERS = frozenset("one some many several few most two three four five".split())
_GENERIC_HEADS = frozenset("source sources official officials spokesman spokeswoman spokesperson representative "
                           "member members head chief leader leaders".split())


def _speaker_from_token(ctx: _Ctx, tok: Token, subject: bool = True) -> Spk | None:
    """The speaker mention headed by `tok` (a subject, an object of 'quoted', a pobj of 'according to')."""
    text = ctx.text
    if ctx.in_quote(tok.idx) or tok.ent_type_ in ("DATE", "TIME"):
        return None     # "Saturday at the convention Warren said": a date never speaks
    # "Lynch, who told Congress": the relative pronoun stands for the noun it modifies
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        tok = tok.head.head
    # "the coordinator ..., John Kirby, stated": the apposed name is the speaker
    if tok.pos_ != "PROPN":
        appos = [c for c in tok.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i - tok.i < 20]
        persons = [c for c in appos if c.ent_type_ == "PERSON"]
        if persons or appos:
            tok = (persons or appos)[-1]
    # "Iran's statement said" / "the ministry's statement": the possessor speaks
    if _lemma(tok) in R.QUOTE_STATEMENT_NOUNS:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                tok = c
                break
    # "Iran's Ambassador to Russia Kazem Jalali": the name inside the title phrase
    if tok.lower_ in R.QUOTE_TITLES:
        names = [t for t in tok.subtree if t.i > tok.i and t.pos_ == "PROPN" and (
            t.ent_type_ == "PERSON" or (ctx.mention_over(t.idx, _tok_end(t)) or {}).get("type") == "PERSON")]
        if names:
            tok = names[-1]
    low = tok.lower_
    if low in _QUANTIFIERS:     # "one of those advisers", "some of the protesters"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        kind = _kind_of_noun(pobj) if pobj is not None and pobj.pos_ == "NOUN" else None
        if kind in ("PERSON", "GROUP"):
            s, e = tok.idx, _tok_end(pobj)
            return Spk(s, e, name=text[s:e], type="PERSON" if low == "one" else "GROUP", subject=subject)
    if tok.pos_ == "PRON" or low in R.QUOTE_PRONOUNS or low in R.QUOTE_UNNAMED_PRONOUNS:
        if low not in R.QUOTE_PRONOUNS and low not in R.QUOTE_UNNAMED_PRONOUNS:
            return None   # "who", "this", "everyone": not a speaker we can name
        return Spk(tok.idx, _tok_end(tok), pronoun=low, subject=subject)
    m = ctx.mention_over(tok.idx, _tok_end(tok))
    if tok.pos_ == "PROPN" or (m and m["start"] <= tok.idx and _tok_end(tok) <= m["end"]):
        if m and m["start"] <= tok.idx < m["end"]:
            typ = m.get("type") or m.get("label")
            name = strip_titles(str(m.get("name") or m.get("text") or ""), typ)
            if tok.pos_ != "PROPN" and _kind_of_noun(tok):
                typ = _kind_of_noun(tok) if typ not in ("ORG", "PERSON") else typ
            return Spk(m["start"], m["end"], name=name, type=typ, ref=(m["start"], m["end"]), subject=subject)
        left = tok
        while left.i > 0 and tok.doc[left.i - 1].pos_ == "PROPN" and tok.doc[left.i - 1].dep_ in (
                "compound", "flat", "nmod", "punct") and not ctx.in_quote(tok.doc[left.i - 1].idx):
            left = tok.doc[left.i - 1]
        s, e = left.idx, _tok_end(tok)
        typ = tok.ent_type_ or ("ORG" if _kind_of_noun(tok) in ("ORG", "MEDIA") else "PERSON")
        name = strip_titles(text[s:e], typ)
        return Spk(s, e, name=name, type=typ, ref=(s, e), subject=subject)
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("ADV", "ADJ", "X")):
        return None
    # a common-noun phrase: "the board", "Iran's state TV", "a source close to the framework"
    left = tok.left_edge
    right = tok
    if low in _GENERIC_HEADS:
        for c in tok.rights:
            if c.dep_ in ("prep", "amod") and c.right_edge.i - tok.i <= 8:
                right = c.right_edge
    s, e = left.idx, _tok_end(right)
    phrase = text[s:e]
    typ = _kind_of_noun(tok)
    if m and m["start"] <= tok.idx < m["end"]:   # "the Foreign Ministry" as an ORG mention
        return Spk(s, e, name=strip_titles(str(m.get("name") or m.get("text") or ""), m.get("type") or typ), type=m.get("type") or typ,
                   ref=(m["start"], m["end"]), subject=subject)
    name = _strip_det(phrase)
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if poss and any(t.pos_ == "PROPN" for t in tok.doc[poss[0].right_edge.i + 1:tok.i + 1]):
        name = text[_tok_end(poss[0].right_edge) + (2 if text[_tok_end(poss[0].right_edge):][:2] in ("'s", "’s") else 0):e].strip()
    definite = left.lower_ == "the" and tok.i - left.i <= 2
    epithet = EPITHETS and left.lower_ == "the" and _lemma(tok) in R.QUOTE_EPITHET_NOUNS and not poss \
        and not any(t.lower_ in ("other", "same", "new", "next") for t in tok.doc[left.i:tok.i]) \
        and right.i - left.i <= 8 and not any(t.ent_type_ == "PERSON" for t in tok.doc[left.i:right.i + 1])
    return Spk(s, e, name=name, type=typ or ("PERSON" if epithet else None),
               head=_lemma(tok) if definite or epithet else None, subject=subject, epithet=epithet)


def _namelike(ctx: _Ctx, tok: Token) -> bool:
    """A person-like subject: he/she, a proper noun or a PERSON mention."""
    if tok.lower_ in ("he", "she"):
        return True
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        return True
    m = ctx.mention_over(tok.idx, _tok_end(tok))
    return bool(m and (m.get("type") or m.get("label")) == "PERSON")


def _subject_token(v: Token) -> Token | None:
    """Grammatical source of a reporting verb: its subject, climbing conj/xcomp/advcl chains,
    or the object of 'quoted X as saying'."""
    if v.i > 0 and v.doc[v.i - 1].lower_ == "as":      # "quoted X, title, as saying"
        for q in reversed(v.doc[max(0, v.i - 30):v.i - 1]):
            if _lemma(q) == "quote" and q.pos_ == "VERB":
                objs = [c for c in q.children if c.dep_ in ("dobj", "obj")]
                nxt = [t for t in v.doc[q.i + 1:v.i] if t.pos_ == "PROPN"]
                return objs[0] if objs else (nxt[0] if nxt else None)
    h = v
    for _ in range(4):
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if h.dep_ == "pcomp" and h.head.lower_ == "as" and _lemma(h.head.head) == "quote":
            for c in h.head.head.children:       # "quoted X as saying"
                if c.dep_ in ("dobj", "obj"):
                    return c
            return None
        if h.dep_ in ("conj", "xcomp", "advcl") and h.head.i != h.i:
            participle = h.tag_ == "VBG" and h.dep_ == "advcl"
            h = h.head
            # "X argued that a database would help, saying …": X says, not the database
            while participle and h.dep_ in ("ccomp", "xcomp") and h.head.i != h.i:
                h = h.head
        else:
            return None
    return None


def _np_near(ctx: _Ctx, toks: list[Token], k: int, after: bool) -> Token | None:
    """Surface fallback: the noun/pronoun right after (or right before) toks[k]."""
    rng = range(k + 1, min(len(toks), k + 6)) if after else range(k - 1, max(-1, k - 4), -1)
    for j in rng:
        t = toks[j]
        if t.pos_ in ("ADV", "PART", "AUX") or t.is_punct and not after:
            continue
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
            return None
        if t.pos_ in ("PROPN", "PRON") or (t.pos_ == "NOUN" and (after or _kind_of_noun(t))):
            if after:   # head of the phrase: the last noun of a compound run
                while j + 1 < len(toks) and toks[j + 1].pos_ in ("PROPN",) and toks[j + 1].dep_ != "punct":
                    j += 1
                return toks[j]
            return t
        if t.pos_ in ("DET", "ADJ") and after:
            continue
        return None
    return None


def _speakerlike(spk: Spk | None) -> Spk | None:
    """Keep a source only when it names someone ("according to Shiite tradition" does not)."""
    if spk is None or (spk.type is None and spk.pronoun is None and spk.ref is None):
        return None
    return spk


def _according(toks: list[Token]) -> tuple[Token, Token] | None:
    """('according' token, source head) for 'according to X' / 'as per X' in toks."""
    for k, t in enumerate(toks[:-1]):
        pair = f"{t.lower_} {toks[k + 1].lower_}"
        if pair in ("according to", "as per"):
            prep = toks[k + 1]
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return t, objs[0]
            for u in toks[k + 2:k + 8]:
                if u.pos_ in ("PROPN", "NOUN", "PRON"):
                    nxt = u
                    while nxt.i + 1 < len(u.doc) and u.doc[nxt.i + 1].pos_ == "PROPN":
                        nxt = u.doc[nxt.i + 1]
                    return t, nxt if u.pos_ == "PROPN" else u
    return None


def _statement_source(v: Token) -> Token | None:
    """'said in a statement from the Foreign Ministry' -> Ministry."""
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "through"):
            for n in p.children:
                if n.dep_ == "pobj" and _lemma(n) in R.QUOTE_STATEMENT_NOUNS:
                    for p2 in n.children:
                        if p2.dep_ == "prep" and p2.lower_ in ("from", "by", "of"):
                            for x in p2.children:
                                if x.dep_ == "pobj":
                                    return x
    return None


def _source_of_verb(ctx: _Ctx, v: Token, toks: list[Token] | None = None, k: int = -1) -> Spk | None:
    """Speaker mention of reporting verb v (grammar first, adjacent noun phrase as fallback)."""
    st = _statement_source(v)
    subj = st or _subject_token(v)
    if st is None and subj is not None and (subj.dep_ in ("nsubjpass", "expl") or subj.lower_ == "it" and any(
            c.dep_ == "auxpass" for c in v.children)):
        return None     # "It was revealed that …": no source
    if subj is not None and toks is not None and subj not in toks:
        subj = None if st is None else subj
    if subj is None and toks is not None and k >= 0:
        first = all(t.is_punct or t.is_space for t in toks[:k])
        subj = _np_near(ctx, toks, k, after=first)
    spk = _speaker_from_token(ctx, subj) if subj is not None else None
    # "that fact speaks volumes": a plain noun speaks only with the core verbs (say, tell, …)
    if spk is not None and spk.type is None and spk.pronoun is None and spk.ref is None \
            and _lemma(v) not in R.QUOTE_CORE_VERBS:
        return None
    return spk


def _has_own_content(v: Token, after: int, strict: bool) -> bool:
    """v governs its own reported content to its right: not an attribution of the quote before."""
    for c in v.rights:
        if c.idx < after:
            continue
        le = c.left_edge
        if le.i > 0 and v.doc[le.i - 1].text == "," and le.i - 1 > v.i:
            continue   # `said, mentioning …`: a participle clause, not the verb's own content
        near = le.i - v.i <= 4          # `said Tuesday that …`, not `said in an interview … aired`
        if (c.dep_ == "ccomp" and near) or (strict and c.dep_ in ("dobj", "xcomp") and _lemma(v) not in ("tell", "ask")):
            return True
        if c.dep_ == "xcomp":   # "went on to say that ..."
            if any(g.dep_ == "ccomp" for g in c.rights):
                return True
    return False


# ---------------------------------------------------------------- attribution search


def _attr_right(ctx: _Ctx, after: int, limit: int, ended: bool,
                question: bool = False) -> tuple[str, Spk, int] | None:
    """`"…," he said` / `"…," said X` / `"…," according to X`: cue, speaker, end of the attribution."""
    toks = []
    for t in ctx.tokens(after, limit):
        if t.text in ".!?;" or set(t.text) <= MARKS or "\n" in t.text:
            break
        toks.append(t)
        if len(toks) >= RIGHT_WINDOW + 10:
            break
    acc = _according(toks[:4])
    if acc:
        spk = _speakerlike(_speaker_from_token(ctx, acc[1]))
        if spk:
            return "according to", spk, max(spk.end, _tok_end(acc[1]))
    for k, t in enumerate(toks):
        # after a quote its content is the quote: "…," he continued / the suit reads / Hannity pressed
        weak = _lemma(t) in R.QUOTE_OBJECT_VERBS and not (_lemma(t) == "ask" and question)
        cue = _is_cue_verb(t) or (t.pos_ == "VERB" and _lemma(t) in R.QUOTE_AFTER_VERBS)
        if cue and not weak:
            if ended and k > RIGHT_WINDOW:
                return None
            if _has_own_content(t, after, strict=ended):
                return None
            spk = _source_of_verb(ctx, t, toks, k)
            if spk is None:
                return None
            return _cue_text(t), spk, max(spk.end, _tok_end(t))
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "xcomp"):
            return None
        if k >= RIGHT_WINDOW + 8:
            return None
    return None


def _attr_start(ctx: _Ctx, after: int, spk_start: int) -> int:
    """Where the attribution clause begins between a fragment and its speaker: the last comma,
    or the reporting verb of `…, said X`."""
    seg = ctx.text[after:spk_start]
    comma = seg.rfind(",")
    if comma >= 0:
        return after + comma
    for t in ctx.tokens(after, spk_start):
        if _is_cue_verb(t):
            return t.idx
    return spk_start


def _sentence_start(ctx: _Ctx, off: int) -> int:
    """Start of the sentence holding `off`, within its line (simple punctuation rule)."""
    ls, _ = ctx.line(off)
    seg = ctx.text[ls:off]
    best = ls
    for m in re.finditer(r"[.!?][\"\u201d\u2019')]*\s+[" + _CF + r"]*(?=[\"\u201c\u2018\u00ab'A-Z(]|$)", seg):
        if not ctx.in_quote(ls + m.start()) or m.end() >= len(seg):
            best = ls + m.end()
    return best


def _attr_left(ctx: _Ctx, sent_start: int, open_idx: int) -> tuple[str, Spk] | None:
    """`X said: "…"` / `X told reporters, "…"` / `according to X, "…"` / `as saying "…"`."""
    toks = [t for t in ctx.tokens(sent_start, open_idx) if not t.is_space and not set(t.text) <= MARKS]
    toks = toks[-LEFT_WINDOW:]
    if not toks:
        return None
    acc = _according(toks)
    if toks[-1].text == ":" and len(toks) > 1:
        credit = _colon_credit(ctx, toks)
        if credit is not None:
            return None, credit
    inside = ctx.tok_at(open_idx + 1)
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if _is_cue_verb(t):
            governs = inside is not None and (t in inside.ancestors or inside.head.i == t.i)
            governs = governs or t.head.idx > open_idx      # parsed as a clause of the quote
            if not governs and t.dep_ not in ("ROOT", "conj", "parataxis") and t.tag_ != "VBG":
                continue    # "after Brown criticized Clinton, Hillary shot back, "…""
            spk = _source_of_verb(ctx, t, None)
            if spk is None:
                subj = _np_near(ctx, toks, k, after=False)
                spk = _speaker_from_token(ctx, subj) if subj is not None else None
            if spk:
                return _cue_text(t), spk
            break
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") and not acc:
            break
    if toks[-1].text == ":" and not acc:
        # "he returned to his familiar lines: "…"": the subject of the lead-in sentence
        root = toks[-2]
        while root.head.i != root.i and root.head.idx < open_idx and root.head.idx >= sent_start:
            root = root.head
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None and root.dep_ == "conj":
            subj = _subject_token(root)
        if subj is not None and subj.idx >= sent_start and _namelike(ctx, subj):
            spk = _speaker_from_token(ctx, subj)
            if spk is not None:
                return root.text, spk
    if acc:
        spk = _speakerlike(_speaker_from_token(ctx, acc[1]))
        if spk:
            return "according to", spk
    return None


def _colon_credit(ctx: _Ctx, toks: list[Token]) -> Spk | None:
    """`… - Carl Bialik: "…"` / `more from the report: "…"`: a bare name before the colon."""
    j = len(toks) - 2
    run = []
    while j >= 0 and (toks[j].pos_ == "PROPN" or toks[j].text in ("and", ".") and run) and len(run) < 6:
        run.insert(0, toks[j])
        j -= 1
    before = toks[j] if j >= 0 else None
    if run and run[0].pos_ == "PROPN" and (before is None or before.text in ("-", "\u2014", "\u2013", "from", "by")):
        s, e = run[0].idx, _tok_end(run[-1])
        m = ctx.mention_over(s, e)
        typ = (m.get("type") or m.get("label")) if m else (run[-1].ent_type_ or "PERSON")
        name = strip_titles(ctx.text[s:e], typ)
        return Spk(s, e, name=name, type=typ, ref=(m["start"], m["end"]) if m else (s, e))
    if before is not None and before.lower_ == "from" and toks[-2].pos_ == "NOUN" and _kind_of_noun(toks[-2]):
        return _speaker_from_token(ctx, toks[-2])     # "more from the report:"
    return None


def _lead_in(ctx: _Ctx, open_idx: int) -> tuple[str, Spk] | None:
    """The sentence before the quote ends on an attribution: `…, Khamenei said. "…"` or `He said:`."""
    ls, _ = ctx.line(open_idx)
    before = ctx.text[ls:open_idx].rstrip()
    if not before:
        pl = ctx.prev_line(open_idx)
        if pl is None:
            return None
        before_end = pl[0] + len(ctx.text[pl[0]:pl[1]].rstrip())
        if not ctx.text[pl[0]:before_end].endswith(":"):
            return None
        ls = pl[0]
    else:
        before_end = ls + len(before)
        if ctx.text[before_end - 1] not in ".:":
            return None
    toks = [t for t in ctx.tokens(ls, before_end) if not t.is_space]
    toks = [t for t in toks if not t.is_punct][-5:]
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if _is_cue_verb(t) and not ctx.in_quote(t.idx):
            if any(c.dep_ in ("ccomp", "dobj") and c.idx > t.idx for c in t.children) and _lemma(t) not in ("tell",):
                return None
            spk = _source_of_verb(ctx, t, toks, k)
            return (t.text, spk) if spk else None
    return None


def _verb_above(ctx: _Ctx, tok: Token, sent: Span) -> tuple[Token, Spk] | None:
    """Nearest reporting verb above `tok` in the parse, outside quotes, that has a source."""
    plain = None
    for a in tok.ancestors:
        if a.i < sent.start or a.i >= sent.end:
            break
        if _is_cue_verb(a) and not ctx.in_quote(a.idx):
            if a.tag_ == "VB" and a.dep_ in ("xcomp", "ccomp", "advcl"):
                continue    # "expects Obama to announce an "intensification"": not a speech act
            spk = _source_of_verb(ctx, a)
            if spk is not None and (spk.ref or spk.pronoun or spk.type):
                return a, spk
            if spk is not None and plain is None:
                plain = (a, spk)      # "the platform should reiterate" inside "X said that …"
    return plain


# ---------------------------------------------------------------- the quote kinds


def _direct(ctx: _Ctx, marked: list[Marked], k: int, used: set[int], prev: Attr | None) -> Attr:
    """An attribution for the direct quote marked[k] (merging a split quote when found)."""
    m = marked[k]
    text = ctx.text
    start, end = _trimmed(text, m.start, m.end)
    ended = text[start:m.close].rstrip(" " + "".join(MARKS))[-1:] in _END_PUNCT
    ls, _ = ctx.line(m.open)
    le = ctx.line(min(m.close, len(text) - 1))[1] if m.closed else ctx.line(m.open)[1]
    nxt = marked[k + 1] if k + 1 < len(marked) else None
    limit = min(le, nxt.open if nxt else le)
    question = text[start:m.close].rstrip(" " + "".join(MARKS))[-1:] == "?"
    found = _attr_right(ctx, m.close + 1, limit, ended, question) if m.closed else None
    if found:
        cue, spk, a_end = found
        end = _merge_following(ctx, marked, k, used, end, le)
        end = _merge_next_paragraph(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, cue, spk)
    sent_start = _sentence_start(ctx, m.open)
    left = _attr_left(ctx, sent_start, m.open) if text[sent_start:m.open].strip() else None
    if left:
        end = _merge_following(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, left[0], left[1])
    lead = _lead_in(ctx, m.open)
    if lead:
        end = _merge_following(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, lead[0], lead[1])
    if prev is not None and prev.spk is not None and prev.kind in ("direct", "partial"):
        pl = ctx.prev_line(m.open)
        same_line = ctx.line(prev.start)[0] == ls
        # the previous quote ends its paragraph: `… said that "…".` then `"…"` continues it
        ends_line = pl is not None and pl[0] <= prev.end <= pl[1] and \
            not text[prev.end:pl[1]].strip(" .,;:!?" + "".join(MARKS))
        initial = not text[ls:m.open].strip()
        if same_line or (ends_line and initial):
            return Attr("direct", start, end, prev.cue, prev.spk, inherit=True)
    if LEAD_SUBJECT:
        subj = _previous_subject(ctx, m.open) or _previous_paragraph_source(ctx, m.open)
        if subj:
            end = _merge_following(ctx, marked, k, used, end, le)
            return Attr("direct", start, end, subj[0], subj[1])
    return Attr("direct", start, end, None, None)


def _previous_paragraph_source(ctx: _Ctx, open_idx: int) -> tuple[str, Spk] | None:
    """A paragraph that opens with an unattributed quote continues the source of the last
    sentence of the previous paragraph (`Rather, he said, …` / `"…"`)."""
    ls, _ = ctx.line(open_idx)
    if ctx.text[ls:open_idx].strip():
        return None
    pl = ctx.prev_line(open_idx)
    if pl is None or ctx.skip(pl[0]):
        return None
    last = ctx.tok_at(max(pl[0], pl[1] - 2))
    if last is None:
        return None
    sent = last.sent
    for t in reversed(list(sent)):
        if t.idx < pl[0]:
            break
        if _is_cue_verb(t) and not ctx.in_quote(t.idx) and _lemma(t) not in R.QUOTE_WEAK_VERBS:
            spk = _source_of_verb(ctx, t)
            if spk is not None and (spk.pronoun in ("he", "she") or spk.type in ("PERSON", None) and spk.ref):
                return _cue_text(t), spk
    return None


def _own_attribution(ctx: _Ctx, marked: list[Marked], j: int, le: int) -> bool:
    """marked[j] has its own attribution right after it (`"B," he added`)."""
    q = marked[j]
    if not q.closed:
        return False
    limit = min(le, marked[j + 1].open if j + 1 < len(marked) else le)
    ended = ctx.text[q.start:q.close].rstrip(" " + "".join(MARKS))[-1:] in _END_PUNCT
    return _attr_right(ctx, q.close + 1, limit, ended) is not None


def _merge_following(ctx: _Ctx, marked: list[Marked], k: int, used: set[int], end: int, le: int) -> int:
    """Extend a direct quote over the quotes that continue it in the same paragraph:
    `"A," X said. "B."` and `X said: "A." "B."` are one statement (the middle is kept in the text)."""
    if not MERGE_SPLIT:
        return end
    text = ctx.text
    last_close = marked[k].close
    first = True
    j = k + 1
    while j < len(marked) and marked[j].open < le and marked[k].closed:
        q = marked[j]
        gap = text[last_close + 1:q.open]
        if ctx.skip(q.start) or not q.closed and q.end < le - 2:
            break
        if gap.strip():
            # only the attribution sentence may sit between the parts
            ends = list(re.finditer(r"[.!?](?:\s|$)", gap))
            if not first or (ends and gap[ends[-1].end():].strip()) or not (
                    _is_direct_position(ctx, q) or gap.rstrip().endswith(",")):
                break
        if _own_attribution(ctx, marked, j, le):
            break
        # `…," he told CBS, saying that people "are threatened"`: a new clause, not a continuation
        cues = [t for t in ctx.tokens(last_close + 1, q.open) if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl", "amod")]
        # `"A," X said, noting …. "B."`: a longer attribution sentence still sits between two parts
        if len(cues) > 1 and not (MERGE_LONG_ATTRIBUTION and _one_attribution_sentence(ctx, gap, last_close + 1, q.open)):
            break
        used.add(j)
        end = _trimmed(text, q.start, q.end)[1]
        last_close = q.close
        first = False
        j += 1
    return end


def _abbrev(word: str) -> bool:
    """A title abbreviation before a name ("Sen.", "Gov.", "Dr.")."""
    low = word.lower()
    return low in R.QUOTE_TITLES or f"{low}." in R.QUOTE_TITLES


def _one_attribution_sentence(ctx: _Ctx, gap: str, start: int, end: int) -> bool:
    """The text between two quote parts is one sentence that ends before the second part and has one
    speaker: `, Clark said, noting he would back anyone.` (not `, Ebeling said, and her husband cut in.`
    nor `, she said. Her husband shook his head.`)."""
    ends = [b for b in re.finditer(r"(\w*)[.!?](?=\s|$)", gap)
            if not (_abbrev(b.group(1)) or len(b.group(1)) == 1)]
    if len(ends) != 1 or gap[ends[0].end():].strip():
        return False
    # speakers of coordinated attributions; "after Jones assured Trump" (a subordinate clause) is no second one
    subjects = [t for t in ctx.tokens(start, end) if t.dep_ in ("nsubj", "nsubjpass") and _is_cue_verb(t.head)
                and start <= t.head.idx < end and t.head.dep_ in ("ROOT", "conj", "parataxis")]
    return len(subjects) <= 1


def _merge_next_paragraph(ctx: _Ctx, marked: list[Marked], k: int, used: set[int], end: int, le: int) -> int:
    """`"A," X said.` then a paragraph that is one quote and nothing else: the statement goes on.
    Only when the attribution closes the first paragraph and the next quote has no attribution."""
    if not (MERGE_SPLIT and MERGE_NEXT_PARAGRAPH):
        return end
    text = ctx.text
    j = k + 1
    while j < len(marked) and marked[j].open < le:
        if j not in used:
            return end          # another quote of this paragraph was not merged: a new statement
        j += 1
    if j >= len(marked) or ctx.skip(marked[j].start):
        return end
    q = marked[j]
    last = max([k] + [i for i in used if k < i < j])
    tail = text[marked[last].close + 1:le].rstrip()
    breaks = [b for b in re.finditer(r"(\w*)[.!?]\s+[A-Z\"\u201c]", tail)
              if not (_abbrev(b.group(1)) or len(b.group(1)) == 1)]   # "Sen. X", "W. Bush"
    if not tail.endswith(".") or breaks:
        return end      # `"A," X said. He then asked …`: the paragraph goes on after the attribution
    ns, ne = ctx.line(q.open)
    pl = ctx.prev_line(q.open)
    if pl is None or pl[0] != ctx.line(marked[k].open)[0] and pl[1] != le or text[ns:q.open].strip():
        return end
    if not q.closed or text[q.close + 1:ne].strip(" .,;:!?" + "".join(MARKS)):
        return end      # the next paragraph says more than the quote (an attribution, a new sentence)
    if j + 1 < len(marked) and marked[j + 1].open < ne:
        return end
    used.add(j)
    return _trimmed(text, q.start, q.end)[1]


def _previous_subject(ctx: _Ctx, open_idx: int) -> tuple[str, Spk] | None:
    """`Clinton touted her record. "We need …"`: the named subject of the sentence before the
    quote, in the same paragraph, speaks."""
    ls, _ = ctx.line(open_idx)
    if not ctx.text[ls:open_idx].strip():
        return None
    tok = ctx.tok_at(max(ls, open_idx - 2))
    if tok is None:
        return None
    prev_sent = tok.sent
    if prev_sent.start_char >= open_idx or prev_sent.start_char < ls:
        return None
    root = prev_sent.root
    if ctx.in_quote(root.idx):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not _namelike(ctx, subj):
        return None
    spk = _speaker_from_token(ctx, subj)
    if spk is None or (spk.type not in ("PERSON", None) and spk.pronoun is None):
        return None
    return root.text, spk


def _partial(ctx: _Ctx, marked: list[Marked], k: int, used: set[int]) -> Attr | None:
    """A fragment inside reported speech: the whole attributed clause is the content."""
    m = marked[k]
    text = ctx.text
    tok = ctx.tok_at(m.start)
    if tok is None:
        return None
    sent = tok.sent
    ls, le = ctx.line(m.open)
    s_start, s_end = max(sent.start_char, ls), min(sent.end_char, le)
    # fragments of the same sentence belong to the same statement
    last = k
    while last + 1 < len(marked) and marked[last + 1].close < s_end:
        last += 1
    frag_end = marked[last].close + 1 if marked[last].closed else marked[last].end
    found_v = _verb_above(ctx, tok, sent)
    v = found_v[0] if found_v else None
    if found_v is not None and v.idx < m.open:
        cstart, cend = _clause_after(v, tok, s_end, frag_end)
        return _partial_attr(ctx, marked, k, used, cstart, cend, v.text, found_v[1])
    # attribution after the fragments: `… the "main culprit" …, he added.`
    if marked[last].closed:
        found = _attr_right(ctx, marked[last].close + 1, s_end, ended=False)
        if found:
            spk = found[1]
            cend = frag_end
            if spk.start > frag_end:    # `… anywhere, he added`: the clause runs up to the source
                cend = max(frag_end, min(spk.start, _attr_start(ctx, frag_end, spk.start)))
            return _partial_attr(ctx, marked, k, used, s_start, cend, found[0], spk)
    acc = _according([t for t in sent if not t.is_space])
    if acc:
        spk = _speakerlike(_speaker_from_token(ctx, acc[1]))
        if spk:
            a_start = acc[0].idx
            if a_start <= s_start + 1:                       # "According to X, …"
                cstart = _tok_end(acc[1].right_edge if acc[1].right_edge.i < sent.end else acc[1])
                return _partial_attr(ctx, marked, k, used, cstart, max(s_end, frag_end), "according to", spk)
            cend = a_start if a_start > frag_end else max(s_end, frag_end)
            return _partial_attr(ctx, marked, k, used, s_start, cend, "according to", spk)
    par = _parenthetical(ctx, sent)
    if par is not None:     # "Perhaps, he said, this "small town has grown too fast.""
        return _partial_attr(ctx, marked, k, used, s_start, max(s_end, frag_end), par[0].text, par[1])
    if found_v is not None:
        return _partial_attr(ctx, marked, k, used, s_start, max(s_end, frag_end), v.text, found_v[1])
    if PARTIAL_ANY_VERB:   # "Clinton supports "appropriate pay raises"": a stated position
        for a in tok.ancestors:
            if a.i < sent.start or a.i >= sent.end or ctx.in_quote(a.idx):
                break
            subj = next((c for c in a.children if c.dep_ == "nsubj"), None) if a.pos_ in ("VERB", "AUX") else None
            if subj is None:
                continue
            if a.dep_ not in ("ROOT", "conj"):
                break       # "described Ban sitting "glumly …"": Ban does not speak
            spk = _speaker_from_token(ctx, subj)
            if spk is None or (spk.ref is None and spk.pronoun not in ("he", "she", "they")) \
                    or a.idx > m.open:
                break
            cstart, cend = _clause_after(a, tok, s_end, frag_end)
            return _partial_attr(ctx, marked, k, used, cstart, cend, a.text, spk)
    return None


def _parenthetical(ctx: _Ctx, sent: Span) -> tuple[Token, Spk] | None:
    """A parenthetical attribution set off by commas inside the sentence: `…, he said, …`."""
    doc = sent.doc
    for t in sent:
        if not _is_cue_verb(t) or _lemma(t) in R.QUOTE_WEAK_VERBS or ctx.in_quote(t.idx):
            continue
        if t.i + 1 >= sent.end or doc[t.i + 1].text != ",":
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
        if subj is None or subj.left_edge.i <= sent.start or doc[subj.left_edge.i - 1].text != ",":
            continue
        if any(u.pos_ in ("VERB", "AUX") for u in doc[subj.right_edge.i + 1:t.i]):
            continue
        spk = _speaker_from_token(ctx, subj)
        if spk is not None and (spk.ref is not None or spk.pronoun in ("he", "she", "they") or spk.type):
            return t, spk
    return None


def _clause_after(v: Token, tok: Token, s_end: int, frag_end: int) -> tuple[int, int]:
    """Content of verb v that holds `tok`: the subtree of v's child on the path to tok."""
    path = [a for a in [tok, *tok.ancestors] if a.head.i == v.i and a.i != v.i]
    cstart = max(path[0].left_edge.idx if path else _tok_end(v), _tok_end(v))
    cend = max(_tok_end(path[0].right_edge) if path else s_end, frag_end)
    return cstart, min(cend, max(s_end, frag_end))


def _partial_attr(ctx: _Ctx, marked: list[Marked], k: int, used: set[int], cstart: int, cend: int,
                  cue: str, spk: Spk) -> Attr | None:
    """Build the partial quote [cstart, cend) and absorb the fragments it contains."""
    text = ctx.text
    cstart, cend = _trimmed(text, cstart, cend)
    while cstart < cend and text[cstart] in ",;: ":
        cstart += 1
    while cend > cstart and text[cend - 1] in ".":
        cend -= 1
    m = marked[k]
    if not (cstart <= m.open and m.close <= cend) and m.closed:
        cstart, cend = min(cstart, m.open), max(cend, m.close + 1)
    # `… "kept us safe" on Twitter before claiming that …`: a new reporting verb starts a new statement
    frag_end = m.close + 1 if m.closed else m.end
    for t in ctx.tokens(frag_end, cend):
        if _is_cue_verb(t) and not ctx.in_quote(t.idx) and t.idx > frag_end:
            cut = t.idx
            prev = ctx.doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.idx >= frag_end and (prev.pos_ in ("ADP", "SCONJ", "CCONJ") or prev.is_punct):
                cut = prev.idx
            cend = _trimmed(text, cstart, cut)[1]
            break
    for j in range(k + 1, len(marked)):
        if marked[j].open >= cend:
            break
        if marked[j].close < cend:
            used.add(j)
    return Attr("partial", cstart, cend, cue, spk)


def _is_direct_position(ctx: _Ctx, m: Marked) -> bool:
    """The quote opens its sentence, or follows `:`/`,`/a dash/a reporting verb."""
    sent_start = _sentence_start(ctx, m.open)
    before = ctx.text[sent_start:m.open].rstrip().rstrip(_CF).rstrip()
    if not before:
        return True
    if before[-1] in ":,(\u2014\u2013-":
        return True
    prev = ctx.tok_at(sent_start + len(before) - 1)
    return prev is not None and _is_cue_verb(prev) and _lemma(prev) not in R.QUOTE_WEAK_VERBS


def _pull_quotes(ctx: _Ctx) -> list[Attr]:
    """Statement paragraphs credited with a bare name and title, no verb and no marks."""
    out = []
    text = ctx.text
    for ls, le in ctx.lines:
        line = text[ls:le].rstrip()
        if len(line.split()) < 10 or ctx.skip(ls) or line[-1] in _END_PUNCT + ":\"”’)" or \
                any(c in MARKS - {"'", "\u2019"} for c in line):
            continue
        found = _pull_credit(ctx, ls, ls + len(line))
        if found:
            out.append(found)
    return out


def _pull_credit(ctx: _Ctx, ls: int, le: int) -> Attr | None:
    """Split 'statement … Name Title…' into content and speaker name."""
    text = ctx.text
    tail_words = text[ls:le].split()[-14:]
    tail_start = le - len(" ".join(tail_words))
    # (a) "…from the US Mahmud TahHamas representative in Lebanon": name glued to the title
    for g in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])", text[tail_start:le]):
        cut = tail_start + g.start()
        title_part = text[cut:le].split()
        if not any(w.lower() in R.QUOTE_TITLES for w in title_part[:6]):
            continue
        name_words = []
        pos = cut
        for w in reversed(text[ls:cut].split()[-3:]):
            if not (w[:1].isupper() and not w.isupper()):
                break
            name_words.insert(0, w)
        if len(name_words) < 2:
            continue
        name = " ".join(name_words)
        n_start = text.rfind(name, ls, pos)
        if n_start < 0:
            continue
        return _pull_attr(ctx, ls, n_start, n_start, cut, name)
    # (b) "…of this information. John Kirby Coordinator for Strategic Communications …"
    for m in re.finditer(r"[.!?]\s+", text[ls:le]):
        c_end = ls + m.start() + 1
        tail = text[ls + m.end():le]
        words = tail.split()
        if not 2 <= len(words) <= 20:
            continue
        k = next((i for i, w in enumerate(words) if w.lower().strip(",") in R.QUOTE_TITLES), None)
        if k is None or not 2 <= k <= 4 or not all(w[:1].isupper() for w in words[:k]):
            continue
        toks = ctx.tokens(ls + m.end(), le)
        if any(t.pos_ in ("VERB", "AUX") and t.text[:1].islower() for t in toks):
            continue
        name = " ".join(words[:k])
        n_start = ls + m.end()
        return _pull_attr(ctx, ls, c_end, n_start, n_start + len(name), name)
    return None


def _pull_attr(ctx: _Ctx, cstart: int, cend: int, n_start: int, n_end: int, name: str) -> Attr | None:
    cstart, cend = _trimmed(ctx.text, cstart, cend)
    if len(ctx.text[cstart:cend].split()) < 8:
        return None
    m = ctx.mention_over(n_start, n_end)
    ref = (m["start"], m["end"]) if m and m["start"] >= n_start and m["end"] <= n_end else (n_start, n_end)
    return Attr("pull", cstart, cend, None, Spk(n_start, n_end, name=strip_titles(name), type="PERSON", ref=ref))


def _indirect(ctx: _Ctx, taken: list[tuple[int, int]]) -> list[Attr]:
    """`X said (that) …` and `According to X, …` in sentences with no quote."""
    out = []
    text = ctx.text
    for sent in ctx.doc.sents:
        s, e = sent.start_char, sent.end_char
        if ctx.skip(s) or any(a < e and s < b for a, b in taken) or any(c in MARKS - {"'", "\u2019"} for c in sent.text):
            continue
        toks = [t for t in sent if not t.is_space]
        acc = _according(toks[:3])
        if acc:
            spk = _speakerlike(_speaker_from_token(ctx, acc[1]))
            comma = next((t for t in toks if t.text == "," and t.i > acc[1].i), None)
            if spk and comma is not None:
                cs, ce = _trimmed(text, _tok_end(comma), e)
                ce = ce - 1 if text[ce - 1:ce] == "." else ce
                if ce - cs > 10:
                    out.append(Attr("indirect", cs, ce, "according to", spk))
                continue
        for v in toks:
            if not _is_cue_verb(v) or _lemma(v) in R.QUOTE_WEAK_VERBS:
                continue
            comp = [c for c in v.rights if c.dep_ == "ccomp"]
            subj_tok = _subject_token(v)
            if not comp and subj_tok is not None and subj_tok.i > v.i - 3:
                # "Revenge was Iran's duty, Khamenei said.": the clause comes first
                comp = [c for c in v.lefts if c.dep_ == "ccomp" and c.right_edge.i < subj_tok.i]
            if not comp:
                continue
            spk = _source_of_verb(ctx, v)
            if spk is None:
                continue
            c = comp[0]
            cs, ce = _trimmed(text, c.left_edge.idx, _tok_end(c.right_edge))
            ce = ce - 1 if text[ce - 1:ce] == "." else ce
            if ce - cs > 10 and not (spk.start < ce and cs < spk.end):
                out.append(Attr("indirect", cs, ce, v.text, spk))
                break
    return out


# ---------------------------------------------------------------- speaker resolution


@dataclass
class _Cand:
    pos: int
    name: str
    type: str | None
    ref: tuple[int, int] | None
    subject: bool
    head: str = ""
    speaker: bool = False


def _candidates(ctx: _Ctx) -> list[_Cand]:
    """Named mentions outside quotes, as antecedents."""
    out = []
    for m in ctx.mentions:
        if ctx.in_quote(m["start"]) or ctx.skip(m["start"]):
            continue
        t = ctx.tok_at(m["start"])
        subj = False
        if t is not None:
            span = ctx.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is not None and len(span):
                root = span.root
                subj = root.dep_ in ("nsubj", "nsubjpass") or (
                    root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))
        name = strip_titles(str(m.get("name") or m.get("text") or ""), m.get("type") or m.get("label"))
        out.append(_Cand(m["start"], name, m.get("type") or m.get("label"), (m["start"], m["end"]), subj,
                         (str(m.get("text") or name).split() or [""])[-1].lower()))
    return out


def _pick(cands: list[_Cand], pos: int, types: tuple[str, ...], line_floor: int,
          speakers_first: bool = False) -> _Cand | None:
    """Most recent compatible candidate; subjects and speakers of recent lines first
    (for it/they: earlier speakers of recent lines before any other mention)."""
    n = bisect.bisect_left(cands, pos, key=lambda c: c.pos)
    before = [cands[j] for j in range(n - 1, max(-1, n - 400), -1)]      # nearest first
    if speakers_first:
        for c in before:
            if c.pos < line_floor:
                break
            if c.speaker and (c.type in types or c.type == "MEDIA"):
                return c
    fallback = None
    for c in before:
        if pos - c.pos > ANTECEDENT_CHARS:
            break
        ok = c.type in types or (c.type is None and "PERSON" in types)
        if c.type == "MEDIA" and "ORG" in types:
            ok = True
        if not ok:
            continue
        if c.subject and c.pos >= line_floor:
            return c
        if fallback is None:
            fallback = c
    return fallback


_HEAD_ABBREV = {"senator": ("sen",), "governor": ("gov",), "congressman": ("rep",), "congresswoman": ("rep",),
                "president": ("pres",), "secretary": ("sec",)}


def _title_before(text: str, pos: int) -> str:
    """The words right before a name that can be its title ("Texas Sen. Ted "), up to a clause
    boundary: `in Indiana, Cruz` gives nothing."""
    before = text[max(0, pos - 45):pos]
    cut = 0
    for b in re.finditer(r"[,;:!?\"\u201c\u201d()\n]|\.(?=\s)", before):
        word = re.findall(r"\w+", before[:b.start()])[-1:]
        if b.group() == "." and word and word[0].lower() in R.QUOTE_TITLES | {w.rstrip(".") for w in R.QUOTE_TITLES}:
            continue    # "Sen. Ted Cruz"
        if b.group() == "." and word and len(word[0]) == 1:
            continue    # "George W. Bush"
        cut = b.end()
    return before[cut:]


def _epithet_ref(ctx: _Ctx, cands: list[_Cand], spk: Spk) -> _Cand | None:
    """`Texas Sen. Ted Cruz … "…," the Texas senator said`: the recent person whose name the text
    has already given the epithet's head noun as a title ("Sen. Ted Cruz", "Indiana Gov. Mike
    Pence") or in an apposition ("Rick Perry, the former governor,"), with the epithet's capitalised
    words ("Texas", "Republican") among those title words. A person in the epithet's own sentence
    is someone else ("after meeting Obama, the senator said"). Nobody compatible: the epithet stays
    unresolved (a wrong name is worse than a description)."""
    tok = ctx.tok_at(spk.start)
    if tok is None:
        return None
    text = ctx.text
    sent_start = tok.sent.start_char
    words = text[spk.start:spk.end].split()[1:]
    caps = {w.strip(".,").lower() for w in words[:-1] if w[:1].isupper()}
    head = (spk.head or "").lower()
    heads = {head, *_HEAD_ABBREV.get(head, ())}
    n = bisect.bisect_left(cands, sent_start, key=lambda c: c.pos)
    best, best_score = None, 0
    seen = set()
    for c in (cands[j] for j in range(n - 1, max(-1, n - 200), -1)):
        if spk.start - c.pos > ANTECEDENT_CHARS:
            break
        if c.type != "PERSON" or c.ref is None or not c.name or c.name in seen:
            continue
        seen.add(c.name)
        key = c.name if len(c.name.split()) > 1 else c.name.split()[-1]
        score = 0
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", text[:sent_start]):
            before = re.findall(r"[\w'\-]+", _title_before(text, m.start()))[-5:]
            low = [w.lower() for w in before]
            # the head noun in title position: "Texas Sen. Ted Cruz", "Republican nominee Donald Trump"
            k = max((i for i, w in enumerate(low) if w in heads), default=None)
            near = set(low)
            ok = k is not None and all(w[:1].isupper() for w in before[k + 1:])
            after = text[m.end():m.end() + 60]
            if not ok and after[:2] == ", ":         # "Rick Perry, the former governor,"
                app = re.findall(r"[\w'\-]+", re.split(r"[,.;:]", after[2:])[0].lower())[:6]
                ok = bool(heads & set(app))
                near |= set(app)
            if ok and (not caps or caps & near):
                score = max(score, 1)
        if score > best_score:
            best, best_score = c, score
    return best


def _earlier_modified(ctx: _Ctx, spk: Spk) -> str | None:
    """'the ministry' -> 'foreign ministry' when the text said 'the foreign ministry' before."""
    first = ctx.tok_at(spk.start)
    if first is None:
        return None
    lo = max(0, first.i - 600)
    for t in reversed(ctx.doc[lo:first.i]):
        if _lemma(t) == spk.head and t.pos_ in ("NOUN", "PROPN"):
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")]
            if mods:
                return ctx.text[mods[0].idx:_tok_end(t)]
    return None


def _resolve(ctx: _Ctx, attrs: list[Attr]) -> list[dict]:
    """Name every speaker in document order and build the output rows."""
    cands = _candidates(ctx)
    rows = []
    for a in attrs:
        spk = a.spk
        name = ref = None
        if spk is not None:
            if spk.pronoun is not None:
                types = R.QUOTE_PRONOUNS.get(spk.pronoun)
                if types:
                    pl = ctx.prev_line(spk.start)
                    pl2 = ctx.prev_line(pl[0]) if pl else None
                    floor = (pl2 or pl or ctx.line(spk.start))[0]
                    c = _pick(cands, spk.start, types, floor, speakers_first="PERSON" not in types)
                    if c is not None:
                        name, ref = c.name, c.ref
            elif spk.head and not spk.ref:
                n = bisect.bisect_left(cands, spk.start, key=lambda c: c.pos)
                c = next((c for c in (cands[j] for j in range(n - 1, max(-1, n - 200), -1)) if c.head == spk.head
                          and spk.start - c.pos < ANTECEDENT_CHARS), None)
                if c is None and spk.epithet:
                    c = _epithet_ref(ctx, cands, spk)
                if c is None and spk.head in R.QUOTE_ANAPHORIC_ORG_NOUNS:
                    # "the company said": the organisation named just before
                    c = _pick(cands, spk.start, ("ORG",), ctx.line(spk.start)[0])
                name, ref = (c.name, c.ref) if c else (_earlier_modified(ctx, spk) or spk.name, None)
            else:
                name, ref = spk.name, spk.ref
            if name and not a.inherit and spk.pronoun is None:
                bisect.insort(cands, _Cand(spk.start, name, spk.type, ref, True, (spk.head or name.split()[-1]).lower(),
                                           speaker=True), key=lambda c: c.pos)
            elif name and spk.pronoun is not None and not a.inherit:
                src = next((c for c in cands if c.ref == ref), None)
                bisect.insort(cands, _Cand(spk.start, name, src.type if src else None, ref, True,
                                           src.head if src else "", speaker=True), key=lambda c: c.pos)
        if name:
            name = _strip_det(name.strip())
        rows.append({
            "text": ctx.text[a.start:a.end], "kind": a.kind, "start": a.start, "end": a.end,
            "speaker": name or None,
            "speaker_start": spk.start if spk else None, "speaker_end": spk.end if spk else None,
            "speaker_ref_start": ref[0] if ref else None, "speaker_ref_end": ref[1] if ref else None,
            "cue": a.cue,
        })
    return rows


# ---------------------------------------------------------------- entry point


def extract_quotes(doc: Doc, mentions: list[dict], skip: Callable[[int], bool] = lambda off: False) -> list[dict]:
    """Quotes of one parsed article.

    Returns one dict per quote: `text`, `kind` (direct/partial/pull/indirect), `start`, `end`
    (content offsets, `doc.text[start:end] == text`), `speaker` (display name or None),
    `speaker_start`/`speaker_end` (the mention the attribution hangs on), `speaker_ref_start`/
    `speaker_ref_end` (the named mention it resolves to) and `cue` (reporting verb or "according to").
    """
    ctx = _Ctx(doc, mentions or [], skip)
    text = ctx.text
    marked = [m for m in find_marked(text)
              if not skip(m.open) and not skip(m.start) and not _is_nickname(text, m)]
    ctx.set_quoted([(m.start, m.end) for m in marked])
    attrs: list[Attr] = []
    used: set[int] = set()
    prev: Attr | None = None
    for k, m in enumerate(marked):
        if k in used:
            continue
        if _is_direct_position(ctx, m):
            a = _direct(ctx, marked, k, used, prev)
        elif _is_title(text, m):
            continue
        else:
            a = _partial(ctx, marked, k, used)
        if a is None or a.end <= a.start:
            continue
        if a.spk is None and (not KEEP_UNATTRIBUTED or len(text[a.start:a.end].split()) < UNATTRIBUTED_MIN_WORDS):
            continue    # no speaker: a title, a slogan, scare quotes, or a speaker we cannot find
        attrs.append(a)
        prev = a
    taken = [(a.start, a.end) for a in attrs] + [(m.open, m.close + 1) for m in marked]
    pulls = [p for p in _pull_quotes(ctx) if not any(s < p.end and p.start < e for s, e in taken)]
    attrs += pulls
    taken += [(p.start, p.end) for p in pulls]
    attrs += _indirect(ctx, taken)
    attrs.sort(key=lambda a: (a.start, a.end))
    rows = _resolve(ctx, attrs)
    return [r for r in rows if text[r["start"]:r["end"]] == r["text"] and r["text"]]
