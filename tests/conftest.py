"""Shared fixtures: the built site, a local server for it, and a headless Chromium."""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from site_paths import PROJECT, build_site


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
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


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
