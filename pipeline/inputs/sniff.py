"""What a file really is, and its text: types sniffed from content, encodings detected.

Byte-order marks decide first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
charset-normalizer's best guess; Latin-1 guesses are read as Windows-1252 so that curly quotes
from Word and old Windows exports come out as quotes, not control characters.
"""
from __future__ import annotations

import codecs
import re

from .. import resources as R

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article)\b",
                        re.I | re.S)
SNIFF_BYTES = 4096


def binary_kind(data: bytes) -> str | None:
    """'a PDF document', 'a zip archive', … for known non-text types; None when it may be text."""
    for magic, kind in R.BINARY_SIGNATURES.items():
        if data.startswith(magic):
            return kind
    return None


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in BOMS)


def looks_like_html(data: bytes) -> bool:
    """An HTML page by its opening tags (after any BOM, XML prolog or comments)."""
    head = data[:SNIFF_BYTES]
    for bom, enc in BOMS:
        if head.startswith(bom):
            head = head.decode(enc, errors="ignore").encode("utf-8")
            break
    return bool(HTML_START.match(head))


def decode(data: bytes) -> str:
    """The text of a file; ValueError (with the reason) for binary data or an unknown encoding."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise ValueError(f"starts with a {enc.upper()} byte-order mark but is not {enc.upper()} "
                                 f"(byte {e.start})") from None
    kind = binary_kind(data)
    if kind:
        raise ValueError(f"binary file ({kind}), not text")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("binary file or unknown encoding: not readable as text")
    for m in matches:   # a tie among code pages goes to Windows-1252, by far the most common one
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence - 0.05:
            return data.decode("cp1252")
    if best.encoding in ("latin_1", "iso8859_1", "iso8859_15") or _has_c1(data, best.encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _has_c1(data: bytes, enc: str) -> bool:
    """Would `enc` turn bytes 0x80-0x9F into invisible C1 controls (cp1252 reads them as quotes)?"""
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return True
    return any("\x80" <= c <= "\x9f" for c in text)
