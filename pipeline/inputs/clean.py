"""Clean: raw scraped text -> one or more Articles with line roles and the dates the text declares.

What it does, in order:
- normalises line breaks, spaces and invisible characters;
- joins hard-wrapped lines back into paragraphs (plain-text exports, e-mails, text copied from PDFs);
- reads a scraper header (`date 2024-07-31 NYT: Headline`) into date, outlet and title;
- splits files that hold several glued articles (a headline repeated within a few lines, or a
  second header, starts a new article);
- drops boilerplate lines, repeated captions and duplicate paragraphs;
- labels every kept line (headline, caption, byline, dateline, body) so later stages skip
  what is not article body;
- reads a dateline (`Tehran, 5 November 2023 (WAI): …`).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from dataclasses import dataclass

from .. import resources as R
from .article import Article, Block, RawArticle
from .ingest import InputError
from .publication import parse_date, settle

INVISIBLE = dict.fromkeys(map(ord, R.INVISIBLE_CHARS), None)
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\u3000"), " ")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")    # C0 and C1 controls (not \t, \n)
TERMINAL = tuple('.!?:;"\u201d\u2019\u00bb)…')
REPEAT_WINDOW = 12          # a headline repeated within this many lines starts an article
MAX_TITLE_WORDS = 16
WRAP_WIDTHS = (40, 140)     # a hard-wrapped file's line width lies in this range
MAX_ARTICLE_CHARS = 1_000_000      # about 170k words, several minutes of parsing for one article
LIST_ITEM_RE = re.compile(r"^(?:[-*•>#]|\d{1,3}[.)])\s")


@dataclass
class Line:
    text: str
    blank_before: bool      # a blank line preceded it in the source (paragraph break)


def normalise(text: str) -> str:
    """Unicode NFC, `\\n` line breaks, plain spaces, no control or zero-width characters."""
    return "\n".join(normalised_lines(text)[0])


def normalised_lines(text: str) -> tuple[list[str], set[int]]:
    """The lines of `normalise(text)`, and which of them were indented (a paragraph start in wrapped text)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(INVISIBLE).translate(SPACES)
    raw = CONTROL_RE.sub("", text).split("\n")
    return [line.strip() for line in raw], {i for i, line in enumerate(raw) if line[:1] == " " and line.strip()}


def wrap_width(lines: list[str]) -> int | None:
    """The width a file was hard-wrapped at, or None when its lines were not wrapped.

    Wrapped text has many lines followed by another line, most of them close to one width and
    broken mid-sentence, often before a lower-case word (repeated captions, one-sentence lines and
    lists of headlines are not wrapped)."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a and b and a != b]
    if len(pairs) < 3:
        return None
    width = max(len(a) for a, _ in pairs)
    full = sum(len(a) >= 0.75 * width for a, _ in pairs)
    open_ended = sum(not a.endswith(TERMINAL) for a, _ in pairs)
    lower = sum(b[0].islower() for _, b in pairs)
    n = len(pairs)
    return width if (WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and full >= 0.5 * n
                     and open_ended >= 0.5 * n and lower >= 0.3 * n) else None


def _continues(line: str, nxt: str, width: int | None) -> bool:
    """True when `nxt` carries on `line`'s paragraph (a hard wrap), not a new line of its own."""
    if not line or not nxt or line == nxt or LIST_ITEM_RE.match(nxt) or R.HEADER_RE.match(nxt):
        return False
    if width and len(line) >= 0.75 * width:
        return True
    return len(line) >= 60 and not line.endswith(TERMINAL) and nxt[0].islower()


def unwrap(lines: list[str], indented: set[int] = frozenset()) -> list[str]:
    """Hard-wrapped lines joined back into one line per paragraph; other lines unchanged.

    `indented`: lines that were indented, which start a paragraph when the text is wrapped."""
    width = wrap_width(lines)
    out: list[str] = []
    prev = ""
    for i, line in enumerate(lines):
        if out and not (width and i in indented) and _continues(prev, line, width):
            out[-1] += line if out[-1].endswith("-") and line[0].isalpha() else " " + line
        else:
            out.append(line)
        prev = line
    return out


def is_title_like(line: str) -> bool:
    """A headline-shaped line: short, starts with a capital or digit, no sentence-final punctuation."""
    words = line.split()
    return (0 < len(words) <= MAX_TITLE_WORDS and (line[0].isupper() or line[0].isdigit())
            and not line.endswith(TERMINAL) and not line.endswith(","))


def is_caption(line: str) -> bool:
    return bool(R.CAPTION_RE.search(line))


def is_boilerplate(line: str) -> bool:
    return bool(R.BOILERPLATE_RE.match(line))


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def split_articles(lines: list[str]) -> list[list[str]]:
    """Cut a file's lines where a new article starts: a repeated headline after body text."""
    starts = [0]
    seen_body = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if i > 0 and R.HEADER_RE.match(line) and seen_body:
            starts.append(i)
            seen_body = False
            continue
        if is_title_like(line) and seen_body:
            window = lines[i + 1:i + 1 + REPEAT_WINDOW]
            if any(_key(w) == _key(line) for w in window if w):
                starts.append(i)
                seen_body = False
                continue
        if not is_title_like(line) and not is_caption(line) and not is_boilerplate(line):
            seen_body = True
    bounds = starts + [len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:])]


def _role(line: str, first: bool) -> str:
    if is_caption(line):
        return "caption"
    if R.BYLINE_RE.match(line):
        return "byline"
    if is_title_like(line):
        return "headline"
    return "body"


