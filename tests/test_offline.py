"""The site installs as an app and keeps working with the network cut: pages, search and
flashcards come from the service worker's cache."""

import json
import posixpath
import re
from urllib.parse import unquote, urldefrag

import pytest

import render
from site_paths import page_url

LINK = re.compile(r'(?:href|src)="([^"]+)"')


def worker_files(site_dir) -> set[str]:
    source = (site_dir / "sw.js").read_text(encoding="utf-8")
    return set(json.loads(re.search(r"const FILES = (\[.*?\]);", source, re.DOTALL).group(1)))


def linked_from(site_dir, start: str = "./") -> set[str]:
    """Every file of the site reachable by links and sources from the home page, as the worker names them."""
    seen, queue = {start}, [start]
    while queue:
        url = queue.pop()
        path = site_dir / (url.removeprefix("./") + "index.html" if url.endswith("/") else url)
        if path.suffix != ".html":
            continue
        base = posixpath.dirname(url.removeprefix("./") + ("index.html" if url.endswith("/") else ""))
        markup = re.sub(r"<pre.*?</pre>", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)  # code samples
        for target in LINK.findall(markup):
            target = unquote(urldefrag(target)[0])
            if not target or re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue  # an anchor on the same page, another host, mailto: or data:
            resolved = posixpath.normpath(posixpath.join(base, target.split("?")[0]))
            name = "./" if resolved == "." else (f"./{resolved}/" if (site_dir / resolved).is_dir() else resolved)
            if name not in seen and not name.endswith((".pdf",)):
                seen.add(name)
                queue.append(name)
    return seen


def test_the_worker_caches_every_page_the_site_links(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    reached = linked_from(site_dir)
    questions = {f"./{page_url(page.path.as_posix())}" for page in bank.questions.values()}
    assert questions <= reached, f"the crawl missed {len(questions - reached)} question pages"
    missing = sorted(reached - worker_files(site_dir))
    assert not missing, f"linked but not cached for offline reading: {missing[:20]}"


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
    question = next(page for page in bank.questions.values() if page.question.aliases and page.question.demo != "none")
    context.set_offline(True)

    page.goto(f"{site_url}/{page_url(question.path.as_posix())}")
    assert page.inner_text("h1") == question.question.title
    page.click("a.stc-demo-link")
    assert patterns[question.question.demo].path in page.title()

    page.goto(f"{site_url}/")
    page.click("label[for='__search']")
    page.locator("input.md-search__input").press_sequentially("What is a closure in Python?", delay=10)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=10_000)
    assert first.get_attribute("href").split("?")[0].endswith("/python/closures/")

    page.goto(f"{site_url}/{page_url('mock-interview.md')}")
    page.wait_for_selector("#stc-mock[data-ready]")
    page.click("text=Start the round")
    assert page.inner_text(".stc-fc-question")

    page.goto(f"{site_url}/{page_url('flashcards.md')}")
    page.wait_for_selector("#stc-flashcards[data-slug]")
    assert page.inner_text(".stc-fc-question")

    page.goto(f"{site_url}/{page_url(render.cheatsheet_uri('must-know'))}")
    assert page.inner_text("h1").startswith("Cheat sheet: must know")


def test_a_page_of_every_topic_opens_offline(installed, site_url, site_content):
    context, page = installed
    bank, _ = site_content
    context.set_offline(True)
    for topic in bank.topics:
        last = bank.questions_of(topic)[-1]  # the end of each list: a prefix or a topic left out shows
        page.goto(f"{site_url}/{page_url(last.path.as_posix())}")
        assert page.inner_text("h1") == last.question.title, f"{last.source} did not open offline"
        page.goto(f"{site_url}/{page_url(topic.path.as_posix())}")
        assert page.inner_text("h1"), f"{topic.path} did not open offline"
