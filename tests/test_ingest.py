"""Ingest: every supported format, the metadata sidecar, and clear errors for bad files."""
from datetime import date

import pytest

from pipeline.inputs.ingest import read_inputs


def write(tmp_path, name, data):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def test_formats_and_sidecar(tmp_path):
    write(tmp_path, "a.txt", "Text of a.")
    write(tmp_path, "sub/b.md", "Text of b.")
    write(tmp_path, "c.jsonl", '{"text": "First record.", "title": "T1", "published": "2024-01-02"}\n\n'
                                '{"text": "Second record.", "outlet": "O2"}\n')
    write(tmp_path, "d.csv", "title,text,url\nCSV title,CSV body text.,http://x\n")
    write(tmp_path, "metadata.csv", "file,title,outlet,published\na.txt,Title A,Outlet A,2023-11-05\n"
                                     "sub/b.md,Title B,,\n")
    write(tmp_path, ".hidden/x.txt", "ignored")
    write(tmp_path, "aliases.csv", "alias,canonical,type,hidden\n")
    write(tmp_path, "notes.pdf", "ignored in folders")
    arts, errors, _ = read_inputs([tmp_path])
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path), "skipped 1 file of unsupported type: .pdf")]
    got = {a.path.replace(str(tmp_path) + "/", ""): (a.text, a.title, a.outlet, a.published, a.url) for a in arts}
    assert got == {
        "a.txt": ("Text of a.", "Title A", "Outlet A", date(2023, 11, 5), None),
        "c.jsonl#1": ("First record.", "T1", None, date(2024, 1, 2), None),
        "c.jsonl#3": ("Second record.", None, "O2", None, None),
        "d.csv#1": ("CSV body text.", "CSV title", None, None, "http://x"),
        "sub/b.md": ("Text of b.", "Title B", None, None, None),
    }


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", "", "empty file"),
    ("blank.txt", "  \n\n ", "empty file"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("bad.csv", "title,body\nx,y\n", "no 'text' column"),
    ("bad.jsonl", '{"text": "ok"}\n{not json}\n[1, 2]\n{"title": "no text"}\n', "invalid JSON"),
])
def test_bad_files_are_errors_not_crashes(tmp_path, name, data, reason):
    write(tmp_path, name, data)
    write(tmp_path, "good.txt", "A good article.")
    arts, errors, _ = read_inputs([tmp_path])
    assert any(a.text == "A good article." for a in arts)
    assert errors and all(name in e.path for e in errors)
    assert any(reason in e.reason for e in errors), [str(e) for e in errors]


def test_jsonl_errors_name_the_line(tmp_path):
    write(tmp_path, "bad.jsonl", '{"text": "ok"}\n{not json}\n[1, 2]\n{"title": "no text"}\n')
    arts, errors, _ = read_inputs([tmp_path])
    assert [a.text for a in arts] == ["ok"]
    assert [(e.path.rsplit("/", 1)[-1], e.reason.split(":")[0]) for e in errors] == [
        ("bad.jsonl#2", "invalid JSON"), ("bad.jsonl#3", "JSON line is not an object"),
        ("bad.jsonl#4", "record has no text")]


def test_latin1_file_is_read(tmp_path):
    write(tmp_path, "old.txt", b"Caf\xe9 owner said \x93yes\x94.")
    arts, errors, _ = read_inputs([tmp_path])
    assert errors == [] and arts[0].text == "Café owner said “yes”."


@pytest.mark.parametrize("args, reason", [
    (["missing.txt"], "no such file or folder"),
    (["doc.pdf"], "unsupported file type '.pdf'"),
])
def test_bad_arguments(tmp_path, args, reason):
    write(tmp_path, "doc.pdf", "x")
    arts, errors, _ = read_inputs([tmp_path / a for a in args])
    assert arts == [] and [e.reason.split(";")[0] for e in errors] == [reason]


def test_bad_metadata_dates_are_reported(tmp_path):
    write(tmp_path, "a.txt", "Text.")
    write(tmp_path, "metadata.csv", "file,published\na.txt,31/07/2024x\n")
    arts, errors, _ = read_inputs([tmp_path])
    assert arts[0].published is None
    assert [e.reason for e in errors] == ["unreadable published date '31/07/2024x' (use YYYY-MM-DD)"]


def test_packed_articles_read_back_equal():
    """PackedArticles gives back equal articles, by index and by slice, each read a fresh copy."""
    from pipeline.inputs.article import Article, Block, PackedArticles
    arts = [Article(path=f"a{i}.txt", text=f"Text {i}.", published=date(2024, 1, i + 1),
                    blocks=[Block(0, 7, "body")], notes=["caption"]) for i in range(3)]
    packed = PackedArticles(arts[:2])
    packed.append(arts[2])
    assert len(packed) == 3 and packed[1] == arts[1] and packed[1:] == arts[1:] and list(packed) == arts
    assert packed[0] is not packed[0] and PackedArticles()[:] == []
    assert packed[-1] == arts[2] and packed[::2] == [arts[0], arts[2]] and packed[5:] == []
    with pytest.raises(IndexError):
        packed[3]
