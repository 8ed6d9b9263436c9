"""The briefing pack: `python -m dossier_app.briefing`, its structure, escaping, and opening it offline."""
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dossier_app import pack
from dossier_app.filters import Filters
from helpers import CHROMIUM, ROOT


def brief(cache, out, *args):
    return subprocess.run([sys.executable, "-m", "dossier_app.briefing", str(cache), "--out", str(out), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def sections(html: str) -> list[str]:
    return re.findall(r"<h2>([^<(]+?)(?: \(\d+\))?</h2>", html)


def test_the_pack_of_the_whole_corpus(sample_cache, tmp_path):
    out = tmp_path / "pack.html"
    proc = brief(sample_cache, out, "--no-images")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Briefing: All actors, all dates</h1>" in html
    assert sections(html) == ["Timeline", "Actor network", "Top quotes", "Key dated events", "Sources"]
    assert "6 articles in this view, published 2023-11-05 to 2024-07-31" in html
    assert 'href="http://localhost:8501/timeline">' in html
    assert "<script" not in html.lower()
    assert "default-src 'none'" in html
    assert html.count('class="note">Timeline of dated statements by actor: not drawn') == 1


def test_the_pack_of_a_filtered_view(sample_cache, tmp_path):
    out = tmp_path / "kh.html"
    proc = brief(sample_cache, out, "--no-images", "--actor", "khamenei", "--start", "2024-01-01",
                 "--end", "2024-12-31", "--app-url", "https://dossier.example.org")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Briefing: Actors: Ali Khamenei; Dates: 2024-01-01 to 2024-12-31</h1>" in html
    assert ('href="https://dossier.example.org/timeline?actor=Ali+Khamenei&amp;start=2024-01-01&amp;'
            'end=2024-12-31"') in html
    assert "published 2024-07-31 to 2024-07-31" in html
    dates = re.findall(r'<tr><td>[^<]*</td><td class="when">(\d{4}-\d\d-\d\d)</td>', html)   # the quotes' dates
    assert dates and all(d.startswith("2024-07") for d in dates)


@pytest.mark.parametrize("args, code, message", [
    (["--actor", "Nobody Atall"], 0, "warning: no actor called 'Nobody Atall'"),
    (["--types", "PERSON,SPACESHIP"], 0, "warning: no actors of type 'SPACESHIP'"),
    (["--start", "2024-13-01"], 2, "invalid fromisoformat value"),
    (["--start", "2024-05-01", "--end", "2024-01-01"], 2, "error: --start 2024-05-01 is after --end 2024-01-01"),
])
def test_command_line_errors_and_warnings(sample_cache, tmp_path, args, code, message):
    proc = brief(sample_cache, tmp_path / "p.html", "--no-images", *args)
    assert proc.returncode == code
    assert message in proc.stderr
    assert (tmp_path / "p.html").exists() is (code == 0)


def test_no_cache_is_a_usage_error(tmp_path):
    proc = brief(tmp_path / "nothing", tmp_path / "p.html")
    assert proc.returncode == 2 and "error:" in proc.stderr


def test_hostile_corpus_text_is_escaped(hostile_cache, tmp_path):
    out = tmp_path / "hostile.html"
    assert brief(hostile_cache, out, "--no-images").returncode == 0
    html = out.read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert not re.search(r"<(script|img|iframe|svg|object|embed)\b", body, re.I)
    assert not re.search(r"<[a-z][^>]*\son\w+\s*=", body, re.I)      # no tag carries an on* handler
    assert not re.search(r'href="(?!https?://)', body)               # only http(s) links
    assert "&lt;script" in body                                      # the payloads are shown, as text


@pytest.mark.parametrize("f, expected", [
    (Filters(), "dossier-briefing.html"),
    (Filters(("a1",), date(2023, 10, 1), date(2024, 7, 31)), "dossier-briefing-ali-khamenei-2023-10-01_2024-07-31.html"),
    (Filters((), None, date(2024, 7, 31), ("PERSON",)), "dossier-briefing-person-start_2024-07-31.html"),
    (Filters(("x",)), "dossier-briefing-evil-name.html"),
])
def test_file_names_say_what_the_pack_shows(f, expected):
    assert pack.file_name(f, {"a1": "Ali Khamenei", "x": "../<Evil> Name"}) == expected


@pytest.mark.parametrize("url, text, expected", [
    ("https://example.org/a?b=1&c=2", "A", '<a href="https://example.org/a?b=1&amp;c=2">A</a>'),
    ("javascript:alert(1)", "click", "click"),
    ("data:text/html,<b>x</b>", "<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
    (None, "no url", "no url"),
])
def test_links_only_for_web_addresses(url, text, expected):
    assert pack.link(url, text) == expected


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium for the chart renderer")
def test_pack_with_images_opens_offline(sample_cache, tmp_path, pw):
    out = tmp_path / "pack.html"
    proc = brief(sample_cache, out)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('src="data:image/svg+xml;base64,') == 2 and "not drawn" not in html
    assert out.stat().st_size < 5_000_000
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    try:
        ctx = browser.new_context()
        outside: list[str] = []
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (outside.append(route.request.url), route.abort()))
        page = ctx.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text))
        page.goto(out.as_uri())
        assert page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
        assert outside == [] and errors == []
        page.pdf(path=str(tmp_path / "pack.pdf"), format="A4")
        assert (tmp_path / "pack.pdf").stat().st_size > 10_000
    finally:
        browser.close()
