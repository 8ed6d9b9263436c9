"""Property tests (hypothesis): bad input never crashes a stage, and every offset indexes the cleaned text.

1. Reading and cleaning: `clean` on arbitrary unicode, `sniff.decode` on arbitrary bytes, upload
   names made safe, and `uploads.accept` never writing outside its folder.
2. The per-document stages (`process.process`, then `events.build_events`) on generated
   article-like text and on arbitrary text: no stage error, and every mention, quote, time
   expression and event offset is a slice of `Article.text` that equals the stored surface text.
3. One real build of a few generated articles: the cache has the columns and types of DATA.md and
   its offsets index `documents.text`.
"""
from __future__ import annotations

import io
import json
import stat
import tempfile
import unicodedata
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import run_build
from pipeline.corpus import events
from pipeline import uploads
from pipeline.inputs import ingest, sniff
from pipeline import resources as R
from pipeline.inputs.article import ROLES, Article, RawArticle
from pipeline.inputs.clean import clean
from pipeline.document.process import process

# the first draw of a unicode strategy builds hypothesis' character map (seconds on a fresh checkout)
SLOW_START = [HealthCheck.too_slow]
FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, *SLOW_START])

# ------------------------------------------------------------------ strategies

# characters that have broken text pipelines before: controls (C0 and C1), NUL, line and paragraph
# separators, bidi marks and overrides, zero-width and non-breaking spaces, BOM, quotation marks
AWKWARD = ("\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1c\x1f\x7f\x80\x85\x9f\r\n\t \u00a0\u00ad\u061c"
           "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2028\u2029\u2060"
           "\u2066\u2067\u2068\u2069\u3000\ufeff\ufffd\"'\u201c\u201d\u2018\u2019\u00ab\u00bb.:,;-#/\\")
unicode_chars = st.characters(codec="utf-8")                      # any character but lone surrogates
chars = st.one_of(unicode_chars, st.sampled_from(AWKWARD))
awkward_text = st.text(alphabet=chars, max_size=400)
long_line = st.builds(lambda s, n: s * n, st.text(alphabet=chars, min_size=1, max_size=12), st.integers(500, 8000))

NAMES = ["Ali Khamenei", "Benjamin Netanyahu", "Helena Quarteira", "Hamas", "Iran", "the United Nations",
         "Mahmoud Tah", "Joe Biden", "Hezbollah", "Robert <b>Evil</b> Tables", "Amel Ben Salah", "O'Neill",
         "Jean-Luc Picard", "the company", "he", "she", "officials"]
DATES = ["March 4, 2024", "4 March 2024", "2024-03-04", "last week", "on Tuesday", "yesterday", "next month",
         "in 2023", "between March 1 and March 5", "Nov. 5", "this weekend", "on Christmas Day",
         "in the first quarter", "two days ago", "on 31 February 2024", "in March", "March 4"]
CUES = ["said", "told reporters", "warned", "added", "announced", "wrote", "insisted"]
WORDS = ["the talks would resume", "prices will rise", "we are ready for any scenario",
         "the deal is off", "nobody was hurt", "there will be a harsh punishment", "it expected demand to grow"]
OPEN_CLOSE = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"),
              ('"', ""), ("\u201c", ""), ("", "\u201d")]     # unbalanced marks on purpose

name, when, cue, words = (st.sampled_from(x) for x in (NAMES, DATES, CUES, WORDS))


@st.composite
def sentence(draw) -> str:
    o, c = draw(st.sampled_from(OPEN_CLOSE))
    form = draw(st.integers(0, 7))
    n, d, v, w = draw(name), draw(when), draw(cue), draw(words)
    if form == 0:
        return f"{n} {v} {d} that {draw(name)} {w}."
    if form == 1:
        return f"{o}{w.capitalize()},{c} {n} {v} {d}."
    if form == 2:
        return f"{o}{w.capitalize()},{c} {v} {n}."
    if form == 3:
        return f"According to {n}, {w} {d}."
    if form == 4:
        return f"{n} {v}: {o}{w.capitalize()}.{c}"
    if form == 5:
        return f"{d.capitalize()}, {n} met {draw(name)} in Tehran."
    if form == 6:
        return f"{o}{w.capitalize()}{c}"                 # a pull quote, or a stray mark
    return draw(st.text(alphabet=chars, max_size=40))     # noise inside a paragraph


