"""Per-document work: one cleaned Article and its spaCy Doc -> plain rows. Runs in worker processes.

Nothing here looks at other documents; corpus-wide steps (duplicates, similar dates, actor
merging, linking) run afterwards in `pipeline.corpus.link` on the collected results.
"""
from __future__ import annotations

import bisect
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc

from . import dates, entities, quotes
from ..inputs import publication
from ..inputs.article import Article

SKIP_ROLES = {"headline", "caption", "byline", "dateline", "boilerplate"}
# Headlines state dates as plainly as the body ("… on Saturday"); captions and datelines do not.
DATE_SKIP_ROLES = SKIP_ROLES - {"headline"}


@dataclass
class DocResult:
    """Everything the per-document stages found in one article."""
    article: Article
    n_words: int = 0
    mentions: list[dict] = field(default_factory=list)
    timexes: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    lead: tuple[int, int] | None = None
    errors: list[str] = field(default_factory=list)


def skipper(article: Article, roles: set[str] = SKIP_ROLES):
    """`skip(offset)`: True inside headline, caption, byline, dateline and boilerplate lines."""
    spans = sorted((b.start, b.end) for b in article.blocks if b.role in roles)
    starts = [s for s, _ in spans]

    def skip(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]
    return skip


def lead_span(article: Article, doc: Doc, skip: Callable[[int], bool]) -> tuple[int, int] | None:
    """The first body sentence (the lead), else the headline: what the publication event shows.

    The lead, not the headline, so the event carries the actors the article is about (headline
    mentions are skipped as unreliable).
    """
    for s in doc.sents:
        body = s.text.rstrip()
        if body.strip() and not skip(s.start_char + len(body) - 1):   # a dateline prefix is fine
            return s.start_char, s.start_char + len(body)
    for b in article.blocks:
        if b.role == "headline":
            return b.start, b.end
    return None


def _stage(result: DocResult, name: str, fn, default):
    """Run one stage; a crash is recorded against the document and the other stages go on."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - a bad document must never stop the build
        tb = traceback.extract_tb(e.__traceback__)[-1]
        result.errors.append(f"{name} stage failed: {type(e).__name__}: {e} "
                             f"({tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})")
        return default


def process(article: Article, doc: Doc) -> DocResult:
    """All per-document stages over one parsed article."""
    res = DocResult(article=article, n_words=int(doc.to_array([IS_ALPHA]).sum()) if len(doc) else 0)
    skip = skipper(article)
    res.mentions = _stage(res, "entities", lambda: entities.extract_mentions(doc, skip), [])
    res.timexes = _stage(res, "dates", lambda: dates.find_timexes(doc, skipper(article, DATE_SKIP_ROLES)), [])
    if article.published is None:
        found: date | None = _stage(res, "dates", lambda: dates.publication_from_text(doc, res.timexes, skip), None)
        if found:
            article.dates["text"] = found
            article.published, article.date_source = publication.settle(article.dates)
    res.quotes = _stage(res, "quotes", lambda: quotes.extract_quotes(doc, res.mentions, skip), [])
    res.lead = lead_span(article, doc, skip)
    return res
