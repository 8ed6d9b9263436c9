"""Speakers as quotes use them: display names without titles (`pipeline.names.strip_titles`), and the
speaker mention a token heads."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources as R
from ...names import strip_titles, title_word
from .context import Ctx, lemma, tok_end
from .records import Spk


def speaker_from_token(ctx: Ctx, tok: Token, subject: bool = True) -> Spk | None:
    """The speaker mention headed by `tok` (a subject, an object of 'quoted', a pobj of 'according to')."""
    text = ctx.text
    if ctx.in_quote(tok.idx) or tok.ent_type_ in ("DATE", "TIME"):
        return None     # "Saturday at the convention Warren said": a date never speaks
    # "Lynch, who told Congress": the relative pronoun stands for the noun it modifies
    if tok.lower_ in R.QUOTE_RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        tok = tok.head.head
    # "the coordinator ..., John Kirby, stated": the apposed name is the speaker
    if tok.pos_ != "PROPN":
        appos = [c for c in tok.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i - tok.i < 20]
        persons = [c for c in appos if c.ent_type_ == "PERSON"]
        if persons or appos:
            tok = (persons or appos)[-1]
    # "Iran's statement said" / "the ministry's statement": the possessor speaks
    if lemma(tok) in R.QUOTE_STATEMENT_NOUNS:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                tok = c
                break
    # "Iran's Ambassador to Russia Kazem Jalali": the name inside the title phrase
    if title_word(tok.text):
        names = [t for t in tok.subtree if t.i > tok.i and t.pos_ == "PROPN" and (
            t.ent_type_ == "PERSON" or (ctx.mention_over(t.idx, tok_end(t)) or {}).get("type") == "PERSON")]
        if names:
            tok = names[-1]
    low = tok.lower_
    if low in R.QUOTE_QUANTIFIERS:     # "one of those advisers", "some of the protesters"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        kind = kind_of_noun(pobj) if pobj is not None and pobj.pos_ == "NOUN" else None
        if kind in ("PERSON", "GROUP"):
            s, e = tok.idx, tok_end(pobj)
            return Spk(s, e, name=text[s:e], type="PERSON" if low == "one" else "GROUP", subject=subject)
    if tok.pos_ == "PRON" or low in R.QUOTE_PRONOUNS or low in R.QUOTE_UNNAMED_PRONOUNS:
        if low not in R.QUOTE_PRONOUNS and low not in R.QUOTE_UNNAMED_PRONOUNS:
            return None   # "who", "this", "everyone": not a speaker we can name
        return Spk(tok.idx, tok_end(tok), pronoun=low, subject=subject)
    m = ctx.mention_over(tok.idx, tok_end(tok))
    if tok.pos_ == "PROPN" or (m and m["start"] <= tok.idx and tok_end(tok) <= m["end"]):
        return _named_speaker(ctx, tok, m, subject)
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("ADV", "ADJ", "X")):
        return None
    return _noun_phrase_speaker(ctx, tok, m, subject)


def strip_det(words: str) -> str:
    """Drop a leading article ("the ministry" -> "ministry")."""
    for det in R.QUOTE_ARTICLES:
        for form in (det, det.capitalize()):
            if words.startswith(form + " "):
                return words[len(form) + 1:]
    return words


def kind_of_noun(t: Token) -> str | None:
    """MEDIA, ORG, PERSON or GROUP for a common noun that can speak ("ministry", "protesters")."""
    low = lemma(t)
    if low in R.QUOTE_MEDIA_NOUNS:
        return "MEDIA"
    if low in R.QUOTE_ORG_NOUNS:
        return "ORG"
    if low.rstrip(".") in R.TITLES or low in R.QUOTE_PERSON_NOUNS:
        return "PERSON"
    if low in R.QUOTE_GROUP_NOUNS:
        return "GROUP"
    if low in R.QUOTE_DOCUMENT_NOUNS:
        return "MEDIA"
    return None


def namelike(ctx: Ctx, tok: Token) -> bool:
    """A person-like subject: he/she, a proper noun or a PERSON mention."""
    if tok.lower_ in R.QUOTE_PERSON_PRONOUNS:
        return True
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        return True
    m = ctx.mention_over(tok.idx, tok_end(tok))
    return bool(m and (m.get("type") or m.get("label")) == "PERSON")


def speakerlike(spk: Spk | None) -> Spk | None:
    """Keep a source only when it names someone ("according to Shiite tradition" does not)."""
    if spk is None or (spk.type is None and spk.pronoun is None and spk.ref is None):
        return None
    return spk


def title_abbrev(word: str) -> bool:
    """A title abbreviation before a name ("Sen.", "Gov.", "Dr.")."""
    return word.lower().rstrip(".") in R.TITLE_ABBREVIATIONS


def _named_speaker(ctx: Ctx, tok: Token, m: dict | None, subject: bool) -> Spk:
    """A proper noun or a token inside a mention: the mention, else the run of proper nouns."""
    text = ctx.text
    if m and m["start"] <= tok.idx < m["end"]:
        typ = m.get("type") or m.get("label")
        name = strip_titles(str(m.get("name") or m.get("text") or ""), typ)
        if tok.pos_ != "PROPN" and kind_of_noun(tok):
            typ = kind_of_noun(tok) if typ not in ("ORG", "PERSON") else typ
        return Spk(m["start"], m["end"], name=name, type=typ, ref=(m["start"], m["end"]), subject=subject)
    left = tok
    while left.i > 0 and tok.doc[left.i - 1].pos_ == "PROPN" and tok.doc[left.i - 1].dep_ in (
            "compound", "flat", "nmod", "punct") and not ctx.in_quote(tok.doc[left.i - 1].idx):
        left = tok.doc[left.i - 1]
    s, e = left.idx, tok_end(tok)
    typ = tok.ent_type_ or ("ORG" if kind_of_noun(tok) in ("ORG", "MEDIA") else "PERSON")
    name = strip_titles(text[s:e], typ)
    return Spk(s, e, name=name, type=typ, ref=(s, e), subject=subject)


def _noun_phrase_speaker(ctx: Ctx, tok: Token, m: dict | None, subject: bool) -> Spk:
    """A common-noun phrase: "the board", "Iran's state TV", "a source close to the framework"."""
    text = ctx.text
    low = tok.lower_
    left = tok.left_edge
    right = tok
    if low in R.QUOTE_GENERIC_HEADS:
        for c in tok.rights:
            if c.dep_ in ("prep", "amod") and c.right_edge.i - tok.i <= 8:
                right = c.right_edge
    s, e = left.idx, tok_end(right)
    phrase = text[s:e]
    typ = kind_of_noun(tok)
    if m and m["start"] <= tok.idx < m["end"]:   # "the Foreign Ministry" as an ORG mention
        return Spk(s, e, name=strip_titles(str(m.get("name") or m.get("text") or ""), m.get("type") or typ), type=m.get("type") or typ,
                   ref=(m["start"], m["end"]), subject=subject)
    name = strip_det(phrase)
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if poss and any(t.pos_ == "PROPN" for t in tok.doc[poss[0].right_edge.i + 1:tok.i + 1]):
        name = text[tok_end(poss[0].right_edge) + (2 if text[tok_end(poss[0].right_edge):][:2] in ("'s", "’s") else 0):e].strip()
    definite = left.lower_ == "the" and tok.i - left.i <= 2
    # "the Texas senator": a person named before, described by a role (resolved in resolve.py)
    epithet = left.lower_ == "the" and lemma(tok) in R.QUOTE_EPITHET_NOUNS and not poss \
        and not any(t.lower_ in R.QUOTE_NOT_EPITHET_WORDS for t in tok.doc[left.i:tok.i]) \
        and right.i - left.i <= 8 and not any(t.ent_type_ == "PERSON" for t in tok.doc[left.i:right.i + 1])
    return Spk(s, e, name=name, type=typ or ("PERSON" if epithet else None),
               head=lemma(tok) if definite or epithet else None, subject=subject, epithet=epithet)
