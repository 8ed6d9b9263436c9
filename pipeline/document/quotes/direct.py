"""Direct quotes: a marked quote that opens its sentence or follows `said:` / `said,`.

The content is the inside of the marks. A split quote (`"A," X said. "B."`) is one quote whose
content runs from A to B, the attribution in the middle included (also `X said, noting …. "B."`
and a "B" that is the whole next paragraph).
"""
from __future__ import annotations

import re

from ... import resources as R
from .attribution import attr_left, attr_right, lead_in, previous_paragraph_source, previous_subject, sentence_start
from .context import Ctx, lemma
from .cues import is_cue_verb
from .marks import CF, END_PUNCT, MARK_CHARS, Marked, trimmed
from .records import Attr
from .speakers import title_abbrev


def direct(ctx: Ctx, marked: list[Marked], k: int, used: set[int], prev: Attr | None) -> Attr:
    """An attribution for the direct quote marked[k] (merging a split quote when found).

    Indices of the quotes merged into it are added to `used`; `prev` is the previous kept quote,
    whose speaker a continuing quote inherits. The speaker is None when none is found.
    """
    m = marked[k]
    text = ctx.text
    start, end = trimmed(text, m.start, m.end)
    ended = text[start:m.close].rstrip(" " + MARK_CHARS)[-1:] in END_PUNCT
    ls, _ = ctx.line(m.open)
    le = ctx.line(min(m.close, len(text) - 1))[1] if m.closed else ctx.line(m.open)[1]
    nxt = marked[k + 1] if k + 1 < len(marked) else None
    limit = min(le, nxt.open if nxt else le)
    question = text[start:m.close].rstrip(" " + MARK_CHARS)[-1:] == "?"
    found = attr_right(ctx, m.close + 1, limit, ended, question) if m.closed else None
    if found:
        cue, spk, _ = found
        end = _merge_following(ctx, marked, k, used, end, le)
        end = _merge_next_paragraph(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, cue, spk)
    sent_start = sentence_start(ctx, m.open)
    left = attr_left(ctx, sent_start, m.open) if text[sent_start:m.open].strip() else None
    if left:
        end = _merge_following(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, left[0], left[1])
    lead = lead_in(ctx, m.open)
    if lead:
        end = _merge_following(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, lead[0], lead[1])
    if prev is not None and prev.spk is not None and prev.kind in ("direct", "partial"):
        pl = ctx.prev_line(m.open)
        same_line = ctx.line(prev.start)[0] == ls
        # the previous quote ends its paragraph: `… said that "…".` then `"…"` continues it
        ends_line = pl is not None and pl[0] <= prev.end <= pl[1] and \
            not text[prev.end:pl[1]].strip(" .,;:!?" + MARK_CHARS)
        initial = not text[ls:m.open].strip()
        if same_line or (ends_line and initial):
            return Attr("direct", start, end, prev.cue, prev.spk, inherit=True)
    # `Clinton touted her record. "We need …"`: the subject before the quote speaks
    subj = previous_subject(ctx, m.open) or previous_paragraph_source(ctx, m.open)
    if subj:
        end = _merge_following(ctx, marked, k, used, end, le)
        return Attr("direct", start, end, subj[0], subj[1])
    return Attr("direct", start, end, None, None)


def is_direct_position(ctx: Ctx, m: Marked) -> bool:
    """The quote opens its sentence, or follows `:`/`,`/a dash/a reporting verb."""
    sent_start = sentence_start(ctx, m.open)
    before = ctx.text[sent_start:m.open].rstrip().rstrip(CF).rstrip()
    if not before:
        return True
    if before[-1] in ":,(\u2014\u2013-":
        return True
    prev = ctx.tok_at(sent_start + len(before) - 1)
    return prev is not None and is_cue_verb(prev) and lemma(prev) not in R.QUOTE_WEAK_VERBS


def _own_attribution(ctx: Ctx, marked: list[Marked], j: int, le: int) -> bool:
    """marked[j] has its own attribution right after it (`"B," he added`)."""
    q = marked[j]
    if not q.closed:
        return False
    limit = min(le, marked[j + 1].open if j + 1 < len(marked) else le)
    ended = ctx.text[q.start:q.close].rstrip(" " + MARK_CHARS)[-1:] in END_PUNCT
    return attr_right(ctx, q.close + 1, limit, ended) is not None


def _merge_following(ctx: Ctx, marked: list[Marked], k: int, used: set[int], end: int, le: int) -> int:
    """Extend a direct quote over the quotes that continue it in the same paragraph:
    `"A," X said. "B."` and `X said: "A." "B."` are one statement (the middle is kept in the text)."""
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
                    is_direct_position(ctx, q) or gap.rstrip().endswith(",")):
                break
        if _own_attribution(ctx, marked, j, le):
            break
        # `…," he told CBS, saying that people "are threatened"`: a new clause, not a continuation
        cues = [t for t in ctx.tokens(last_close + 1, q.open) if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl", "amod")]
        # `"A," X said, noting …. "B."`: a longer attribution sentence still sits between two parts
        if len(cues) > 1 and not _one_attribution_sentence(ctx, gap, last_close + 1, q.open):
            break
        used.add(j)
        end = trimmed(text, q.start, q.end)[1]
        last_close = q.close
        first = False
        j += 1
    return end


def _one_attribution_sentence(ctx: Ctx, gap: str, start: int, end: int) -> bool:
    """The text between two quote parts is one sentence that ends before the second part and has one
    speaker: `, Clark said, noting he would back anyone.` (not `, Ebeling said, and her husband cut in.`
    nor `, she said. Her husband shook his head.`)."""
    ends = [b for b in re.finditer(r"(\w*)[.!?](?=\s|$)", gap)
            if not (title_abbrev(b.group(1)) or len(b.group(1)) == 1)]
    if len(ends) != 1 or gap[ends[0].end():].strip():
        return False
    # speakers of coordinated attributions; "after Jones assured Trump" (a subordinate clause) is no second one
    subjects = [t for t in ctx.tokens(start, end) if t.dep_ in ("nsubj", "nsubjpass") and is_cue_verb(t.head)
                and start <= t.head.idx < end and t.head.dep_ in ("ROOT", "conj", "parataxis")]
    return len(subjects) <= 1


def _merge_next_paragraph(ctx: Ctx, marked: list[Marked], k: int, used: set[int], end: int, le: int) -> int:
    """`"A," X said.` then a paragraph that is one quote and nothing else: the statement goes on.
    Only when the attribution closes the first paragraph and the next quote has no attribution."""
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
              if not (title_abbrev(b.group(1)) or len(b.group(1)) == 1)]   # "Sen. X", "W. Bush"
    if not tail.endswith(".") or breaks:
        return end      # `"A," X said. He then asked …`: the paragraph goes on after the attribution
    ns, ne = ctx.line(q.open)
    pl = ctx.prev_line(q.open)
    if pl is None or pl[0] != ctx.line(marked[k].open)[0] and pl[1] != le or text[ns:q.open].strip():
        return end
    if not q.closed or text[q.close + 1:ne].strip(" .,;:!?" + MARK_CHARS):
        return end      # the next paragraph says more than the quote (an attribution, a new sentence)
    if j + 1 < len(marked) and marked[j + 1].open < ne:
        return end
    used.add(j)
    return trimmed(text, q.start, q.end)[1]
