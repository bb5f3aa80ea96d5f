"""The download for laptops: built with STC_OFFLINE, opened from file://, it shows every page and
its search works, with the iframe-worker shim served from the download itself."""

import subprocess
import tarfile

import pytest

from site_paths import PROJECT, build_site


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    packed = subprocess.run(["npm", "pack", "--silent", "iframe-worker@1.0.4"], cwd=work, capture_output=True, text=True)
    if packed.returncode != 0:
        pytest.fail(f"the download needs the iframe-worker shim from the npm registry; npm pack said:\n{packed.stderr}")
    with tarfile.open(work / "iframe-worker-1.0.4.tgz") as archive:
        archive.extractall(work, filter="data")
    site_dir = work / "site"
    result = build_site(
        PROJECT, site_dir, STC_OFFLINE="true", STC_IFRAME_WORKER_SHIM=str(work / "package" / "shim" / "index.js")
    )
    assert result.returncode == 0, result.stderr
    return site_dir


def test_no_page_points_at_a_cdn(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in home and "assets/javascripts/iframe-worker-shim.js" in home


def test_search_and_pages_work_from_file_urls(browser, offline_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "index.html").as_uri())
    page.click("label[for='__search']")
    # a whole question as a reader pastes it: the query rewriting runs in the download too
    page.locator("input.md-search__input").press_sequentially("What is a closure in Python?", delay=10)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15_000)
    assert first.get_attribute("href").split("?")[0].endswith("python/closures.html")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.inner_text("h1")
    page.goto((offline_site / "flashcards.html").as_uri())
    page.wait_for_selector("#stc-flashcards[data-slug]")
    page.click(".stc-fc-reveal")
    assert page.get_attribute(".stc-fc-link", "href").endswith(".html")
    page.close()
    assert [url for url in requests if url.startswith("http")] == []
