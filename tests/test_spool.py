"""What a build holds until the corpus steps take it: the spool (byte records in a temporary
file), the collector's parsed rows in it, and tables made only when first taken."""
import pandas as pd
import pytest

from pipeline.spool import Spool


@pytest.mark.parametrize("records, start, stop, expected", [
    ([b"ab", b"", b"cde"], 0, 3, [b"ab", b"", b"cde"]),     # an empty record keeps its place
    ([b"ab", b"", b"cde"], 1, 3, [b"", b"cde"]),
    ([b"ab", b"", b"cde"], 2, 9, [b"cde"]),                 # clipped to the spool
    ([b"ab", b"", b"cde"], 3, 5, []),
    ([b"ab"], 1, 0, []),
    ([], 0, 1, []),
    ([b"\x00\xff" * 3, b"z"], 0, 1, [b"\x00\xff" * 3]),    # bytes, not text
])
def test_spool_reads_back_records(records, start, stop, expected):
    s = Spool()
    for r in records:
        s.append(r)
    assert len(s) == len(records)
    assert s.read(start, stop) == expected


@pytest.mark.parametrize("temp_ok", [True, False])
def test_spool_appends_after_reads_and_closes(temp_ok, monkeypatch):
    """Also without a writable temporary folder: the records then stay in memory."""
    if not temp_ok:
        def no_temp(*a, **k):
            raise PermissionError("read-only /tmp")
        monkeypatch.setattr("tempfile.TemporaryFile", no_temp)
    s = Spool()
    s.append(b"one")
    assert s.read(0, 1) == [b"one"]
    s.append(b"two")                                         # a read moved the file position
    assert s.read(0, 2) == [b"one", b"two"]
    s.close()
    assert len(s) == 0 and s.read(0, 1) == []


class FullDisk:
    """A spool file whose writes fail from now on, as on a full temporary folder."""

    def __init__(self, real):
        self.real = real

    def write(self, data):
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_spool_moves_to_memory_when_the_temporary_folder_is_full():
    s = Spool()
    s.append(b"one")
    s.append(b"two")
    s._file = FullDisk(s._file)
    s.append(b"three")
    s.append(b"four")
    assert s.read(0, 4) == [b"one", b"two", b"three", b"four"]


def test_collector_gives_back_every_chunk_in_order(monkeypatch):
    """Parsed rows go through the spool a chunk at a time and come back whole, in order; a chunk
    Arrow cannot hold (a column of mixed types) is kept as a DataFrame and comes back too."""
    from pipeline import results
    from pipeline.document.process import DocResult
    from pipeline.inputs.article import Article
    monkeypatch.setattr(results, "CHUNK", 2)
    col = results.Collector()
    for seq in range(5):
        m = {"start": 0, "end": 3, "text": "Ann", "label": "PERSON", "sent": 0, "name": "Ann",
             "type": "PERSON" if seq != 3 else 7}                  # seq 3: int among strings
        col.add(seq, DocResult(Article(path=f"a{seq}.txt", text=f"Ann {seq}."), n_words=2, mentions=[m]),
                f"in{seq}", f"k{seq}")
    t = {k: col.take(k) for k in results.COLUMNS}
    assert t["documents"].seq.tolist() == [0, 1, 2, 3, 4]
    assert t["documents"].text.tolist() == [f"Ann {i}." for i in range(5)]
    assert t["mentions"].seq.tolist() == [0, 1, 2, 3, 4]
    assert t["mentions"]["type"].tolist() == ["PERSON", "PERSON", "PERSON", 7, "PERSON"]
    assert len(t["quotes"]) == 0 and list(t["quotes"].columns) == results.QUOTE_COLS
    assert col.take("documents").empty                              # handed over once


def test_pending_tables_make_each_table_when_first_taken():
    from pipeline.results import PendingTables
    made = []

    def maker(name):
        return lambda: made.append(name) or pd.DataFrame({"seq": [1]})
    t = PendingTables({"documents": maker("documents"), "quotes": maker("quotes")})
    assert made == [] and "quotes" in t and "mentions" not in t
    assert t["documents"] is t["documents"] and made == ["documents"]           # made once
    assert len(t.pop("documents")) == 1 and "documents" not in t
    assert made == ["documents"]
    t.pop("quotes")
    assert made == ["documents", "quotes"]
    with pytest.raises(KeyError):
        t.pop("quotes")                                                        # handed over once


def test_pending_tables_ask_a_failing_maker_again():
    from pipeline.results import PendingTables
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("cache unreadable")
        return pd.DataFrame({"seq": [1]})
    t = PendingTables({"quotes": flaky})
    with pytest.raises(OSError, match="cache unreadable"):
        t.pop("quotes")
    assert len(t.pop("quotes")) == 1 and len(calls) == 2


@pytest.mark.parametrize("env, backend", [
    ({}, "system"),                                          # a build's process: malloc
    ({"ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}, "mimalloc"),  # the user's own choice wins
])
def test_the_command_line_picks_arrows_allocator_before_pyarrow_loads(env, backend):
    import os
    import subprocess
    import sys
    from helpers import ROOT
    code = "import pipeline.__main__, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    clean = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**clean, **env},
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == backend, out.stderr[-1000:]
