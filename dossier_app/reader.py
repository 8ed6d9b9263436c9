"""The article reader: article text as safe HTML, one span highlighted and actor mentions underlined.

Every character of article text is escaped; the only markup is our own <mark> and <u>;
line breaks are kept by `white-space: pre-wrap`.
The result goes to `st.html` (sanitised again by Streamlit), never to an iframe.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from .palette import QUOTE_BG, TIME_BG, TYPE_COLORS, TYPE_LABELS, type_color

TEXT_FONT = "Inter,'Source Sans Pro','Helvetica Neue',Arial,sans-serif"     # the charts' font
STYLE = (f"<style>.dossier-reader{{font-family:{TEXT_FONT};font-size:16px;line-height:1.6;color:#1f2933;"
         f"max-width:46em;white-space:pre-wrap}}.dossier-reader mark{{background:{QUOTE_BG};padding:0 2px}}"
         ".dossier-reader u{text-decoration-color:#1f2933;text-decoration-thickness:2px;"
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


# ------------------------------------------------------------------ the reader page

KINDS = {"actor": "Actors", "time": "Dates", "quote": "Quotes"}
_TYPE_CLASS = re.compile(r"[A-Z_]{1,20}")
LAYER_STYLE = (
    f"<style>.dossier-annotated{{font-family:{TEXT_FONT};font-size:16px;line-height:1.75;color:#1f2933;"
    "white-space:pre-wrap;max-width:46em}"
    f".dossier-annotated .quote{{background:{QUOTE_BG}}}"
    f".dossier-annotated .time{{background:{TIME_BG};border-bottom:2px dotted #52606D}}"
    f".dossier-annotated .actor{{border-bottom:3px solid {type_color(None)};font-weight:600}}"
    # actors underlined in their type's colour: the app's one palette
    + "".join(f".dossier-annotated .actor.t-{t}{{border-bottom-color:{c}}}" for t, c in TYPE_COLORS.items()) +
    ".dossier-legend span{display:inline-block;margin-right:14px;padding:0 6px;font-size:13px}"
    f".dossier-legend .quote{{background:{QUOTE_BG}}}.dossier-legend .time{{background:{TIME_BG};"
    "border-bottom:2px dotted #52606D}.dossier-legend .actor{border-bottom:3px solid;font-weight:600}</style>")


def type_class(actor_type) -> str:
    """The CSS class of an actor type: `t-PERSON`…, only for plain upper-case codes ('' otherwise)."""
    return f"t-{actor_type}" if isinstance(actor_type, str) and _TYPE_CLASS.fullmatch(actor_type) else ""


def legend_html(show: set[str], types: set | None = None) -> str:
    """The key to the highlights that are switched on; the actor `types` present, in the type
    palette's order and colours (types outside it as one "Other actor")."""
    types = [t for t in TYPE_COLORS if t in (types or ())] + (["OTHER"] if set(types or ()) - set(TYPE_COLORS) else [])
    items = []
    for k, label in KINDS.items():
        if k not in show:
            continue
        if k == "actor" and types:
            items += [f'<span class="actor" style="border-bottom-color:{type_color(t)}">'
                      f'{html.escape(TYPE_LABELS.get(t, "Other actor"))}</span>' for t in types]
        else:
            items.append(f'<span class="{k}">{html.escape(label)}</span>')
    return LAYER_STYLE + '<div class="dossier-legend">' + "".join(items) + "</div>"


def annotated_html(text: str, spans: list[tuple[int, int, str, str]], show: set[str],
                   anchors: dict[int, list[str]] | None = None) -> str:
    """The text with spans (start, end, kind, tooltip[, actor type]) highlighted, displaCy-style.

    The text is cut at every span edge and each piece is one flat <span> carrying the classes of
    every layer over it, so overlapping layers never break the nesting. `anchors` {offset: ids}
    mark where quotes and dated statements start, for the lists beside the text to link to."""
    spans = [s for s in spans if s[2] in show and 0 <= s[0] < s[1] <= len(text)]
    starts = {o: ids for o, ids in (anchors or {}).items() if 0 <= o <= len(text)}
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans), *starts})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        over = [s for s in spans if s[0] <= a and b <= s[1]]
        parts.extend(f'<a id="{html.escape(i, quote=True)}"></a>' for i in starts.get(a, []))
        piece = html.escape(text[a:b])
        if over:
            kinds = sorted({s[2] for s in over} | {type_class(s[4]) for s in over if len(s) > 4} - {""})
            tip = html.escape(" · ".join(dict.fromkeys(s[3] for s in over if s[3])), quote=True)
            parts.append(f'<span class="{" ".join(kinds)}" title="{tip}">{piece}</span>')
        else:
            parts.append(piece)
    return LAYER_STYLE + '<div class="dossier-annotated">' + "".join(parts) + "</div>"


def snippet(text, limit: int = 120) -> str:
    """`text` cut at a word boundary with "…" when longer than `limit` (never mid-word)."""
    s = " ".join(str(text).split())
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0]
    return (cut or s[:limit]) + "…"


def anchor_list_html(items: list[tuple[str, str, str]]) -> str:
    """Links (anchor id, head, text) that scroll the reader to a quote or statement; one per
    distinct (head, text), so a sentence dated twice is listed once."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for i, head, body in items:
        if (head, body) in seen:
            continue
        seen.add((head, body))
        rows.append(f'<li><a href="#{html.escape(i, quote=True)}"><b>{html.escape(head)}</b></a> '
                    f'{html.escape(snippet(body))}</li>')
    return ('<ul style="padding-left:1.1em;font-size:14px;line-height:1.45">' + "".join(rows) + "</ul>"
            if rows else "")
