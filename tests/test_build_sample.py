"""End to end: data/sample through `python -m pipeline build`, checked against DATA.md."""
import json
import shutil
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from helpers import ROOT, run_build
from pipeline import store

CONTRACT = {
    "documents": {"doc_id": "string", "path": "string", "title": "string", "outlet": "string", "url": "string",
                  "published": "date32[day]", "date_source": "string", "text": "string", "n_words": "int32",
                  "duplicate_of": "string"},
    "actors": {"actor_id": "string", "name": "string", "type": "string", "aliases": "list<item: string>",
               "n_mentions": "int32", "n_docs": "int32"},
    "mentions": {"doc_id": "string", "actor_id": "string", "start": "int32", "end": "int32", "text": "string",
                 "label": "string", "sent": "int32"},
    "events": {"event_id": "string", "doc_id": "string", "date": "date32[day]", "date_end": "date32[day]",
               "granularity": "string", "expression": "string", "expr_start": "int32", "expr_end": "int32",
               "date_source": "string", "sentence": "string", "start": "int32", "end": "int32",
               "actor_ids": "list<item: string>"},
    "quotes": {"quote_id": "string", "doc_id": "string", "text": "string", "kind": "string", "start": "int32",
               "end": "int32", "speaker": "string", "speaker_id": "string", "speaker_start": "int32",
               "speaker_end": "int32", "cue": "string", "about_ids": "list<item: string>"},
}


@pytest.fixture(scope="module")
def tables(sample_cache):
    return store.read_cache(sample_cache)


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_columns_and_types(sample_cache, table):
    schema = pq.read_schema(sample_cache / f"{table}.parquet")
    got = {name: str(schema.field(name).type).replace("<element:", "<item:")
           for name in CONTRACT[table] if name in schema.names}
    assert got == CONTRACT[table]


def test_documents(tables):
    d = tables["documents"].assign(file=lambda x: x.path.str.rsplit("/", n=1).str[-1]).set_index("file")
    assert sorted(d.index) == ["000_744386ad8a1a18b8.txt", "001_1fdf015c66984ddb.txt", "002_5260309de2f31b0e.txt",
                               "003_089c6b7fa6764026.txt#1", "003_089c6b7fa6764026.txt#2",
                               "004_029b9e771452e5f3.txt"]
    assert (d.loc["000_744386ad8a1a18b8.txt", "published"], d.loc["000_744386ad8a1a18b8.txt", "date_source"]) == \
        (date(2024, 7, 31), "header")
    assert d.loc["000_744386ad8a1a18b8.txt", "outlet"] == "NYT"
    assert d.loc["000_744386ad8a1a18b8.txt", "title"] == "Khamenei Ordered Strike on Israel in Response to Haniyeh’s Killing"
    assert (d.loc["002_5260309de2f31b0e.txt", "published"], d.loc["002_5260309de2f31b0e.txt", "date_source"]) == \
        (date(2023, 11, 5), "dateline")
    assert d.loc["003_089c6b7fa6764026.txt#2", "title"] == "Iraq Preoccupied with Potential Broad Israeli Attack"
    assert d.doc_id.is_unique and (d.n_words > 100).all()
    for text in d.text:                                     # cleaning removed the furniture
        for junk in ("Spread the love", "MonsterInsights", "\nTT\n", "date 2024-07-31"):
            assert junk not in text
    assert d.loc["003_089c6b7fa6764026.txt#1", "text"].count("Haniyeh meets Khamenei on June 21.") == 1


def test_offsets_point_into_the_cleaned_text(tables):
    text = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    m, q, e = tables["mentions"], tables["quotes"], tables["events"]
    assert len(m) and len(q) and len(e)
    for r in m.itertuples():
        assert text[r.doc_id][r.start:r.end] == r.text
    for r in q.itertuples():
        assert text[r.doc_id][r.start:r.end] == r.text
        if pd.notna(r.speaker_start):
            assert 0 <= r.speaker_start < r.speaker_end <= len(text[r.doc_id])
    for r in e.itertuples():
        assert text[r.doc_id][r.start:r.end] == r.sentence
        if pd.notna(r.expression):
            assert text[r.doc_id][int(r.expr_start):int(r.expr_end)] == r.expression


def test_links_point_at_known_actors(tables):
    ids = set(tables["actors"].actor_id)
    assert set(tables["mentions"].actor_id) <= ids
    assert set(tables["quotes"].speaker_id.dropna()) <= ids
    assert {a for xs in tables["quotes"].about_ids for a in xs} <= ids
    assert {a for xs in tables["events"].actor_ids for a in xs} <= ids
    a = tables["actors"]
    assert (a.n_mentions >= a.n_docs).all() and (a.n_docs >= 1).all()


def test_vocabularies(tables):
    assert set(tables["documents"].date_source) <= {"metadata", "header", "dateline", "text", "similar", "none"}
    assert set(tables["events"].granularity) <= {"day", "week", "month", "year", "range"}
    assert set(tables["events"].date_source) <= {"explicit", "relative", "publication"}
    assert set(tables["quotes"].kind) <= {"direct", "partial", "pull", "indirect"}
    ev = tables["events"]
    assert (ev.date <= ev.date_end).all()


