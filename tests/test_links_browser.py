"""In a real browser: shared links reproduce the view, `/overview` works, `?view=clean` hides the controls."""
from pathlib import Path

import pytest

from helpers import CHROMIUM, open_page, serve

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")]


@pytest.fixture(scope="module")
def links_server(sample_cache, tmp_path_factory):
    yield from serve(sample_cache, tmp_path_factory, DOSSIER_WARM="0")


def sidebar_actors(page) -> list[str]:
    """The picked actors in the sidebar's Actors box (its label and placeholder left out)."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    return [line.strip() for line in box.splitlines()[1:] if line.strip() and "type any name" not in line]


def test_a_shared_link_opens_the_same_view_in_a_fresh_browser(browser, links_server):
    context = browser.browser.new_context(viewport={"width": 1400, "height": 1000})   # no cookies, no state
    try:
        page, errors = open_page(context, links_server + "/quotes?actor=Khamenei&start=2024-01-01")
        assert page.locator("h1").first.inner_text() == "Quotes"
        assert sidebar_actors(page) == ["Ali Khamenei"]                  # an alias in the link, the actor shown
        assert "Dates: 2024-01-01 to …" in page.locator('[data-testid="stMain"]').inner_text()
        assert not errors
    finally:
        context.close()


def test_overview_has_its_own_address(browser, links_server):
    page, errors = open_page(browser, links_server + "/overview?actor=Ali+Khamenei")
    page.wait_for_selector("h1:has-text('Overview')", timeout=60_000)
    assert sidebar_actors(page) == ["Ali Khamenei"] and not errors
    page.close()


def test_clean_view_hides_the_controls(browser, links_server):
    page, errors = open_page(browser, links_server + "/timeline?view=clean")
    page.wait_for_selector('.dossier-plot[data-chart-ready="1"] .main-svg', timeout=60_000)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stSlider"]').first.is_visible()
    assert page.locator('.dossier-plot').first.is_visible()
    page.close()
