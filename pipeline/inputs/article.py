"""Plain records passed between stages. Stages are pure functions over these and spaCy Docs."""
from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from ..ids import short_hash
from ..spool import Spool

# Roles of the lines (blocks) of a cleaned article. Only "body" (and "lead") lines carry events
# and quotes; the others are kept in the text so offsets stay honest but are skipped by stages.
ROLES = ("headline", "caption", "byline", "dateline", "boilerplate", "body")


@dataclass
class Block:
    """One line of the cleaned text: `text[start:end]`, with its role."""
    start: int
    end: int
    role: str


@dataclass
class RawArticle:
    """One input record as read from disk, before cleaning."""
    path: str                      # input file, plus "#n" when a file held several records
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None  # from metadata (sidecar, JSONL or CSV field)


@dataclass
class Article:
    """A cleaned article: the text every offset points into, and what we know about it."""
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    date_source: str = "none"      # metadata | header | dateline | text | similar | none
    dates: dict[str, date] = field(default_factory=dict)   # candidates by source, see publication.settle
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # what cleaning removed, for the overview

    @property
    def doc_id(self) -> str:
        """Stable id: a hash of the cleaned text."""
        return doc_id_for(self.text)


def doc_id_for(text: str) -> str:
    return short_hash(text)


class PackedArticles(Sequence):
    """Articles kept pickled in a temporary file until read: a build holds every article it will
    parse for the whole parse, and 17,574 Reuters articles take 117 MB as objects, 22 MB pickled,
    none of the build's memory spooled. Each read unpacks a fresh copy."""

    def __init__(self, articles: list[Article] | None = None) -> None:
        self._spool = Spool()
        for a in articles or []:
            self.append(a)

    def append(self, article: Article) -> None:
        self._spool.append(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))

    def __len__(self) -> int:
        return len(self._spool)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self[j] for j in range(start, stop, step)]
            return [pickle.loads(b) for b in self._spool.read(start, stop)]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return pickle.loads(self._spool.read(i, i + 1)[0])
