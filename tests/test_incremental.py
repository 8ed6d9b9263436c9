"""Incremental builds: only new or changed articles are parsed, and the result equals a full build."""
import datetime
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import ROOT
from pipeline import build, store
from pipeline.compare import diff_caches

SAMPLE = ROOT / "data" / "sample"
FEED = [
    {"text": 'Mohammad Bagheri said on Monday that Iran would respond. "We will not wait," Bagheri told '
             "reporters in Tehran.", "title": "One", "published": "2024-08-05"},
    {"text": "The United Nations urged restraint on Tuesday, Antonio Guterres said.", "title": "Two"},
]


def write_feed(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def run(inp: Path, out: Path, **kw) -> build.BuildReport:
    return build.build([inp], out, aliases=None, progress=False, log=lambda m: None, **kw)


@pytest.fixture(scope="module")
def changed(tmp_path_factory, nlp):
    """A cache built from four sample files and a feed, then updated after five kinds of change."""
    tmp = tmp_path_factory.mktemp("inc")
    inp = tmp / "in"
    inp.mkdir()
    for name in sorted(p.name for p in SAMPLE.iterdir())[:4]:
        shutil.copy(SAMPLE / name, inp / name)
    write_feed(inp / "feed.jsonl", FEED)
    first = run(inp, tmp / "cache")
    names = sorted(p.name for p in SAMPLE.iterdir())
    shutil.copy(SAMPLE / names[4], inp / names[4])                                   # added
    with open(inp / names[2], "a", encoding="utf-8") as f:                            # changed
        f.write("\nMr Bagheri added that Tehran would decide alone.\n")
    (inp / names[1]).unlink()                                                         # removed
    (inp / names[3]).rename(inp / "renamed.txt")                                      # renamed
    write_feed(inp / "feed.jsonl", FEED + [{"text": "Hezbollah said on Friday that it fired rockets.",
                                            "title": "Three"}])                       # a line added
    second = run(inp, tmp / "cache")
    full = run(inp, tmp / "full", full=True)
    return {"tmp": tmp, "inp": inp, "first": first, "second": second, "full": full}


def test_first_build_parses_everything(changed):
    assert changed["first"].reused == 0 and changed["first"].parsed == 7   # 003 holds two articles


def test_only_new_and_changed_articles_are_parsed(changed):
    # parsed: the added file, the changed file and the new feed line; the renamed file's two
    # articles and the two old feed lines are recognised by their content
    assert (changed["second"].parsed, changed["second"].reused) == (3, 5)


def test_incremental_equals_full_build(changed):
    assert diff_caches(changed["tmp"] / "cache", changed["tmp"] / "full") == {}


def test_removed_and_renamed_inputs_leave_no_rows(changed):
    paths = set(store.read_table(changed["tmp"] / "cache", "documents").path)
    assert not any("001_" in p or "003_" in p for p in paths)
    assert {p for p in paths if "renamed" in p} == {str(changed["inp"] / "renamed.txt") + "#1",
                                                     str(changed["inp"] / "renamed.txt") + "#2"}


def test_nothing_changed_parses_nothing(changed):
    again = run(changed["inp"], changed["tmp"] / "cache")
    assert (again.parsed, again.reused) == (0, 8)
    assert diff_caches(changed["tmp"] / "cache", changed["tmp"] / "full") == {}


def test_if_stale_skips_a_fresh_cache(changed):
    assert run(changed["inp"], changed["tmp"] / "cache", if_stale=True).skipped


def test_cache_is_a_pointer_to_a_whole_generation(changed):
    cache = changed["tmp"] / "cache"
    assert cache.is_symlink()
    gen = store.resolve(cache)
    assert gen.parent == store.generations_dir(cache)
    assert (gen / "manifest.json").is_file()
    gens = [g for g in store.generations_dir(cache).iterdir() if g.is_dir()]
    assert len(gens) <= store.KEEP_GENERATIONS


def test_a_plain_folder_cache_is_taken_over(tmp_path, nlp):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SAMPLE / sorted(p.name for p in SAMPLE.iterdir())[0], inp)
    legacy = tmp_path / "cache"
    legacy.mkdir()
    (legacy / "manifest.json").write_text("{}")
    run(inp, legacy)
    assert legacy.is_symlink() and len(store.read_table(legacy, "documents")) == 1


def test_part_file_layout_reads_back_the_same(changed, tmp_path):
    parts = run(changed["inp"], tmp_path / "parts", part_rows=20)
    assert parts.reused == 0
    assert store.table_path(store.resolve(tmp_path / "parts"), "mentions").is_dir()
    assert diff_caches(tmp_path / "parts", changed["tmp"] / "full") == {}


