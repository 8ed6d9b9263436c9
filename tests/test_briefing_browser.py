"""In a real browser: the Briefing pack button downloads the view's pack, which opens with the network blocked."""
from pathlib import Path

import pytest

from helpers import CHROMIUM, open_page, serve

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")]


@pytest.fixture(scope="module")
def pack_server(sample_cache, tmp_path_factory):
    yield from serve(sample_cache, tmp_path_factory, DOSSIER_WARM="0")


def test_download_the_pack_and_open_it_offline(browser, pack_server, tmp_path):
    page, errors = open_page(browser, pack_server + "/quotes?actor=Ali+Khamenei")
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role("button", name="Briefing pack").click(timeout=90_000)
    download = info.value
    assert download.suggested_filename == "dossier-briefing-ali-khamenei.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert "<h1>Briefing: Actors: Ali Khamenei</h1>" in html
    assert f'href="{pack_server}/timeline?actor=Ali+Khamenei"' in html
    assert not errors
    page.close()

    offline = browser.browser.new_context(offline=True)
    try:
        outside: list[str] = []
        offline.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else (outside.append(route.request.url), route.abort()))
        reader = offline.new_page()
        reader.goto(saved.as_uri())
        assert reader.locator("h2").all_inner_texts()[:2] == ["Timeline", "Actor network"]
        assert reader.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
        assert outside == []
    finally:
        offline.close()
