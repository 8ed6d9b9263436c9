"""Attribution search: where a quote's cue and speaker are, relative to the quote.

After it (`"…," he said`), before it (`X said: "…"`), in the sentence or paragraph leading into it,
in the parse above a fragment, or in a parenthetical (`Perhaps, he said, this "…"`).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ... import resources as R
from ...names import strip_titles
from .context import Ctx, lemma, tok_end
from .cues import according, cue_text, has_own_content, is_cue_verb, np_near, source_of_verb, subject_token
from .marks import CF, MARKS
from .records import Spk
from .speakers import kind_of_noun, namelike, speaker_from_token, speakerlike

# Search window sizes, in tokens.
RIGHT_WINDOW = 14
LEFT_WINDOW = 12


def attr_right(ctx: Ctx, after: int, limit: int, ended: bool,
               question: bool = False) -> tuple[str, Spk, int] | None:
    """`"…," he said` / `"…," said X` / `"…," according to X`: cue, speaker, end of the attribution."""
    toks = []
    for t in ctx.tokens(after, limit):
        if t.text in ".!?;" or set(t.text) <= MARKS or "\n" in t.text:
            break
        toks.append(t)
        if len(toks) >= RIGHT_WINDOW + 10:
            break
    acc = according(toks[:4])
    if acc:
        spk = speakerlike(speaker_from_token(ctx, acc[1]))
        if spk:
            return "according to", spk, max(spk.end, tok_end(acc[1]))
    for k, t in enumerate(toks):
        # after a quote its content is the quote: "…," he continued / the suit reads / Hannity pressed
        weak = lemma(t) in R.QUOTE_OBJECT_VERBS and not (lemma(t) == "ask" and question)
        cue = is_cue_verb(t) or (t.pos_ == "VERB" and lemma(t) in R.QUOTE_AFTER_VERBS)
        if cue and not weak:
            if ended and k > RIGHT_WINDOW:
                return None
            if has_own_content(t, after, strict=ended):
                return None
            spk = source_of_verb(ctx, t, toks, k)
            if spk is None:
                return None
            return cue_text(t), spk, max(spk.end, tok_end(t))
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "xcomp"):
            return None
        if k >= RIGHT_WINDOW + 8:
            return None
    return None


def attr_left(ctx: Ctx, sent_start: int, open_idx: int) -> tuple[str, Spk] | None:
    """`X said: "…"` / `X told reporters, "…"` / `according to X, "…"` / `as saying "…"`."""
    toks = [t for t in ctx.tokens(sent_start, open_idx) if not t.is_space and not set(t.text) <= MARKS]
    toks = toks[-LEFT_WINDOW:]
    if not toks:
        return None
    acc = according(toks)
    if toks[-1].text == ":" and len(toks) > 1:
        credit = _colon_credit(ctx, toks)
        if credit is not None:
            return None, credit
    inside = ctx.tok_at(open_idx + 1)
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if is_cue_verb(t):
            governs = inside is not None and (t in inside.ancestors or inside.head.i == t.i)
            governs = governs or t.head.idx > open_idx      # parsed as a clause of the quote
            if not governs and t.dep_ not in ("ROOT", "conj", "parataxis") and t.tag_ != "VBG":
                continue    # "after Brown criticized Clinton, Hillary shot back, "…""
            spk = source_of_verb(ctx, t, None)
            if spk is None:
                subj = np_near(ctx, toks, k, after=False)
                spk = speaker_from_token(ctx, subj) if subj is not None else None
            if spk:
                return cue_text(t), spk
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
            subj = subject_token(root)
        if subj is not None and subj.idx >= sent_start and namelike(ctx, subj):
            spk = speaker_from_token(ctx, subj)
            if spk is not None:
                return root.text, spk
    if acc:
        spk = speakerlike(speaker_from_token(ctx, acc[1]))
        if spk:
            return "according to", spk
    return None


def lead_in(ctx: Ctx, open_idx: int) -> tuple[str, Spk] | None:
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
        if is_cue_verb(t) and not ctx.in_quote(t.idx):
            if any(c.dep_ in ("ccomp", "dobj") and c.idx > t.idx for c in t.children) \
                    and lemma(t) not in R.QUOTE_LEAD_IN_OBJECT_VERBS:
                return None
            spk = source_of_verb(ctx, t, toks, k)
            return (t.text, spk) if spk else None
    return None


def previous_subject(ctx: Ctx, open_idx: int) -> tuple[str, Spk] | None:
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
    if subj is None or not namelike(ctx, subj):
        return None
    spk = speaker_from_token(ctx, subj)
    if spk is None or (spk.type not in ("PERSON", None) and spk.pronoun is None):
        return None
    return root.text, spk


def previous_paragraph_source(ctx: Ctx, open_idx: int) -> tuple[str, Spk] | None:
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
        if is_cue_verb(t) and not ctx.in_quote(t.idx) and lemma(t) not in R.QUOTE_WEAK_VERBS:
            spk = source_of_verb(ctx, t)
            if spk is not None and (spk.pronoun in R.QUOTE_PERSON_PRONOUNS or spk.type in ("PERSON", None) and spk.ref):
                return cue_text(t), spk
    return None


def verb_above(ctx: Ctx, tok: Token, sent: Span) -> tuple[Token, Spk] | None:
    """Nearest reporting verb above `tok` in the parse, outside quotes, that has a source."""
    plain = None
    for a in tok.ancestors:
        if a.i < sent.start or a.i >= sent.end:
            break
        if is_cue_verb(a) and not ctx.in_quote(a.idx):
            if a.tag_ == "VB" and a.dep_ in ("xcomp", "ccomp", "advcl"):
                continue    # "expects Obama to announce an "intensification"": not a speech act
            spk = source_of_verb(ctx, a)
            if spk is not None and (spk.ref or spk.pronoun or spk.type):
                return a, spk
            if spk is not None and plain is None:
                plain = (a, spk)      # "the platform should reiterate" inside "X said that …"
    return plain


def parenthetical(ctx: Ctx, sent: Span) -> tuple[Token, Spk] | None:
    """A parenthetical attribution set off by commas inside the sentence: `…, he said, …`."""
    doc = sent.doc
    for t in sent:
        if not is_cue_verb(t) or lemma(t) in R.QUOTE_WEAK_VERBS or ctx.in_quote(t.idx):
            continue
        if t.i + 1 >= sent.end or doc[t.i + 1].text != ",":
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
        if subj is None or subj.left_edge.i <= sent.start or doc[subj.left_edge.i - 1].text != ",":
            continue
        if any(u.pos_ in ("VERB", "AUX") for u in doc[subj.right_edge.i + 1:t.i]):
            continue
        spk = speaker_from_token(ctx, subj)
        if spk is not None and (spk.ref is not None or spk.pronoun in R.QUOTE_PEOPLE_PRONOUNS or spk.type):
            return t, spk
    return None


def attr_start(ctx: Ctx, after: int, spk_start: int) -> int:
    """Where the attribution clause begins between a fragment and its speaker: the last comma,
    or the reporting verb of `…, said X`."""
    seg = ctx.text[after:spk_start]
    comma = seg.rfind(",")
    if comma >= 0:
        return after + comma
    for t in ctx.tokens(after, spk_start):
        if is_cue_verb(t):
            return t.idx
    return spk_start


def sentence_start(ctx: Ctx, off: int) -> int:
    """Start of the sentence holding `off`, within its line (simple punctuation rule)."""
    ls, _ = ctx.line(off)
    seg = ctx.text[ls:off]
    best = ls
    for m in re.finditer(r"[.!?][\"\u201d\u2019')]*\s+[" + CF + r"]*(?=[\"\u201c\u2018\u00ab'A-Z(]|$)", seg):
        if not ctx.in_quote(ls + m.start()) or m.end() >= len(seg):
            best = ls + m.end()
    return best


def _colon_credit(ctx: Ctx, toks: list[Token]) -> Spk | None:
    """`… - Carl Bialik: "…"` / `more from the report: "…"`: a bare name before the colon."""
    j = len(toks) - 2
    run = []
    while j >= 0 and (toks[j].pos_ == "PROPN" or toks[j].text in ("and", ".") and run) and len(run) < 6:
        run.insert(0, toks[j])
        j -= 1
    before = toks[j] if j >= 0 else None
    if run and run[0].pos_ == "PROPN" and (before is None or before.text in R.QUOTE_CREDIT_INTRODUCERS):
        s, e = run[0].idx, tok_end(run[-1])
        m = ctx.mention_over(s, e)
        typ = (m.get("type") or m.get("label")) if m else (run[-1].ent_type_ or "PERSON")
        name = strip_titles(ctx.text[s:e], typ)
        return Spk(s, e, name=name, type=typ, ref=(m["start"], m["end"]) if m else (s, e))
    if before is not None and before.lower_ == "from" and toks[-2].pos_ == "NOUN" and kind_of_noun(toks[-2]):
        return speaker_from_token(ctx, toks[-2])     # "more from the report:"
    return None
