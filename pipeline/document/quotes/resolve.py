"""Speaker resolution: name every attributed statement's speaker, in document order.

Pronouns go to the most recent compatible speaker or actor, definite descriptions ("the ministry")
to an earlier mention with the same head noun, epithets ("the Texas senator") to the person the
text already gave that title ("Texas Sen. Ted Cruz"); otherwise they stay descriptions.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ... import resources as R
from ...names import strip_titles
from .context import Ctx, lemma, tok_end
from .records import Attr, Spk
from .speakers import strip_det

# How far back (characters) an antecedent may lie.
ANTECEDENT_CHARS = 3000


def resolve(ctx: Ctx, attrs: list[Attr]) -> list[dict]:
    """Name every speaker in document order and build the output rows (one dict per statement)."""
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
            # a resolved speaker is an antecedent for the pronouns that follow
            if name and not a.inherit and spk.pronoun is None:
                bisect.insort(cands, _Cand(spk.start, name, spk.type, ref, True, (spk.head or name.split()[-1]).lower(),
                                           speaker=True), key=lambda c: c.pos)
            elif name and spk.pronoun is not None and not a.inherit:
                src = next((c for c in cands if c.ref == ref), None)
                bisect.insort(cands, _Cand(spk.start, name, src.type if src else None, ref, True,
                                           src.head if src else "", speaker=True), key=lambda c: c.pos)
        if name:
            name = strip_det(name.strip())
        rows.append({
            "text": ctx.text[a.start:a.end], "kind": a.kind, "start": a.start, "end": a.end,
            "speaker": name or None,
            "speaker_start": spk.start if spk else None, "speaker_end": spk.end if spk else None,
            "speaker_ref_start": ref[0] if ref else None, "speaker_ref_end": ref[1] if ref else None,
            "cue": a.cue,
        })
    return rows


@dataclass
class _Cand:
    """An antecedent: a named mention outside quotes, or a speaker already resolved."""
    pos: int
    name: str
    type: str | None
    ref: tuple[int, int] | None
    subject: bool
    head: str = ""
    speaker: bool = False


def _candidates(ctx: Ctx) -> list[_Cand]:
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


def _epithet_ref(ctx: Ctx, cands: list[_Cand], spk: Spk) -> _Cand | None:
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
    heads = {head, *(a for a, titles in R.TITLE_ABBREVIATIONS.items() if head in titles)}
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


def _title_before(text: str, pos: int) -> str:
    """The words right before a name that can be its title ("Texas Sen. Ted "), up to a clause
    boundary: `in Indiana, Cruz` gives nothing."""
    before = text[max(0, pos - 45):pos]
    cut = 0
    for b in re.finditer(r"[,;:!?\"\u201c\u201d()\n]|\.(?=\s)", before):
        word = re.findall(r"\w+", before[:b.start()])[-1:]
        if b.group() == "." and word and word[0].lower() in R.TITLE_ABBREVIATIONS:
            continue    # "Sen. Ted Cruz"
        if b.group() == "." and word and len(word[0]) == 1:
            continue    # "George W. Bush"
        cut = b.end()
    return before[cut:]


def _earlier_modified(ctx: Ctx, spk: Spk) -> str | None:
    """'the ministry' -> 'foreign ministry' when the text said 'the foreign ministry' before."""
    first = ctx.tok_at(spk.start)
    if first is None:
        return None
    lo = max(0, first.i - 600)
    for t in reversed(ctx.doc[lo:first.i]):
        if lemma(t) == spk.head and t.pos_ in ("NOUN", "PROPN"):
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")]
            if mods:
                return ctx.text[mods[0].idx:tok_end(t)]
    return None
