"""Uploads: every file saved inside the upload folder or refused with a reason; the page; read-only mode."""
import io
import stat
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from dossier_app import upload
from helpers import ROOT
from pipeline import uploads as U

STORY = b"Helena Quarteira, the Portuguese foreign minister, said on Tuesday that talks would resume.\n"


def zip_of(entries: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries.items():
            z.writestr(name, body)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    return buf.getvalue()


@pytest.mark.parametrize("name, expected", [
    ("story.txt", "story.txt"),
    ("../../x.txt", "x.txt"),
    ("/etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\a.txt", "a.txt"),
    (".hidden.txt", "hidden.txt"),
    ("Café report 2024.txt", "Café report 2024.txt"),
    ("evil\u202etxt.exe.txt", "eviltxt.exe.txt"),
    ('a<b>:c|d?.txt', "a_b__c_d_.txt"),
    ("..", None),
    ("../", None),
    ("", None),
])
def test_safe_name(name, expected):
    assert U.safe_name(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("a/b/story.txt", "a/b/story.txt"),
    ("../../etc/x.txt", "etc/x.txt"),
    ("./a//b.txt", "a/b.txt"),
    ("a\\..\\b.txt", "a/b.txt"),
    ("../..", None),
])
def test_safe_path(name, expected):
    assert U.safe_path(name) == expected


