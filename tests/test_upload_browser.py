"""In a real browser: upload an article on /upload, press Add to corpus, find it on the timeline."""
from pathlib import Path

import pytest

from helpers import CHROMIUM, IDLE, ROOT, open_page, run_build, serve

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")]

STORY = """Portugal and Spain to resume river talks

LISBON, March 4, 2024 (Lusa) - Portugal's foreign minister, Helena Quarteira, said on Monday that talks with Spain on the shared Tagus river basin would resume on March 12.

"We expect an agreement before the summer," Quarteira told reporters in Lisbon.

Spanish officials did not comment on the timetable.
"""


@pytest.fixture(scope="module")
def upload_server(tmp_path_factory):
    """A server on a fresh cache of the samples (the upload changes it), uploads in a temp folder."""
    cache = tmp_path_factory.mktemp("upload-cache") / "cache"
    proc = run_build(str(ROOT / "data" / "sample"), "--out", str(cache))
    assert proc.returncode == 0, proc.stderr
    uploads = tmp_path_factory.mktemp("uploads")
    for base in serve(cache, tmp_path_factory, DOSSIER_UPLOADS=str(uploads), DOSSIER_WARM="0"):
        yield base, uploads


def test_uploaded_article_reaches_the_timeline(browser, upload_server, tmp_path):
    base, uploads = upload_server
    story = tmp_path / "river talks.txt"
    story.write_text(STORY, encoding="utf-8")
    junk = tmp_path / "scan.txt"
    junk.write_bytes(b"%PDF-1.7 not text")
    page, errors = open_page(browser, base + "/upload")
    # the articles box takes several files; the metadata box beside it one CSV (CI once found that one first)
    page.locator('[data-testid="stFileUploaderDropzoneInput"][multiple]').set_input_files([str(story), str(junk)])
    page.get_by_text("scan.txt").wait_for(timeout=30_000)
    page.get_by_role("button", name="Add to corpus").click()
    page.get_by_text("Added 1 file to the corpus").wait_for(timeout=300_000)
    page.wait_for_function(IDLE, timeout=60_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Not added (1)" in body                 # the refused file is listed (the table is a canvas)
    assert (uploads / "river talks.txt").read_text(encoding="utf-8") == STORY
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Overview" in nav and "Add articles" in nav     # app.py's navigation, not the bare pages folder
    page.screenshot(path=str(tmp_path / "upload.png"))
    page.goto(base + "/timeline?actor=Helena+Quarteira", wait_until="domcontentloaded")
    page.wait_for_selector('.dossier-plot[data-chart-ready="1"] .main-svg', timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    chart = page.locator('.dossier-plot').first.inner_text()
    assert "Helena Quarteira" in chart
    page.screenshot(path=str(tmp_path / "timeline.png"))
    assert not errors
    page.close()
