"""Saved web pages: the article body and its metadata, extracted with trafilatura.

Navigation, cookie banners, related links, comments and footers are left out; the page's
scripts, `on*` attributes and links never reach the text (trafilatura returns plain text). The
title, publication date, site name (our `outlet`) and canonical URL come from the page's own
metadata (JSON-LD, `og:`/`article:` tags, `<time>`) when it has them.
"""
from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from datetime import date

from .publication import parse_date, plausible

MIN_WORDS = 25          # less than this is a teaser or an empty shell, not an article


@dataclass
class Page:
    """What a page holds: its article text and metadata (any of them may be missing)."""
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


class NoArticle(ValueError):
    """The page has no extractable article."""


def gunzip(data: bytes, limit: int) -> bytes:
    """The content of a `.html.gz` file, refusing more than `limit` bytes once unpacked."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
        out = f.read(limit + 1)
    if len(out) > limit:
        raise ValueError(f"unpacks to more than {limit / 1e6:.0f} MB")
    return out


def extract(html: str) -> Page:
    """The article of one page; raises NoArticle when there is none to speak of."""
    import trafilatura          # imported on the first page only: it is slow to import

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_links=False, include_images=False,
                                      favor_precision=True)   # no deduplicate: its cache spans pages
    if doc is None:
        raise NoArticle("no article found in the page (navigation, teasers or an empty shell only)")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise NoArticle(f"the page's article text has {len(text.split())} words, fewer than {MIN_WORDS}: "
                        "a teaser or an index page, not an article")
    title = _clean(meta.get("title"))
    if title and text.startswith(title):        # trafilatura repeats the headline as the first line
        text = text[len(title):].lstrip()
    return Page(text=text, title=title, outlet=_clean(meta.get("sitename")), url=_clean(meta.get("url")),
                published=plausible(parse_date(meta["date"])) if meta.get("date") else None)


def _clean(v) -> str | None:
    v = str(v).strip() if v is not None else ""
    return v or None
