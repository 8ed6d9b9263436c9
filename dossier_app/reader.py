"""The article reader: article text as safe HTML, one span highlighted and actor mentions underlined.

Every character of article text is escaped; the only markup is our own <mark> and <u>;
line breaks are kept by `white-space: pre-wrap`.
The result goes to `st.html` (sanitised again by Streamlit), never to an iframe.
"""
from __future__ import annotations

import html

import pandas as pd

STYLE = ("<style>.dossier-reader{font-family:Georgia,serif;font-size:16px;line-height:1.6;color:#1f2933;"
         "max-width:46em;white-space:pre-wrap}.dossier-reader mark{background:#fff3bf;padding:0 2px}"
         ".dossier-reader u{text-decoration-color:#0072B2;text-decoration-thickness:2px;"
         "text-underline-offset:3px}</style>")


def _marks(length: int, highlight: tuple[int, int] | None, mentions: pd.DataFrame,
           names: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, tag) boundaries, closing tags before opening ones at the same offset."""
    out: list[tuple[int, int, str]] = []
    if highlight:
        s, e = max(0, int(highlight[0])), min(length, int(highlight[1]))
        if s < e:
            out += [(s, 1, "<mark>"), (e, 0, "</mark>")]
    for m in mentions.itertuples():
        s, e = int(m.start), int(m.end)
        if 0 <= s < e <= length:
            title = html.escape(names.get(m.actor_id, ""), quote=True)
            out += [(s, 2, f'<u title="{title}">'), (e, 0, "</u>")]
    return [(o, t) for o, _, t in sorted(out, key=lambda x: (x[0], x[1]))]


def article_html(text: str, highlight: tuple[int, int] | None = None,
                 mentions: pd.DataFrame | None = None, names: dict[str, str] | None = None) -> str:
    """Paragraphs of escaped text with the highlighted span and underlined mentions."""
    mentions = mentions if mentions is not None else pd.DataFrame(columns=["start", "end", "actor_id"])
    # an underline crossing the highlight edge would break nesting: drop those underlines
    if highlight:
        hs, he = highlight
        crossing = ((mentions.start < hs) & (mentions.end > hs)) | ((mentions.start < he) & (mentions.end > he))
        mentions = mentions[~crossing]
    marks = _marks(len(text), highlight, mentions, names or {})
    parts, pos, open_tags = [], 0, []
    for off, tag in marks:
        parts.append(html.escape(text[pos:off]))
        pos = off
        if tag.startswith("</"):
            # close in LIFO order so tags always nest
            while open_tags:
                t = open_tags.pop()
                parts.append(f"</{t}>")
                if f"</{t}>" == tag:
                    break
        else:
            open_tags.append(tag[1:].split(" ", 1)[0].rstrip(">"))
            parts.append(tag)
    parts.append(html.escape(text[pos:]))
    parts.extend(f"</{t}>" for t in reversed(open_tags))
    return STYLE + '<div class="dossier-reader">' + "".join(parts) + "</div>"
