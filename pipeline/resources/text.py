"""Ingest and clean: site furniture, captions, headers, datelines, date lines, input files."""
from __future__ import annotations

import re  # noqa: F401


# ---------------------------------------------------------------- ingest / clean
# Whole lines that are site furniture, not article text (matched case-insensitively, full line).
BOILERPLATE_LINES = [
    r"posted by",
    r"spread the love",
    r"click here to display content from .*",
    r"learn more in .*privacy policy\.?",
    r"also read:.*",
    r"read more:.*",
    r"translate\s*>>",
    r"verified by monsterinsights",
    r"tt",
    r"[\s,.;:|\-–—]*",            # lines of punctuation only (", ,")
    r"share( this)?( article)?:?",
    r"advertisement",
    r"subscribe.*newsletter.*",
    r"(photo|image|file photo)\s*:.*",
]
BOILERPLATE_RE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_LINES) + r")\s*$", re.I)

# A caption: a line ending in a parenthesised credit, "(File photo/Office of …)", "(Reuters)".
CAPTION_RE = re.compile(
    r"\((?:[^()]*\b(?:photo|file|image|afp|reuters|ap|getty|government|office|courtesy|handout|epa)\b[^()]*)\)\s*$",
    re.I,
)

# "date 2024-07-31 NYT: Headline" (scraper header)
HEADER_RE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<outlet>[^:\n]{1,40}):\s*(?P<title>.*)$", re.I)

# "Tehran, 5 November 2023 (WAI): …", "Tehran: …", "WASHINGTON (Reuters) - …",
# "ANCHORAGE, Alaska, Feb 26 - …" at the start of the first body paragraph: a place of one to three
# capitalised words, an optional region, an optional date (the year may be missing), an optional
# agency, then a colon or a dash.
_CAP_WORDS = r"[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2}"
DATELINE_RE = re.compile(
    rf"(?P<place>{_CAP_WORDS})"
    rf"(?:,\s*(?P<region>{_CAP_WORDS})(?=,))?"
    r"(?:,\s*(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{1,24})\))?\s*(?::|\s[-\u2013\u2014])\s"
)

# A line that is only a publication date, above the article body: "March 4, 2024",
# "Published: 4 March 2024, 10:32 GMT", "Updated Monday, March 4, 2024 at 9:15 a.m. ET".
DATE_LINE_PREFIXES = ("published on", "published", "first published", "posted on", "posted", "date",
                      "dated", "updated on", "updated", "last updated", "last modified", "modified")
UPDATED_PREFIXES = ("updated on", "updated", "last updated", "last modified", "modified")
DATE_LINE_PREFIX_RE = re.compile(
    r"^(?P<prefix>" + "|".join(sorted(map(re.escape, DATE_LINE_PREFIXES), key=len, reverse=True)) + r")\b\s*[:\-–—]?\s*",
    re.I)
DATE_LINE_TIME_RE = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+\-]\d{1,2}(?::?\d{2})?)?)?)\s*$",
    re.I)
DATE_LINE_MAX_CHARS = 60

# "By Jane Doe", "By Jane Doe and John Roe, Reuters"
BYLINE_RE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s*(?:,|and)\s*[^.!?]{0,60})?$")

# ---------------------------------------------------------------- input files
# Leading bytes of file types that are not articles (the type is sniffed, not taken from the name).
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive", b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-zip archive", b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"SQLite format 3": "an SQLite database",
    b"ID3": "an MP3 file", b"OggS": "an Ogg file", b"RIFF": "a RIFF (WAV/AVI/WebP) file",
    b"\x00\x00\x00\x18ftyp": "an MP4 file", b"\x00\x00\x00\x20ftyp": "an MP4 file",
}
# Characters with no visible form: zero-width marks and bidi controls (Trojan-Source tricks).
INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad"
