"""Real-browser checks in headless Chromium (Debian's package, driven by Playwright)."""

import re

from site_paths import page_url

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
# where the spoken answer starts: follow-ups, sources and aliases must not push it off the first screen
ANSWER_TOP = "() => document.querySelector('.stc-answer').getBoundingClientRect().top"
FIRST_SCREEN = 640  # a small phone's height, under the browser's own bars
# every snippet block's lines (line numbers are for demo files): how many, how many wrapped,
# whether any block scrolls sideways, and the smallest code type size
SNIPPET_CODE = """() => {
  const blocks = [...document.querySelectorAll('.highlight > pre')];
  const lines = blocks.flatMap(pre => [...pre.querySelectorAll('code > [id^="__span-"]')]);
  const height = line => parseFloat(getComputedStyle(line).lineHeight);
  return {
    lines: lines.filter(line => line.textContent.trim()).length,
    wrapped: lines.filter(line => line.textContent.trim() && line.getBoundingClientRect().height > 1.5 * height(line)).length,
    scrolling: blocks.filter(pre => pre.scrollWidth > pre.clientWidth + 1).length,
    smallest: Math.min(...blocks.map(pre => parseFloat(getComputedStyle(pre.querySelector('code')).fontSize))),
  };
}"""


def a_question(site_content):
    bank, _ = site_content
    return next(page for page in bank.questions.values() if page.question.demo != "none")


def test_every_page_fits_a_phone(phone, site_url, built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    questions = {page_url(page.path.as_posix()).rstrip("/") for page in bank.questions.values()}
    pages = sorted(path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html"))
    wide, late_answers, code = [], [], {"lines": 0, "wrapped": 0, "scrolling": [], "smallest": 99.0}
    for width in (360, 430):
        phone.set_viewport_size({"width": width, "height": 844})
        for page in pages if width == 360 else pages[:: max(1, len(pages) // 40)]:
            phone.goto(f"{site_url}/{'' if page == '.' else page + '/'}")
            if not phone.evaluate(NO_SIDEWAYS_SCROLL):
                wide.append(f"{page} at {width} px")
            if width == 360 and page in questions:
                if phone.evaluate(ANSWER_TOP) > FIRST_SCREEN - 60:  # room for the answer's first line
                    late_answers.append(page)
                found = phone.evaluate(SNIPPET_CODE)
                code["lines"] += found["lines"]
                code["wrapped"] += found["wrapped"]
                code["smallest"] = min(code["smallest"], found["smallest"])
                if found["scrolling"]:
                    code["scrolling"].append(page)
    print(f"\nsnippet code at 360 px: {code['lines']} lines, {code['wrapped']} wrapped under their indent, "
          f"none scrolls sideways: {not code['scrolling']}, smallest type {code['smallest']} px")
    assert len(pages) > 300 and not wide, f"pages that scroll sideways: {wide}"
    assert not late_answers, f"the spoken answer starts below the first screen at 360x{FIRST_SCREEN}: {late_answers}"
    assert not code["scrolling"], f"snippet code that scrolls sideways at 360 px: {code['scrolling']}"
    assert code["smallest"] >= 12, "code type smaller than 12 px on a phone"


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
