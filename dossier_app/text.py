"""Corpus text on its way into Streamlit elements that render Markdown (titles, captions, labels)."""
from __future__ import annotations

import re

# Markdown, Streamlit directives (":red[…]", ":material/…:") and HTML-ish characters.
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")


def md(value) -> str:
    """`value` as literal text inside Markdown: every special character backslash-escaped."""
    s = "" if value is None else str(value)
    return MD_SPECIAL.sub(r"\\\1", s.replace("\n", " "))
