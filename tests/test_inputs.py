"""Every real input read, or rejected with a reason: web pages, encodings, binaries, symlinks, junk."""
import gzip
import os
from datetime import date
from pathlib import Path

import pytest

from pipeline.inputs.ingest import discover, read_inputs
from pipeline.inputs.sniff import decode, looks_like_html

HTML = Path(__file__).resolve().parent / "fixtures" / "html"


def read(folder: Path):
    arts, errors, _ = read_inputs([folder])
    return {Path(a.path).name: a for a in arts}, [(Path(e.path).name, e.reason) for e in errors]


# ---------------------------------------------------------------- web pages

@pytest.mark.parametrize("name, title, outlet, published, url, first, last", [
    ("news_site.html", "Port strike halts grain exports", "The Harbour Times", date(2024, 3, 14),
     "https://harbourtimes.example/economy/port-strike-grain",
     "Dock workers at the port of Westhaven walked off", "a third of the country's wheat shipments."),
    ("blog.html", "Floods return to the lower delta", "Delta Notes", date(2023, 5, 2), None,
     "The water came back to the lower delta this week", "more rain was forecast for the weekend."),
    ("no_article_element.html", "Council approves new bridge", None, date(2022, 9, 30), None,
     "The city council voted 9 to 2 on Friday", "the city could not afford it."),
])
def test_web_pages_become_articles(name, title, outlet, published, url, first, last):
    arts, _ = read(HTML)
    a = arts[name]
    assert (a.title, a.outlet, a.published, a.url) == (title, outlet, published, url)
    assert a.text.startswith(first) and a.text.endswith(last)


@pytest.mark.parametrize("junk", [
    "cookie", "Accept all", "Related stories", "Wheat prices climb", "Typical union greed", "Solidarity",
    "All rights reserved", "Privacy", "Sign in", "Archives", "Share this", "Powered by", "Menu:",
    "alert(", "<script", "onerror", "By Lena Park",
])
def test_web_pages_lose_navigation_comments_and_scripts(junk):
    arts, _ = read(HTML)
    assert all(junk not in a.text for a in arts.values())


def test_a_page_of_teasers_is_rejected_with_a_reason():
    _, errors = read(HTML)
    assert errors == [("teasers.html", "the page's article text has 3 words, fewer than 25: "
                                       "a teaser or an index page, not an article")]


def test_metadata_row_beats_the_page_and_gz_pages_are_read(tmp_path):
    data = (HTML / "news_site.html").read_bytes()
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(data))
    (tmp_path / "metadata.csv").write_text("file,title,published\nstory.html.gz,Our title,2024-03-15\n")
    arts, errors = read(tmp_path)
    a = arts["story.html.gz"]
    assert (a.title, a.outlet, a.published) == ("Our title", "The Harbour Times", date(2024, 3, 15))
    assert errors == []


def test_an_html_page_saved_as_txt_is_extracted(tmp_path):
    (tmp_path / "saved.txt").write_bytes((HTML / "blog.html").read_bytes())
    arts, _ = read(tmp_path)
    assert arts["saved.txt"].text.startswith("The water came back")


@pytest.mark.parametrize("data, expected", [
    (b"<!DOCTYPE html><html>", True), (b"  <html lang='en'>", True), (b"<?xml version='1.0'?>\n<html>", True),
    (b"<!-- saved -->\n<!doctype html>", True), ("<html>".encode("utf-16"), True),
    (b"<b>bold</b> is not a page", False), (b"Plain text about <html> tags", False), (b"", False),
])
def test_html_sniffing(data, expected):
    assert looks_like_html(data) is expected


# ---------------------------------------------------------------- encodings and binaries

QUOTE = "He said \u201cno\u201d \u2014 it\u2019s over in G\u00e9n\u00e8ve."


