"""Real-browser checks in headless Chromium (Debian's package, driven by Playwright)."""

import re

from site_paths import page_url

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def a_question(site_content):
    bank, _ = site_content
    return next(page for page in bank.questions.values() if page.question.demo != "none")


def test_every_page_fits_a_phone(phone, site_url, built_site):
    site_dir, _ = built_site
    pages = sorted(path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html"))
    wide = []
    for width in (360, 430):
        phone.set_viewport_size({"width": width, "height": 844})
        for page in pages if width == 360 else pages[:: max(1, len(pages) // 40)]:
            phone.goto(f"{site_url}/{'' if page == '.' else page + '/'}")
            if not phone.evaluate(NO_SIDEWAYS_SCROLL):
                wide.append(f"{page} at {width} px")
    assert len(pages) > 300 and not wide, f"pages that scroll sideways: {wide}"


def test_demo_link_opens_the_marked_lines(phone, site_url, site_content):
    question = a_question(site_content)
    _, patterns = site_content
    pattern = patterns[question.question.demo]
    phone.goto(f"{site_url}/{page_url(question.path.as_posix())}")
    phone.click("a.stc-demo-link")
    phone.wait_for_load_state()
    assert phone.url.endswith(f"?lines={pattern.start}-{pattern.end}#__span-0-{pattern.start}")
    marked = phone.eval_on_selector_all(".stc-linked", "spans => spans.map(span => span.id)")
    assert marked == [f"__span-0-{line}" for line in range(pattern.start, pattern.end + 1)], "not only the linked lines"
    box = phone.locator(f"[id='__span-0-{pattern.start}']").bounding_box()
    assert box and 0 <= box["y"] < 844, f"the linked line is not in view: {box}"
    assert "--8<--" not in phone.inner_text("article"), "section markers are shown"
    assert pattern.path in phone.title()
    assert phone.evaluate(NO_SIDEWAYS_SCROLL), "the demo page scrolls sideways at 390 px"


def test_search_finds_a_question_by_an_alias(phone, site_url, site_content):
    question = next(page for page in site_content[0].questions.values() if page.question.aliases)
    alias = question.question.aliases[-1]
    phone.goto(site_url + "/")
    phone.click("label[for='__search']")
    phone.locator("input.md-search__input").press_sequentially(alias, delay=10)
    results = phone.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    titles = " ".join(results.all_inner_texts())
    assert question.question.title.rstrip("?") in titles, f"searching {alias!r} found: {titles[:300]}"
    assert re.search(r"\d+ matching document", phone.inner_text(".md-search-result__meta"))
