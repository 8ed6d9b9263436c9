"""The briefing pack: one self-contained HTML file of a view (filters), readable offline and on paper.

No script, no request outside the file: charts are SVG images inlined as data URIs (an SVG in an
<img> runs nothing), styles are inline, every piece of corpus text goes through `html.escape`,
and links are kept only when they are http(s) URLs. Pure: corpus and filters in, HTML out.
"""
from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

import pandas as pd

from . import network, query, timeline
from .charts import timeline_table, timeline_figure
from .corpus import Corpus
from .filters import Filters, export_name, to_params
from .network_figure import network_figure

TOP_QUOTES = 15
NETWORK_ACTORS = 40
KEY_EVENTS = 20
QUOTE_CHARS = 400
SAFE_SCHEMES = ("http://", "https://")


@dataclass
class Pack:
    """The pack's HTML and what went into it (for the caller's summary line)."""
    html: str
    quotes: int = 0
    events: int = 0
    sources: int = 0
    notes: list[str] = field(default_factory=list)


def e(value) -> str:
    """Escaped text; missing values become an empty string."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def link(url, text) -> str:
    """An <a> for http(s) URLs only; anything else (javascript:, data:) is shown as text."""
    if isinstance(url, str) and url.strip().lower().startswith(SAFE_SCHEMES):
        return f'<a href="{e(url.strip())}">{e(text)}</a>'
    return e(text)


def view_url(app_url: str, f: Filters, names: dict[str, str], page: str = "timeline") -> str:
    """The app URL that reopens this view (the filters live in the query string)."""
    query_string = urlencode(to_params(f, names), doseq=True)
    return f"{app_url.rstrip('/')}/{page}" + (f"?{query_string}" if query_string else "")


def file_name(f: Filters, names: dict[str, str]) -> str:
    """`dossier-briefing-ali-khamenei-2023-10-01_2024-07-31.html`: the name says what the file shows."""
    return export_name("briefing", f, names) + ".html"


def image(svg: bytes | None, alt: str, note: str | None) -> str:
    """A chart as an inline data-URI image, or one line saying why it is missing."""
    if svg is None:
        return f'<p class="note">{e(alt)}: not drawn, {e(note)}.</p>'
    data = base64.b64encode(svg).decode("ascii")
    return f'<figure><img alt="{e(alt)}" src="data:image/svg+xml;base64,{data}"></figure>'


def top_quotes(c: Corpus, f: Filters, n: int = TOP_QUOTES) -> pd.DataFrame:
    """The quotes most widely reported (then the earliest), attributed ones first."""
    q = query.quote_table(c, f)
    if q.empty:
        return q
    q = q.assign(attributed=q.speaker != "(unattributed)")
    q = q.sort_values(["attributed", "reports", "date"], ascending=[False, False, True], na_position="last")
    return q.drop_duplicates("group_id").head(n)


def key_events(c: Corpus, f: Filters, n: int = KEY_EVENTS) -> pd.DataFrame:
    """Statements with their own date (not only the publication date), one per sentence, by date."""
    ev = query.filter_events(c, f)
    own = ev[ev.date_source != "publication"]
    ev = (own if len(own) else ev).assign(n_actors=lambda x: x.actor_ids.map(len))
    ev = ev.drop_duplicates("sentence").sort_values(["n_actors", "date"], ascending=[False, True]).head(n)
    return ev.sort_values("date")


def _when(d0, d1) -> str:
    return str(d0) if d0 == d1 or pd.isna(d1) else f"{d0} – {d1}"


def build(c: Corpus, f: Filters, app_url: str, render=None, missing: list[str] = ()) -> Pack:
    """The pack of view `f`. `render(fig) -> (svg | None, note)` draws charts (None: no images).

    `missing`: actor names asked for that the corpus does not know, said in the pack."""
    names = c.names
    render = render or (lambda fig: (None, "no chart renderer was asked for"))
    docs = query.filter_documents(c, f)
    pub = pd.to_datetime(docs.published, errors="coerce").dropna()
    span = f"{pub.min().date()} to {pub.max().date()}" if len(pub) else "no dated articles"
    view = f.describe(names)
    notes: list[str] = []
    parts = [f"<h1>Briefing: {e(view)}</h1>",
             f'<p class="meta">{e(c.source_note())} · {len(docs):,} articles in this view, published {e(span)} · '
             f"pack made {date.today().isoformat()}</p>",
             f'<p class="meta">Reopen this view in Dossier: {link(view_url(app_url, f, names), view_url(app_url, f, names))}</p>']
    if missing:
        parts.append(f'<p class="note">No actor called {e(", ".join(missing))} in this corpus: left out of the filters.</p>')

    plot = timeline.plot_data(c, f, 12)
    parts.append("<h2>Timeline</h2>")
    if plot.marks.empty:
        parts.append('<p class="note">No dated statements match these filters.</p>')
    else:
        fig = timeline_figure(timeline_table(plot.marks), list(dict.fromkeys(plot.marks.lane)),
                              "Dated statements by actor", view, c.source_note(), plot.view)
        svg, why = render(fig)
        notes += [why] if why else []
        parts.append(image(svg, "Timeline of dated statements by actor", why))

    net = network.network_view(c, f, top_n=NETWORK_ACTORS)
    parts.append("<h2>Actor network</h2>")
    if net.edges.empty:
        parts.append('<p class="note">No links between actors match these filters.</p>')
    else:
        sub = f"{len(net.nodes)} actors, {len(net.edges)} links (weight ≥ {net.min_weight}) · {view}"
        svg, why = render(network_figure(net.nodes, net.edges, "Who appears with whom", sub, c.source_note()))
        notes += [why] if why and why not in notes else []
        parts.append(image(svg, "Actor network", why))

    cited: dict[str, None] = {}
    quotes = top_quotes(c, f)
    parts.append(f"<h2>Top quotes ({len(quotes)})</h2>")
    if quotes.empty:
        parts.append('<p class="note">No quotes match these filters.</p>')
    else:
        rows = []
        for r in quotes.itertuples():
            cited[r.doc_id] = None
            text = r.quote if len(str(r.quote)) <= QUOTE_CHARS else str(r.quote)[:QUOTE_CHARS] + "…"
            rows.append(f"<tr><td>{e(r.speaker)}</td><td class=\"when\">{e(r.date)}</td><td>{e(r.outlet)}</td>"
                        f"<td class=\"quote\">“{e(text)}”<br><span class=\"kind\">{e(r.kind)}"
                        f"{f' · reported {r.reports} times' if r.reports > 1 else ''}</span></td>"
                        f"<td>[{list(cited).index(r.doc_id) + 1}]</td></tr>")
        parts.append("<table><thead><tr><th>Speaker</th><th>Date</th><th>Outlet</th><th>Quote</th>"
                     "<th>Article</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")

    events = key_events(c, f)
    parts.append(f"<h2>Key dated events ({len(events)})</h2>")
    if events.empty:
        parts.append('<p class="note">No dated statements match these filters.</p>')
    else:
        rows = []
        for r in events.itertuples():
            cited[r.doc_id] = None
            who = ", ".join(names.get(a, a) for a in list(r.actor_ids)[:6])
            rows.append(f"<tr><td class=\"when\">{e(_when(r.date, r.date_end))}</td><td>{e(str(r.sentence).strip())}"
                        f"<br><span class=\"kind\">{e(who)}</span></td><td>[{list(cited).index(r.doc_id) + 1}]</td></tr>")
        parts.append("<table><thead><tr><th>When</th><th>Statement</th><th>Article</th></tr></thead><tbody>"
                     + "".join(rows) + "</tbody></table>")

    parts.append(f"<h2>Sources ({len(cited)})</h2><ol class=\"sources\">")
    by = c.by_doc
    for doc_id in cited:
        d = by.loc[doc_id]
        title = d.get("title") if isinstance(d.get("title"), str) and d.get("title") else d.get("label")
        bits = [e(x) for x in (d.get("outlet"), d.get("published")) if x is not None and not pd.isna(x)]
        url = d.get("url") if isinstance(d.get("url"), str) else None
        where = f'<br><span class="url">{e(url)}</span>' if url else ""
        parts.append(f"<li>{link(url, title)}{' · ' + ' · '.join(bits) if bits else ''}{where}</li>")
    parts.append("</ol>")
    return Pack(page(f"Dossier briefing: {view}", "\n".join(parts)), len(quotes), len(events), len(cited), notes)


CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1F2933;max-width:1100px;
margin:24px auto;padding:0 20px;line-height:1.45;font-size:14px}
h1{font-size:24px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #D9DEE3;padding-bottom:4px}
.meta{color:#52606D;margin:2px 0}.note{color:#7B8794;font-style:italic}.kind,.url{color:#7B8794;font-size:12px}
figure{margin:8px 0}figure img{width:100%;height:auto;border:1px solid #EEF1F4}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #E4E7EB;padding:5px 6px;
text-align:left;vertical-align:top}th{background:#F4F6F8}.quote{max-width:560px}.when{white-space:nowrap}
.sources li{margin:3px 0}a{color:#0072B2}.url{word-break:break-all}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}tr,li,figure{break-inside:avoid}
figure img{max-height:105mm;width:auto;max-width:100%;display:block;margin:0 auto}
a{color:inherit;text-decoration:none}}
"""


def page(title: str, body: str) -> str:
    """A complete HTML document; the CSP forbids scripts and every outside request."""
    csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n")
