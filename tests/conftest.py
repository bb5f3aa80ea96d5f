"""Shared fixtures: the built site, a local server for it, and a headless Chromium."""

from pathlib import Path

import pytest

from local_browser import chromium, serve
from site_paths import PROJECT, build_site


def pytest_terminal_summary(terminalreporter):
    """The bank's measures, so every run shows how long answers and shown snippets are."""
    from statistics import median

    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from content import count_words, mean_answer_words
    from mkdocs_hooks import load_site
    from snippet_shape import shape_of

    try:
        bank, _ = load_site(load_config(str(PROJECT / "mkdocs.yml")))
    except PluginError:
        return  # the content tests report why
    pages = list(bank.questions.values())
    shown = [shape_of((PROJECT / "snippets" / page.question.snippet).read_text(encoding="utf-8")).shown_lines for page in pages]
    longest = max(pages, key=lambda page: count_words(page.question.answer))
    terminalreporter.write_sep("-", "question bank")
    terminalreporter.write_line(
        f"{len(pages)} questions; spoken answers average {mean_answer_words(pages):.1f} words "
        f"(longest {count_words(longest.question.answer)}, {longest.source}); "
        f"shown snippets: median {median(shown):g} lines, largest {max(shown)}"
    )


def pytest_addoption(parser):
    parser.addoption(
        "--update-snippets",
        action="store_true",
        help="rewrite each snippet's #> output lines with what it prints today",
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """The site built once per test run with `mkdocs build --strict`: (site dir, build log)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(PROJECT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, result.stderr


@pytest.fixture(scope="session")
def site_url(built_site):
    site_dir, _ = built_site
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Module-scoped: Playwright's sync API keeps an event loop running until it is closed,
    which would break asyncio.run() in any test collected after it."""
    with chromium() as browser:
        yield browser


@pytest.fixture
def phone(browser):
    """A page at a 390x844 phone viewport that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: route.continue_()
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
        else (outside.append(route.request.url), route.abort()),
    )
    page = context.new_page()
    yield page
    context.close()
    assert not outside, f"requests to other hosts: {outside}"


@pytest.fixture(scope="session")
def site_content():
    """The checked bank and demo patterns, loaded the way the build loads them."""
    from mkdocs.config import load_config

    from mkdocs_hooks import load_site

    return load_site(load_config(str(PROJECT / "mkdocs.yml")))