def date_line(line: str) -> tuple[date, bool] | None:
    """(date, is_update) when `line` is only a publication date ("Published: 4 March 2024, 10:32 GMT")."""
    if len(line) > R.DATE_LINE_MAX_CHARS or not re.search(r"\b\d{4}\b", line):
        return None
    m = R.DATE_LINE_PREFIX_RE.match(line)
    rest = line[m.end():] if m else line
    rest = R.DATE_LINE_TIME_RE.sub("", rest).strip(" ,|·-")
    if not rest or len(rest.split()) > 5 or not re.fullmatch(r"[\w ,./\-]+", rest):
        return None
    num = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}", rest)
    if num and num[1] != num[2] and max(int(num[1]), int(num[2])) <= 12:
        return None                              # 04/03/2024: April 3 or 4 March? Not guessed.
    d = parse_date(rest)
    if d is None:
        return None
    return d, bool(m) and m["prefix"].lower() in R.UPDATED_PREFIXES


def _assemble(lines: list[Line]) -> tuple[str, list[Block]]:
    """Join kept lines (blank line between paragraphs) and record each line's span."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for i, ln in enumerate(lines):
        if i:
            sep = "\n\n" if ln.blank_before else "\n"
            parts.append(sep)
            pos += len(sep)
        blocks.append(Block(pos, pos + len(ln.text), ""))
        parts.append(ln.text)
        pos += len(ln.text)
    return "".join(parts), blocks


def clean_segment(lines: list[str], raw: RawArticle, path: str) -> Article | None:
    """One article from its lines; None when nothing but furniture is left."""
    header = None
    kept: list[Line] = []
    seen: set[str] = set()
    notes: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        m = R.HEADER_RE.match(line) if header is None and not kept else None
        if m:
            header = m
            line = m.group("title").strip()
            if not line:
                continue
        if is_boilerplate(line):
            notes.append(f"boilerplate: {line[:60]}")
            continue
        k = _key(line)
        if k in seen:
            notes.append(f"repeated: {line[:60]}")
            continue
        seen.add(k)
        kept.append(Line(line, blank and bool(kept)))
        blank = False
    if not kept:
        return None
    text, blocks = _assemble(kept)
    dated: list[tuple[date, bool]] = []
    for i, (ln, b) in enumerate(zip(kept, blocks)):
        b.role = _role(ln.text, i == 0)
        if b.role != "body" and not any(x.role == "body" for x in blocks[:i]) and (d := date_line(ln.text)):
            b.role = "dateline"                  # a date line above the body: not a statement
            dated.append(d)
    if not any(b.role == "body" for b in blocks):
        return None
    art = Article(path=path, text=text, outlet=raw.outlet, url=raw.url, notes=notes)
    # dates and title: metadata first, then header, then dateline
    title = raw.title
    if header:
        title = title or header.group("title").strip() or None
        art.outlet = art.outlet or header.group("outlet").strip()
    if not title and blocks[0].role == "headline":
        title = kept[0].text
    art.title = title
    found = {"metadata": raw.published, "dateline": _dateline(art, blocks),
             "header": parse_date(header.group("date")) if header else _published_line(dated)}
    art.dates = {k: v for k, v in found.items() if v is not None}
    art.published, art.date_source = settle(art.dates)
    art.blocks = blocks
    return art


def _published_line(dated: list[tuple[date, bool]]) -> date | None:
    """The first date line above the body that is not an "Updated" one (else the first at all)."""
    first = [d for d, update in dated if not update] or [d for d, _ in dated]
    return first[0] if first else None


def _dateline(art: Article, blocks: list[Block]) -> date | None:
    """Mark a dateline prefix of the first body line; its date when it has a year."""
    for i, b in enumerate(blocks):
        if b.role != "body":
            continue
        m = R.DATELINE_RE.match(art.text, b.start, b.end)
        if m:
            blocks.insert(i, Block(b.start, m.end(), "dateline"))
            return parse_date(m.group("date")) if m.group("date") else None
        return None
    return None


def clean(raw: RawArticle) -> list[Article]:
    """Articles in one raw record (usually one; several when articles were glued together)."""
    lines = unwrap(*normalised_lines(raw.text))
    segments = split_articles(lines)
    arts = []
    for seg in segments:
        a = clean_segment(seg, raw, raw.path)
        if a is not None:
            arts.append(a)
    if len(arts) > 1:
        for n, a in enumerate(arts, start=1):
            a.path = f"{raw.path}#{n}"
    return arts


def clean_all(raws, errors: list[InputError]) -> list[Article]:
    """Cleaned articles of the raw records; a record that cleans to nothing is an error."""
    articles: list[Article] = []
    for raw in raws:
        try:
            cleaned = clean(raw)
        except Exception as e:  # noqa: BLE001 - one bad record never stops the build
            errors.append(InputError(raw.path, f"cleaning failed: {type(e).__name__}: {e}"))
            continue
        if not cleaned:
            errors.append(InputError(raw.path, "no article text left after cleaning "
                                               "(only headlines, captions, tables or boilerplate)"))
        for a in cleaned:
            if len(a.text) > MAX_ARTICLE_CHARS:
                errors.append(InputError(a.path, f"article is {len(a.text):,} characters, over the "
                                                 f"{MAX_ARTICLE_CHARS:,} limit: split it into articles"))
            else:
                articles.append(a)
    return articles