def test_manifest(sample_cache, tables):
    man = json.loads((sample_cache / "manifest.json").read_text())
    assert man["pipeline_version"] and man["model"]["name"] and man["errors"] == []
    assert len(man["inputs"]) == 5 and all(len(i["sha256"]) == 64 for i in man["inputs"])
    assert man["counts"] == {k: len(v) for k, v in tables.items()}
    assert man["started"] <= man["finished"]


def test_if_stale_skips_then_rebuilds(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(ROOT / "data" / "sample", src)
    out = tmp_path / "cache"
    assert run_build(str(src), "--out", str(out), "--if-stale").returncode == 0
    first = (out / "manifest.json").read_text()
    again = run_build(str(src), "--out", str(out), "--if-stale")
    assert again.returncode == 0 and "up to date" in again.stderr
    assert (out / "manifest.json").read_text() == first
    (src / "005_new.txt").write_text("Hamas leader Ismail Haniyeh said on Monday that talks failed.")
    third = run_build(str(src), "--out", str(out), "--if-stale")
    assert third.returncode == 0 and "up to date" not in third.stderr
    assert len(store.read_table(out, "documents")) == 7


def test_rejected_inputs_exit_1_and_the_rest_is_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Iran's Foreign Ministry said on Sunday that talks would resume.")
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02")
    (src / "furniture.txt").write_text("Posted by\n\nSpread the love\n\nTranslate >>\n")
    (src / "huge.txt").write_text("The minister said no. " * 50_000)
    proc = run_build(str(src), "--out", str(tmp_path / "c"))
    assert proc.returncode == 1
    rejected = sorted(line for line in proc.stderr.splitlines() if line.startswith("rejected:"))
    assert rejected == [f"rejected: {src / 'binary.txt'}: binary file (contains NUL bytes), not text",
                        f"rejected: {src / 'empty.txt'}: empty file",
                        f"rejected: {src / 'furniture.txt'}: no article text left after cleaning "
                        "(only headlines, captions, tables or boilerplate)",
                        f"rejected: {src / 'huge.txt'}: article is 1,099,999 characters, over the 1,000,000 "
                        "limit: split it into articles"]
    assert len(store.read_table(tmp_path / "c", "documents")) == 1
    errors = json.loads((tmp_path / "c" / "manifest.json").read_text())["errors"]
    assert len(errors) == 4


@pytest.mark.parametrize("args", [[], ["--bogus"], ["/no/such/folder"], ["data/sample", "--jobs", "0"],
                                  ["data/sample", "--metadata", "/no/such.csv"]])
def test_usage_errors_exit_2(tmp_path, args):
    proc = run_build(*args, "--out", str(tmp_path / "c"))
    assert proc.returncode == 2, proc.stderr
    assert not (tmp_path / "c" / "manifest.json").exists()


def test_also_reported_by(tables):
    d = tables["documents"].set_index("doc_id").path.str.rsplit("/", n=1).str[-1]
    q = tables["quotes"]
    shared = q[q.n_reports > 1].assign(file=lambda x: x.doc_id.map(d))
    groups = {tuple(sorted(g.file)) for _, g in shared.groupby("group_id")}
    assert groups == {("002_5260309de2f31b0e.txt", "003_089c6b7fa6764026.txt#1")}
    assert shared.group_id.nunique() == 2
    assert sorted(shared.text.str.contains("emphasized Tehran")) == [False, False, True, True]


# (file, kind, start of the quote, canonical speaker after linking to actors)
SAMPLE_SPEAKERS = [
    ("000", "pull", "The assassination of Ismail Haniyeh in Tehran is a cowardly act", "Mahmoud Tah"),
    ("000", "pull", "This act could not have been carried out", "Amir Saeed Iravani"),
    ("000", "pull", "Let me clarify, I cannot confirm the reports", "John Kirby"),
    ("000", "indirect", "Haniyeh was hit directly by a rocket", "Khalil al-Hayya"),
    ("000", "indirect", "that 12 members of his family", "Kazem Jalali"),
    ("001", "direct", "There will be a harsh punishment.", "Ali Khamenei"),
    ("001", "direct", "We are prepared for any scenario", "Benjamin Netanyahu"),
    ("001", "direct", "The USA is also responsible", "Foreign Ministry"),
    ("002", "direct", "The invading repression attempts", "Ali Khamenei"),
    ("003", "direct", "our advice to the Americans", "Mohammad-Reza Ashtiani"),
    ("004", "indirect", "that Iran had not been consulted", "Ali Khamenei"),
]


@pytest.mark.parametrize("prefix, kind, start, speaker", SAMPLE_SPEAKERS)
def test_sample_quote_speakers_are_canonical_actors(tables, prefix, kind, start, speaker):
    d = tables["documents"].set_index("doc_id").path.str.rsplit("/", n=1).str[-1].str[:3]
    q = tables["quotes"]
    hits = q[(q.doc_id.map(d) == prefix) & (q.kind == kind) & q.text.str.startswith(start)]
    assert len(hits) == 1
    assert hits.speaker.iloc[0] == speaker
    actors = tables["actors"].set_index("actor_id")
    if pd.notna(hits.speaker_id.iloc[0]):
        assert actors.loc[hits.speaker_id.iloc[0], "name"] == speaker