@st.composite
def article_text(draw) -> str:
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["date 2024-07-31 NYT: Harbour deal signed", "Harbour Deal Signed In Valletta",
                                           "KHAMENEI MEETS HANIYEH", "Talks resume"])))
        lines.append("")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["By Jane Doe", "By JOHN SMITH and Ana Lima", "Photo: Reuters / File",
                                           "(AFP) Ali Khamenei in Tehran on Sunday."])))
    paras = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    dateline = draw(st.sampled_from(["", "TEHRAN, March 4, 2024 (Reuters) - ", "Tehran, 5 November 2023 (WAI): ",
                                     "BEIRUT (AP) \u2014 ", "LISBON, Nov. 5 - "]))
    paras[0] = dateline + paras[0]
    for p in paras:
        lines.append(p)
        lines.extend([""] * draw(st.integers(0, 2)))
    return "\n".join(lines)


def raw_of(text: str, published: date | None = None) -> RawArticle:
    return RawArticle(path="generated.txt", text=text, published=published)


def check_article(a: Article, raw: RawArticle) -> None:
    assert isinstance(a.text, str) and a.text
    assert a.path == raw.path or a.path.startswith(raw.path + "#")
    a.text.encode("utf-8")                                 # writable as Parquet: no lone surrogates
    for b in a.blocks:
        assert 0 <= b.start <= b.end <= len(a.text) and b.role in ROLES
    assert any(b.role == "body" for b in a.blocks)
    # README: zero-width characters and bidi overrides are stripped; no ASCII controls but \n
    assert not set(a.text) & set(R.INVISIBLE_CHARS + "\r\x00")
    assert all(c == "\n" or not ("\x00" <= c <= "\x1f" or c == "\x7f") for c in a.text)


# ------------------------------------------------------------------ 1. reading and cleaning

@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_START)
@given(st.one_of(st.text(), awkward_text, long_line, article_text(),
                 st.lists(st.one_of(awkward_text, long_line), max_size=4).map("\n".join)),
       st.sampled_from([None, date(2024, 3, 4)]))
def test_clean_never_crashes(text, published):
    raw = raw_of(text, published)
    for a in clean(raw):
        check_article(a, raw)


def test_clean_strips_c1_controls():
    (a,) = clean(raw_of("Ali Khamenei said\x85 it would\x9f rain."))
    assert not any("\x80" <= c <= "\x9f" for c in a.text)


BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030"]
some_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda bom, b: bom + b, st.sampled_from(BOMS), st.binary(max_size=300)),
    st.builds(lambda t, enc: t.encode(enc, errors="replace"), awkward_text, st.sampled_from(ENCODINGS)),
    st.builds(lambda magic, b: magic + b, st.sampled_from(list(R.BINARY_SIGNATURES)), st.binary(max_size=100)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_START)
@given(some_bytes)
def test_decode_returns_text_or_value_error(data):
    try:
        text = sniff.decode(data)
    except ValueError:
        return
    assert isinstance(text, str)
    text.encode("utf-8")                                   # no lone surrogates reach the cache


HTML_BITS = ["<!DOCTYPE html>", "<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<script>", "</script>",
             "<!--", "-->", "<![CDATA[", "]]>", "<meta property='og:title' content='x'>", "<title>", "</title>",
             '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"', '"}</script>', "&#0;",
             "&#xD800;", "\x00", "<?xml version='1.0' encoding='bogus'?>", "<meta charset='utf-99'>", "<svg>", "<table><td>"]
