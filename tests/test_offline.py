"""The site installs as an app and keeps working with the network cut: pages, search and
flashcards come from the service worker's cache."""

import json

import pytest

from site_paths import page_url


@pytest.fixture
def installed(browser, site_url):
    """A phone browser that opened the site once, online, and let the service worker install."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    yield context, page
    context.close()


def test_the_manifest_makes_the_site_installable(installed):
    _, page = installed
    manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["display"] == "standalone" and manifest["start_url"]
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        status = page.evaluate(f"fetch(new URL({json.dumps(icon['src'])}, document.querySelector('link[rel=manifest]').href)).then(r => r.status)")
        assert status == 200


def test_pages_search_and_flashcards_work_offline(installed, site_url, site_content):
    context, page = installed
    bank, patterns = site_content
    question = next(page for page in bank.questions.values() if page.question.aliases)
    context.set_offline(True)

    page.goto(f"{site_url}/{page_url(question.path.as_posix())}")
    assert page.inner_text("h1") == question.question.title
    page.click("a.stc-demo-link")
    assert patterns[question.question.demo].path in page.title()

    page.goto(f"{site_url}/")
    page.click("label[for='__search']")
    page.locator("input.md-search__input").press_sequentially(question.question.aliases[0], delay=10)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)

    page.goto(f"{site_url}/{page_url('flashcards.md')}")
    page.wait_for_selector("#stc-flashcards[data-slug]")
    assert page.inner_text(".stc-fc-question")