@pytest.mark.parametrize("label, data, expected", [
    ("utf-8", QUOTE.encode("utf-8"), QUOTE),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + QUOTE.encode("utf-8"), QUOTE),
    ("utf-16 with BOM", QUOTE.encode("utf-16"), QUOTE),
    ("utf-16-be with BOM", b"\xfe\xff" + QUOTE.encode("utf-16-be"), QUOTE),
    ("cp1252", QUOTE.encode("cp1252"), QUOTE),
    ("latin-1", "Caf\u00e9 au lait \u00e0 Gen\u00e8ve, dit le pr\u00e9sident.".encode("latin-1"),
     "Caf\u00e9 au lait \u00e0 Gen\u00e8ve, dit le pr\u00e9sident."),
    ("cp1251", "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
               "\u042d\u0442\u043e \u0442\u0435\u0441\u0442.".encode("cp1251"),
     "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? \u042d\u0442\u043e \u0442\u0435\u0441\u0442."),
])
def test_encodings(label, data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n%\xe2\xe3", "binary file (a PDF document), not text"),
    (b"\x89PNG\r\n\x1a\n", "binary file (a PNG image), not text"),
    (b"PK\x03\x04\x14\x00", "binary file (a zip archive), not text"),
    (b"text\x00with\x00nul", "binary file (contains NUL bytes), not text"),
])
def test_binaries_are_refused(data, reason):
    with pytest.raises(ValueError) as e:
        decode(data)
    assert str(e.value) == reason


def test_text_without_newlines_is_read(tmp_path):
    (tmp_path / "one.txt").write_text("Iran said on Monday it would respond. " * 40)
    arts, errors = read(tmp_path)
    assert errors == [] and arts["one.txt"].text.count("\n") == 0


# ---------------------------------------------------------------- folders

def test_symlinks_outside_the_folder_are_skipped_with_a_reason(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Not for the corpus.")
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text("Article a.")
    os.symlink(outside, inp / "leak.txt")
    os.symlink(inp / "a.txt", inp / "alias.txt")           # inside: read like any file
    os.symlink(inp / "loop.txt", inp / "loop.txt")          # a loop: skipped, no crash
    files, errors = discover([inp])
    assert sorted(f.path.name for f in files) == ["a.txt", "alias.txt"]
    assert sorted((Path(e.path).name, e.reason) for e in errors) == [
        ("leak.txt", "symlink pointing outside the input folder: skipped"),
        ("loop.txt", "symlink pointing outside the input folder: skipped")]


def test_unsupported_files_get_one_summary_line(tmp_path):
    for name in ("a.txt", "b.pdf", "c.png", "d.pdf", "e"):
        (tmp_path / name).write_text("x")
    files, errors = discover([tmp_path])
    assert [f.path.name for f in files] == ["a.txt"]
    assert [e.reason for e in errors] == ["skipped 4 files of unsupported types: (no extension), .pdf, .png"]


def test_unicode_and_spaces_in_names(tmp_path):
    (tmp_path / "Caf\u00e9 r\u00e9sum\u00e9 2024.txt").write_text("An article with an odd name.")
    (tmp_path / "metadata.csv").write_text("file,title\nCaf\u00e9 r\u00e9sum\u00e9 2024.txt,Odd\n")
    arts, errors = read(tmp_path)
    assert errors == [] and arts["Caf\u00e9 r\u00e9sum\u00e9 2024.txt"].title == "Odd"


@pytest.mark.parametrize("row, reason", [
    ("a.txt,2024-02-30", "unreadable published date '2024-02-30' (use YYYY-MM-DD)"),
    ("a.txt,next tuesday", "unreadable published date 'next tuesday' (use YYYY-MM-DD)"),
])
def test_bad_metadata_dates_are_warned_not_fatal(tmp_path, row, reason):
    (tmp_path / "a.txt").write_text("Article a.")
    (tmp_path / "metadata.csv").write_text("file,published\n" + row + "\n")
    arts, errors = read(tmp_path)
    assert "a.txt" in arts and arts["a.txt"].published is None
    assert errors == [("metadata.csv:2", reason)]


@pytest.mark.parametrize("raw, expected", [
    ("Ali\u202e Khamenei", "Ali Khamenei"),                 # right-to-left override
    ("Ismail\u200b Haniyeh", "Ismail Haniyeh"),             # zero-width space
    ("\u2066Hamas\u2069 said", "Hamas said"),               # isolates
    ("\ufeffIran\u200e", "Iran"),                           # BOM, left-to-right mark
    ("co\u00adoperation", "cooperation"),                   # soft hyphen
    ("plain text", "plain text"),
])
def test_invisible_and_bidi_characters_are_stripped(raw, expected):
    from pipeline.inputs.clean import normalise
    assert normalise(raw) == expected