@pytest.mark.parametrize("name, data, kind", [
    ("a.txt", b"Plain words.", "txt"),
    ("a.md", b"# Head\n\nWords.", "md"),
    ("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),   # content wins
    ("a.html", b"No markup at all, just words.", "txt"),
    ("a.jsonl", b'{"text": "x"}\n', "jsonl"),
    ("a.csv", b"text\nx\n", "csv"),
    ("a.txt", "Caf\u00e9".encode("utf-16"), "txt"),
    ("a.txt", zip_of({"x.txt": b"x"}), "zip"),
])
def test_kind_of(name, data, kind):
    assert U.kind_of(name, data) == kind


@pytest.mark.parametrize("name, data, reason", [
    ("a.txt", b"   \n\t", "empty file"),
    ("a.txt", b"%PDF-1.7 binary", "binary file (a PDF document), not an article"),
    ("a.txt", b"\x89PNG\r\n\x1a\n", "binary file (a PNG image), not an article"),
    ("a.zip", b"just text", "named .zip but is not a zip archive"),
    ("a.docx", b"words", "unsupported file type .docx; use one of .txt, .md, .html, .htm, .jsonl, .csv, .zip"),
])
def test_kind_of_refuses(name, data, reason):
    with pytest.raises(ValueError) as e:
        U.kind_of(name, data)
    assert str(e.value) == reason


def saved_names(report, folder):
    return sorted(p.relative_to(folder).as_posix() for _, p in report.saved)


def test_accept_saves_inside_the_folder_and_refuses_with_reasons(tmp_path):
    folder = tmp_path / "uploads"
    bundle = zip_of({"reports/one.txt": STORY, "../../escape.txt": b"Escaped words.", "inner.zip": zip_of({}),
                     "__MACOSX/._one.txt": b"x", "pic.png": b"\x89PNG\r\n\x1a\n", "copy.txt": STORY},
                    links=("link.txt",))
    report = U.accept([("../../x.txt", b"Some text."), ("dup.txt", b"Some text."),
                       ("page.txt", b"<html><body><p>Hi</p></body></html>"), ("empty.txt", b""),
                       ("bundle.zip", bundle)], folder)
    assert saved_names(report, folder) == ["bundle/escape.txt", "bundle/reports/one.txt", "page.html", "x.txt"]
    assert dict(report.refused) == {
        "dup.txt": "same content as x.txt, already uploaded: kept once",
        "empty.txt": "empty file",
        "bundle.zip/inner.zip": "a zip inside a zip: nested archives are not opened",
        "bundle.zip/__MACOSX/._one.txt": "hidden or system file: skipped",
        "bundle.zip/pic.png": "binary file (a PNG image), not an article",
        "bundle.zip/copy.txt": "same content as bundle/reports/one.txt, already uploaded: kept once",
        "bundle.zip/link.txt": "a symbolic link inside a zip: not followed",
    }
    assert all(p.resolve().is_relative_to(folder.resolve()) for _, p in report.saved)
    assert not list(folder.rglob(".upload-*"))          # no temporary files left behind


def test_a_second_batch_keeps_duplicates_once_and_renames_clashes(tmp_path):
    U.accept([("a.txt", b"First text.")], tmp_path)
    report = U.accept([("a.txt", b"First text."), ("a.txt", b"Other text.")], tmp_path)
    assert report.refused == [("a.txt", "same content as a.txt, already uploaded: kept once")]
    assert saved_names(report, tmp_path) == ["a-2.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"First text."


@pytest.mark.parametrize("limits, files, refused", [
    (U.Limits(file_bytes=10), [("big.txt", b"x" * 11)], ["big.txt"]),
    (U.Limits(total_bytes=15), [("a.txt", b"a" * 10), ("b.txt", b"b" * 10)], ["b.txt"]),
    (U.Limits(zip_entries=2), [("z.zip", zip_of({"1.txt": b"1", "2.txt": b"2", "3.txt": b"3"}))], ["z.zip"]),
    (U.Limits(unzipped_bytes=1000), [("bomb.zip", zip_of({"1.txt": b"a" * 600, "2.txt": b"b" * 600}))],
     ["bomb.zip/2.txt"]),
    (U.Limits(file_bytes=5000), [("bomb.zip", zip_of({"big.txt": b"0" * 100_000}))], ["bomb.zip/big.txt"]),
    (U.Limits(), [("ok.txt", b"fine")], []),
])
def test_limits(tmp_path, limits, files, refused):
    report = U.accept(files, tmp_path, limits=limits)
    assert [name for name, _ in report.refused] == refused


def test_zip_bomb_is_never_inflated_past_the_limit(tmp_path):
    bomb = zip_of({"bomb.txt": b"\0" * 20_000_000})              # 20 MB of zeros, ~20 kB zipped
    report = U.accept([("bomb.zip", bomb)], tmp_path, limits=U.Limits(file_bytes=1_000_000))
    assert report.refused == [("bomb.zip/bomb.txt", "unpacks to over the 1 MB limit per file")]
    assert not report.saved


def test_metadata_follows_the_saved_names(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,title,outlet,url,published\nold.txt,Old,,,2020-01-01\n")
    bundle = zip_of({"s/one.txt": STORY, "metadata.csv": b"file,published\ns/one.txt,2024-03-05\n"})
    report = U.accept([("page.txt", b"<html><body><p>x</p></body></html>"), ("b.zip", bundle)], tmp_path,
                      metadata=[("meta.csv", b"file,title\npage.txt,A page\n")])
    assert report.metadata_rows == 2 and not report.refused
    assert (tmp_path / "metadata.csv").read_text().splitlines() == [
        "file,title,outlet,url,published", "old.txt,Old,,,2020-01-01", "page.html,A page,,,",
        "b/s/one.txt,,,,2024-03-05"]


@pytest.mark.parametrize("csv_bytes, reason", [
    (b"name,title\na.txt,A\n", "metadata CSV has no 'file' column (columns: file, title, outlet, url, published)"),
    (b"\xff\xfe\x00\x00\x00", None),
])
def test_bad_metadata_is_refused_and_the_files_kept(tmp_path, csv_bytes, reason):
    report = U.accept([("a.txt", b"Words.")], tmp_path, metadata=[("m.csv", csv_bytes)])
    assert saved_names(report, tmp_path) == ["a.txt"]
    assert [n for n, _ in report.refused] == ["m.csv"]
    if reason:
        assert report.refused[0][1] == reason
    assert not (tmp_path / "metadata.csv").exists()


@pytest.mark.parametrize("line, parsed", [
    ("progress 3 10\n", ("progress", (3, 10))),
    ("progress x 10\n", ("message", ("progress x 10",))),
    ("rejected: up/a.txt: empty file: whitespace only\n", ("rejected", ("up/a.txt", "empty file: whitespace only"))),
    ("Built c: 6 documents (1 parsed, 5 reused)\n", ("built", ("Built c: 6 documents (1 parsed, 5 reused)",))),
    ("6 articles from 5 file(s)\n", ("message", ("6 articles from 5 file(s)",))),
])
def test_build_lines(line, parsed):
    assert upload.parse_line(line) == parsed


def test_build_inputs_add_the_upload_folder_once(tmp_path):
    from pipeline import store
    cache, sample, up = tmp_path / "cache", tmp_path / "sample", tmp_path / "up"
    sample.mkdir()
    cache.mkdir()
    store.write_manifest(cache, {"roots": [str(sample), str(tmp_path / "gone")], "metadata": None})
    assert upload.build_inputs(cache, up) == ([sample, up], None)
    store.write_manifest(cache, {"roots": [str(sample), str(up)], "metadata": None})
    assert upload.build_inputs(cache, up) == ([sample, up], None)
    assert upload.build_inputs(tmp_path / "no-cache", up) == ([up], None)


@pytest.mark.parametrize("value, hidden", [("1", True), ("true", True), ("0", False), ("", False)])
def test_readonly_hides_upload_and_curation(sample_cache, monkeypatch, value, hidden):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_READONLY", value)
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120)
    at.run()
    at.switch_page(str(ROOT / "pages" / "actors.py"))
    at.run()
    assert not at.exception
    assert ("Curate" in [s.value for s in at.subheader]) is not hidden
    if hidden:
        with pytest.raises(PermissionError):
            upload.add_to_corpus([("a.txt", b"x")], [], sample_cache, ROOT / "nowhere")


def test_upload_page_renders(sample_cache, monkeypatch, tmp_path):
    monkeypatch.setenv("DOSSIER_CACHE", str(sample_cache))
    monkeypatch.setenv("DOSSIER_UPLOADS", str(tmp_path / "up"))
    monkeypatch.delenv("DOSSIER_READONLY", raising=False)
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=120)
    at.run()
    at.switch_page(str(ROOT / "pages" / "upload.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Add articles"
    buttons = {b.label: b for b in at.button}
    assert sorted(buttons) == ["Add to corpus", "Reset filters"]
    assert buttons["Add to corpus"].disabled               # nothing chosen yet


@pytest.mark.parametrize("readonly, titles", [("", ["Dossier", "Add articles"]), ("1", ["Dossier"])])
def test_without_a_cache_the_upload_page_is_the_way_in(monkeypatch, tmp_path, readonly, titles):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "no-cache"))
    monkeypatch.setenv("DOSSIER_UPLOADS", str(tmp_path / "up"))
    monkeypatch.setenv("DOSSIER_READONLY", readonly)
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "tests" / "apptest_entry.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == titles
    assert "No usable cache" in at.error[0].value