pages = st.lists(st.one_of(st.sampled_from(HTML_BITS), awkward_text, sentence()), max_size=30).map(
    lambda bits: ("<!DOCTYPE html>" + "".join(bits)).encode("utf-8", "replace"))


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_START)
@given(st.one_of(some_bytes, pages), st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".csv"]))
def test_read_file_never_raises(data, suffix):
    """Any bytes under any supported name: articles, or rejections with reasons, never an exception."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        arts, errs = ingest.read_file(ingest.InputFile(path, Path(tmp)), {})
        assert all(isinstance(a.text, str) and a.text.strip() for a in arts)
        assert all(e.reason for e in errs)


def _bidi_control(c: str) -> bool:
    return unicodedata.bidirectional(c) in {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def check_part(part: str) -> None:
    assert part and part not in (".", "..") and not part.startswith(".")
    assert "/" not in part and "\\" not in part
    assert not any(unicodedata.category(c) == "Cc" or _bidi_control(c) or c in R.INVISIBLE_CHARS for c in part)
    assert len(part.encode("utf-8")) <= 240                # a file name fits (255 bytes), with room for "-2.html"


path_chars = st.one_of(st.sampled_from("./\\ ....\t\x00\x85\u202e\u2066\u200f:?*<>|\"~_-abcé"), unicode_chars)
TRICKY = ["..", ".", " . ..", ". ..", "...", " ..", "..\u200b", "\u202e..", "..\x00", "C:", "~", "metadata.csv",
          "aliases.csv", "a.txt", "a.txt/b.txt", "__MACOSX", ".git", "d" * 150]
component = st.one_of(st.text(alphabet=path_chars, max_size=8), st.sampled_from(TRICKY))
paths = st.lists(component, max_size=6).map("/".join)
file_names = st.one_of(st.text(alphabet=path_chars, max_size=40), st.text(max_size=300), paths,
                       st.builds(lambda s, n, ext: s * n + ext, st.text(min_size=1, max_size=3), st.integers(20, 150),
                                 st.sampled_from([".txt", ".html", ".zip", ".md", ""])))


@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_START)
@given(file_names)
@example(" . .x.txt")                                      # a dot behind a space used to survive as ".x.txt"
@example("\U0001d49c" * 130 + ".txt")                      # 4-byte letters: 120 characters were 480 bytes
@example("a\x85b\x9f.txt")                                 # C1 control characters
def test_safe_name(name):
    safe = uploads.safe_name(name)
    if safe is not None:
        check_part(safe)


@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_START)
@given(file_names)
@example(" . ../ . ../x.txt")                              # used to give "../../x.txt"
def test_safe_path(name):
    safe = uploads.safe_path(name)
    if safe is not None:
        assert not safe.startswith("/")
        for part in safe.split("/"):
            check_part(part)


STORY = b"Helena Quarteira, the Portuguese foreign minister, said on Tuesday that talks would resume.\n"


def zip_of(entries: list[tuple[str, bytes, bool]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                    # duplicate names are part of the game
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for member, body, link in entries:
                info = zipfile.ZipInfo(member or "x")
                if link:
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                z.writestr(info, body)
    return buf.getvalue()


bodies = st.one_of(st.just(STORY), st.binary(max_size=200), awkward_text.map(lambda t: t.encode("utf-8", "replace")),
                   st.just(b"<!DOCTYPE html><html><body><p>x</p></body></html>"), st.just(b"file,title\na.txt,T\n"))
zips = st.lists(st.tuples(file_names, bodies, st.booleans()), max_size=5).map(zip_of)
batches = st.lists(st.tuples(st.one_of(file_names, st.sampled_from(["metadata.csv", "aliases.csv", "a.zip"])),
                             st.one_of(bodies, zips)), max_size=5)


def _inside(p: Path, folder: Path) -> bool:
    return p.resolve().is_relative_to(folder.resolve())


def _zip_metadata(data: bytes) -> bool:
    """A zip with a metadata.csv at its top: that file is used, not saved or refused."""
    try:
        return any((uploads.safe_path(n) or "").lower() == "metadata.csv" for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    except Exception:  # noqa: BLE001 - not a zip
        return False


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_START)
@given(batches)
@example([("z.zip", zip_of([(" . ../ . ../ . ../evil.txt", STORY, False)]))])    # used to escape the folder
@example([("\U0001d49c" * 130 + ".txt", STORY)])                                  # used to raise OSError
@example([("empty.zip", zip_of([]))])                                              # used to be silently dropped
@example([("z.zip", zip_of([("a.txt", STORY, False), ("a.txt/b.txt", STORY + b" ", False)]))])  # FileExistsError
@example([("z.zip", zip_of([("/".join(["d" * 150] * 40) + "/a.txt", STORY, False)]))])           # path too long
def test_accept_never_raises_or_writes_outside(batch):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "box" / "uploads"
        report = uploads.accept(batch, folder)
        for _, target in report.saved:
            assert _inside(target, folder) and target.is_file()
        written = [p for p in root.rglob("*") if not p.is_dir()]
        assert all(_inside(p, folder) for p in written), written
        assert not [p for p in written if p.name.startswith(".upload-")]     # no temporary file left behind
        sources = [s for s, _ in report.saved] + [s for s, _ in report.refused]
        for n, d in batch:                                   # every file is saved or refused, with its reason
            if (uploads.safe_name(n) or "").lower() != "metadata.csv" and not _zip_metadata(d):
                assert any(s == n or s.startswith(n + "/") for s in sources), (n, report)


# ------------------------------------------------------------------ 2. per-document stages

def check_result(a: Article, r) -> None:
    text, n = a.text, len(a.text)
    assert r.errors == []                                  # a stage crash is recorded, not raised: none here
    for m in r.mentions:
        assert 0 <= m["start"] < m["end"] <= n and text[m["start"]:m["end"]] == m["text"], m
        assert m["sent"] >= 0
    for t in r.timexes:
        assert 0 <= t["sent_start"] <= t["expr_start"] < t["expr_end"] <= t["sent_end"] <= n, t
        assert text[t["expr_start"]:t["expr_end"]] == t["expression"]
        json.dumps(t["spec"], default=str)
    for q in r.quotes:
        assert 0 <= q["start"] < q["end"] <= n and text[q["start"]:q["end"]] == q["text"], q
        for k in ("speaker", "speaker_ref"):
            s, e = q[f"{k}_start"], q[f"{k}_end"]
            assert (s is None) == (e is None)
            if s is not None:
                assert 0 <= s < e <= n, q
    if r.lead is not None:
        assert 0 <= r.lead[0] <= r.lead[1] <= n
    for ev in events.build_events(a.doc_id, text, a.published, r.lead, r.timexes):
        assert 0 <= ev["start"] <= ev["end"] <= n and text[ev["start"]:ev["end"]] == ev["sentence"], ev
        if ev["expression"] is not None:
            assert ev["start"] <= ev["expr_start"] < ev["expr_end"] <= ev["end"]
            assert text[ev["expr_start"]:ev["expr_end"]] == ev["expression"]
        assert ev["date"] <= ev["date_end"]


def run_stages(nlp, text: str, published: date | None) -> None:
    raw = raw_of(text, published)
    arts = clean(raw)
    for a, doc in zip(arts, nlp.pipe([a.text for a in arts])):     # what engine.run_batch does
        check_article(a, raw)
        check_result(a, process(a, doc))


@FAST
@given(article_text(), st.sampled_from([None, date(2024, 3, 4), date(1999, 12, 31)]))
@example('"We are ready," said Robert <b>Evil</b> Tables on Tuesday.\n\n\u201cPrices will rise', date(2024, 3, 4))
def test_stages_on_article_like_text(nlp, text, published):
    run_stages(nlp, text, published)


@FAST
@given(st.one_of(st.text(max_size=300), awkward_text))
def test_stages_on_arbitrary_text(nlp, text):
    run_stages(nlp, text, None)


# ------------------------------------------------------------------ 3. the cache matches DATA.md

S, I32, D, L = pa.string(), pa.int32(), pa.date32(), pa.list_(pa.string())
CONTRACT = {
    "documents": {"doc_id": S, "path": S, "title": S, "outlet": S, "url": S, "published": D, "date_source": S,
                  "text": S, "n_words": I32, "duplicate_of": S},
    "actors": {"actor_id": S, "name": S, "type": S, "aliases": L, "n_mentions": I32, "n_docs": I32},
    "mentions": {"doc_id": S, "actor_id": S, "start": I32, "end": I32, "text": S, "label": S, "sent": I32},
    "events": {"event_id": S, "doc_id": S, "date": D, "date_end": D, "granularity": S, "expression": S,
               "expr_start": I32, "expr_end": I32, "date_source": S, "sentence": S, "start": I32, "end": I32,
               "actor_ids": L},
    "quotes": {"quote_id": S, "doc_id": S, "text": S, "kind": S, "start": I32, "end": I32, "speaker": S,
               "speaker_id": S, "speaker_start": I32, "speaker_end": I32, "cue": S, "about_ids": L},
}
ENUMS = {("documents", "date_source"): {"metadata", "header", "dateline", "text", "similar", "none"},
         ("events", "granularity"): {"day", "week", "month", "year", "range"},
         ("events", "date_source"): {"explicit", "relative", "publication"},
         ("quotes", "kind"): {"direct", "partial", "pull", "indirect"}}

# a fixed handful of articles from the same building blocks as the strategies (one build: ~10 s)
BUILD_INPUTS = {
    "harbour.txt": "Harbour Deal Signed In Valletta\n\nVALLETTA, March 4, 2024 (Reuters) - Malta and Tunisia "
                   "signed a harbour agreement on Monday, officials said.\n\n\u201cThe agreement will double the "
                   "cargo we handle,\u201d said Robert <b>Evil</b> Tables on Tuesday. According to Amel Ben Salah, "
                   "talks on a second route would start next month.\n",
    "talks.md": "By Jane Doe\n\nHelena Quarteira said last week that the talks would resume. \"We are ready for any "
                "scenario,\" she told reporters \u201cin Lisbon.\n\n\u202eIran\u200b said\x07 on 31 February 2024 "
                "that nobody was hurt.\n",
    "wire.jsonl": json.dumps({"text": "TEHRAN, 5 November 2023 (WAI): Ali Khamenei met Ismail Haniyeh on Saturday. "
                                      "\"There will be a harsh punishment,\" Khamenei said.", "title": "Khamenei meets "
                                      "Haniyeh", "outlet": "WAI"}) + "\n"
                  + json.dumps({"text": "Joe Biden said between March 1 and March 5 that prices will rise. "
                                        "Hezbollah warned: 'The deal is off.'", "published": "2024-03-06"}) + "\n",
}


def read(cache: Path, table: str) -> pa.Table:
    return pq.read_table(cache / f"{table}.parquet")        # one file or a folder of parts alike


def test_cache_matches_the_contract(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for fname, body in BUILD_INPUTS.items():
        (src / fname).write_text(body, encoding="utf-8")
    (src / "metadata.csv").write_text("file,published,outlet\ntalks.md,2024-03-01,Lusa\n", encoding="utf-8")
    out = tmp_path / "cache"
    proc = run_build(str(src), "--out", str(out))
    assert proc.returncode == 0, proc.stderr

    tables = {}
    for name, cols in CONTRACT.items():
        t = read(out, name)
        for col, typ in cols.items():
            assert col in t.column_names, (name, col)
            got = t.schema.field(col).type
            assert got == typ or (typ == S and got == pa.large_string()), (name, col, got)
        tables[name] = t.to_pylist()
    for (name, col), allowed in ENUMS.items():
        assert {r[col] for r in tables[name]} <= allowed, (name, col)

    man = json.loads((out / "manifest.json").read_text())
    for key in ("pipeline_version", "model", "inputs", "counts", "errors", "started", "finished"):
        assert key in man, key
    assert man["model"]["name"] and man["model"]["version"]
    assert all(i["path"] and i["sha256"] for i in man["inputs"])
    assert {k: man["counts"][k] for k in CONTRACT} == {k: len(v) for k, v in tables.items()}
    assert man["errors"] == []

    docs = {d["doc_id"]: d for d in tables["documents"]}
    assert len(docs) == 4 and all(d["n_words"] > 0 for d in docs.values())     # 1 + 1 + 2 JSONL records
    talks = next(d for d in docs.values() if d["path"].endswith("talks.md"))
    assert (talks["published"], talks["date_source"], talks["outlet"]) == (date(2024, 3, 1), "metadata", "Lusa")
    actors = {a["actor_id"] for a in tables["actors"]}
    for m in tables["mentions"]:
        text = docs[m["doc_id"]]["text"]
        assert 0 <= m["start"] < m["end"] <= len(text) and text[m["start"]:m["end"]] == m["text"]
        assert m["actor_id"] in actors
    for q in tables["quotes"]:
        text = docs[q["doc_id"]]["text"]
        assert text[q["start"]:q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
        assert q["speaker_id"] is None or q["speaker_id"] in actors
        assert set(q["about_ids"]) <= actors
    for e in tables["events"]:
        text = docs[e["doc_id"]]["text"]
        assert text[e["start"]:e["end"]] == e["sentence"] and e["date"] <= e["date_end"]
        if e["expression"] is not None:
            assert text[e["expr_start"]:e["expr_end"]] == e["expression"]
        assert set(e["actor_ids"]) <= actors
    # the hostile bits were cleaned (bidi override, zero-width space, BEL) and kept as text (markup)
    assert not any(set(d["text"]) & set("\u202e\u200b\x07") for d in docs.values())
    assert any("Robert <b>Evil</b> Tables" in d["text"] for d in docs.values())
