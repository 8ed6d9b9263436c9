"""Stable short ids: the one hashing helper behind document, actor, event, quote and widget ids."""
from __future__ import annotations

import hashlib


def short_hash(text: str, length: int = 16) -> str:
    """The first `length` hex digits of the SHA-1 of `text` (lone surrogates kept, never an error)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]
