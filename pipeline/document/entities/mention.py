"""The working record of one candidate mention, and how its text reads (display name, next word)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..nlp import text_of


@dataclass
class Mention:
    """A candidate actor mention while its document is processed (`extract_mentions` returns dicts)."""
    toks: list[Token]                 # the cleaned span (possibly two NER spans joined)
    label: str                        # spaCy's label
    type: str
    name: str
    start: int = 0
    end: int = 0
    role: str | None = None
    strong: bool = False              # type set by a rule, not NER
    linked: bool = False              # name taken from another mention in the document
    parts: list = field(default_factory=list)   # fragments: runs of tokens between verbs


def tokens_text(m: Mention) -> str:
    """The mention's text from its tokens: a gap between joined spans (a nickname) is dropped."""
    doc = m.toks[0].doc
    if all(b.i == a.i + 1 for a, b in zip(m.toks, m.toks[1:])):
        return text_of(doc)[m.start:m.end]
    parts, prev = [], None
    for t in m.toks:
        if prev is not None and t.i != prev.i + 1:
            parts.append(" ")
        elif prev is not None:
            parts.append(prev.whitespace_)
        parts.append(t.text)
        prev = t
    text = "".join(parts)
    hi = m.toks[-1].idx + len(m.toks[-1].text)
    return text[: len(text) - (hi - m.end)] if m.end < hi else text


def display(toks_text: str, typ: str) -> str:
    """Display name: single spaces; particles inside person names lower-case ("Khalil al-Hayya")."""
    name = re.sub(r"\s+", " ", toks_text).strip()
    name = re.sub(r"['\u2019]s$", "", name)
    if typ in ("PERSON", "GPE") and name.isupper() and len(name) > 5:
        name = name.title()                           # a dateline's "WASHINGTON"
    if typ == "PERSON":
        words = name.split(" ")
        for i in range(1, len(words)):
            p = re.match(r"^(Al|El)-", words[i])
            if p:
                words[i] = p.group(1).lower() + words[i][len(p.group(1)):]
        name = " ".join(words)
    return name


def next_word(m: Mention) -> str:
    """The lower-case word after the mention (past a possessive or hyphen) on the same line, else ""."""
    doc, k = m.toks[-1].doc, m.toks[-1].i + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text in ("'s", "\u2019s", "'", "\u2019", "-"):
        k += 1
    return doc[k].lower_ if k < len(doc) and "\n" not in m.toks[-1].whitespace_ else ""