PACKED = [
    ("dates and gaps", {"published": [datetime.date(1987, 3, 1), None], "seq": [0, 1]}),
    ("ints with a gap", {"lead_start": [3, None], "n": [1, 2]}),
    ("text with a gap", {"text": ["Reagan said", None], "label": ["PERSON", "ORG"]}),
    ("lists", {"about_ids": [["a1", "b2"], []]}),
    ("no rows", {"seq": pd.Series([], dtype="int64"), "text": pd.Series([], dtype=object)}),
    ("all missing", {"speaker": [None, None]}),
]


@pytest.mark.parametrize("name, cols", PACKED, ids=[p[0] for p in PACKED])
def test_packed_rows_come_back_the_same(name, cols):
    df = pd.DataFrame(cols)
    packed = store.pack(df)
    assert isinstance(packed, bytes)
    pd.testing.assert_frame_equal(store.unpack(packed), df)


def test_a_column_arrow_cannot_hold_is_kept_unpacked():
    df = pd.DataFrame({"mixed": [1, "one"]})
    assert store.pack(df) is df and store.unpack(store.pack(df)) is df


def test_plan_reads_again_only_files_whose_size_or_time_changed(tmp_path, monkeypatch):
    from pipeline import build
    from pipeline.inputs import ingest
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Text of {name}.")
        os.utime(folder / name, ns=(1_600_000_000 * 10**9,) * 2)      # written long ago
    first = build.plan([folder], None)
    (folder / "b.txt").write_text("Changed b.txt")                       # same size, new time
    (folder / "c.txt").write_text("Text of c.txt.")                      # rewritten just now, same bytes
    hashed: list[str] = []
    real = ingest.file_hash
    monkeypatch.setattr(ingest, "file_hash", lambda p: hashed.append(p.name) or real(p))
    second = build.plan([folder], None, first.stats)
    assert sorted(hashed) == ["b.txt", "c.txt"]                          # a.txt: size and time unchanged
    assert second.keys[str(folder / "a.txt")] == first.keys[str(folder / "a.txt")]
    assert second.keys[str(folder / "b.txt")] != first.keys[str(folder / "b.txt")]
    assert second.keys[str(folder / "c.txt")] == first.keys[str(folder / "c.txt")]


def test_a_file_changed_within_the_timestamp_granularity_is_read_again(tmp_path):
    from pipeline import build
    folder = tmp_path / "in"
    folder.mkdir()
    f = folder / "a.txt"
    f.write_text("First words.")
    first = build.plan([folder], None)
    stamp = f.stat().st_mtime_ns
    f.write_text("Other words.")                     # same size; a coarse clock gives the same time
    os.utime(f, ns=(stamp, stamp))
    second = build.plan([folder], None, first.stats)
    assert second.keys[str(f)] != first.keys[str(f)]


def test_corpus_steps_in_two_processes_write_the_same_tables(changed):
    """derive_all's similar-dates half in a forked worker gives exactly the serial tables."""
    import pandas as pd
    from pipeline import results
    from pipeline.corpus import steps
    gen = store.resolve(changed["tmp"] / "cache")
    docs = store.read_table(gen, "documents", ["doc_id"])
    tables = results.carried(gen, [{"seq": i, "old": d} for i, d in enumerate(docs.doc_id)])
    serial = steps.derive_all(dict(tables), None, parallel=False)
    forked = steps.derive_all(tables, None, parallel=True)
    assert tables == {}                              # taken out as read: the caller keeps no copy
    # the worker's half has work to show: a date borrowed from a similar article, and events
    assert (serial["documents"].date_source == "similar").any() and len(serial["events"])
    assert serial.keys() == forked.keys()
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], forked[name])


@pytest.mark.parametrize("parallel, order", [
    # one process: the dated half first, so documents and time expressions are written and let
    # go before the actors are resolved (the steps' largest transient)
    (False, ["documents", "timexes", "mentions_raw", "events", "actors", "mentions", "quotes"]),
    # two: the actors here while the dates come from the worker
    (True, ["mentions_raw", "documents", "timexes", "events", "actors", "mentions", "quotes"]),
])
def test_corpus_steps_hand_over_each_table_once_it_is_final(changed, parallel, order):
    from pipeline import results
    from pipeline.corpus import steps
    gen = store.resolve(changed["tmp"] / "cache")
    docs = store.read_table(gen, "documents", ["doc_id"])
    tables = results.carried(gen, [{"seq": i, "old": d} for i, d in enumerate(docs.doc_id)])
    assert [name for name, _ in steps.derive_stream(tables, None, parallel=parallel)] == order
