"""Search quality, measured in the real browser with the site's own search: each phrasing in
search_phrasings.txt must find its page in the top 3, and at least 90% of them first."""

from pathlib import Path
from urllib.parse import urlparse

import pytest

from site_paths import page_url

PHRASINGS = [
    tuple(part.strip() for part in line.split("|"))
    for line in (Path(__file__).parent / "search_phrasings.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
TOP1_TARGET = 0.9


@pytest.fixture(scope="module")
def search(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()

    def top_pages(query: str) -> list[str]:
        box.fill("")
        box.press("End")  # Material's search reads the box on key events
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.fill(query)
        box.press("End")  # one query, the whole one: no results of a partial query can be on screen
        read = "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href).slice(0, 3)"
        previous, links = None, page.evaluate(read)
        for _ in range(40):  # wait (at most 6 s) until the results stop changing
            if links and links == previous:
                break
            page.wait_for_timeout(150)
            previous, links = links, page.evaluate(read)
        return [urlparse(link).path.strip("/") + "/" for link in links]

    yield top_pages
    page.close()


def test_the_phrasing_list_is_big_enough_and_points_at_real_pages(site_content):
    bank, _ = site_content
    sources = {page.path.as_posix() for page in bank.questions.values()}
    assert len(PHRASINGS) >= 60
    assert [path for _, path in PHRASINGS if path not in sources] == []


def test_search_finds_each_phrasing(search):
    top1 = top3 = 0
    misses = []
    for query, path in PHRASINGS:
        expected = page_url(path)
        found = search(query)
        top1 += found[:1] == [expected]
        top3 += expected in found
        if expected not in found[:1]:
            misses.append(f"{query!r}: wanted {expected}, got {found}")
    count = len(PHRASINGS)
    print(f"\nsearch: top-1 {top1}/{count} ({top1 / count:.0%}), top-3 {top3}/{count} ({top3 / count:.0%})")
    print("\n".join(misses))
    assert top3 == count and top1 >= TOP1_TARGET * count, "\n".join(misses)
