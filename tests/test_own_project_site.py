"""A site built with a links file from scripts/project_patterns.py sends "In the demo" to the
reader's own code: to pages of their files, or to their repository's web pages; patterns their
project lacks keep the demo's link."""

import html
import json
import re
import subprocess
import sys

import pytest

from site_paths import PROJECT, build_site, page_url

OWN_PROJECT = PROJECT / "tests" / "fixtures" / "own_project"


def links_file(tmp_path, *extra: str):
    target = tmp_path / "links.json"
    subprocess.run(
        [sys.executable, "scripts/project_patterns.py", str(OWN_PROJECT), "--output", str(target), *extra],
        cwd=PROJECT, check=True, capture_output=True, text=True,
    )
    return target


def build_with_links(links, site_dir):
    result = build_site(PROJECT, site_dir, STC_PROJECT_LINKS=str(links))
    assert result.returncode == 0, result.stderr
    return site_dir


def demo_link(site_dir, question) -> str:
    markup = (site_dir / page_url(question.path.as_posix()) / "index.html").read_text(encoding="utf-8")
    return re.search(r'<a class="stc-demo-link" href="([^"]+)"', markup).group(1)


@pytest.fixture(scope="module")
def linked(tmp_path_factory, site_content):
    tmp = tmp_path_factory.mktemp("own")
    links = links_file(tmp)
    found = json.loads(links.read_text())["patterns"]
    bank, _ = site_content
    with_own = next(page for page in bank.questions.values() if page.question.demo in found)
    without = next(page for page in bank.questions.values() if page.question.demo not in {*found, "none"})
    return tmp, links, found, with_own, without


def test_found_patterns_open_the_readers_own_file(linked):
    tmp, links, found, with_own, without = linked
    site_dir = build_with_links(links, tmp / "site")
    lines = found[with_own.question.demo]
    href = demo_link(site_dir, with_own)
    assert f"your-project/{lines['path']}/?lines={lines['start']}-{lines['end']}#__span-0-{lines['start']}" in href
    page = (site_dir / page_url(f"your-project/{lines['path']}.md") / "index.html").read_text(encoding="utf-8")
    source_line = (OWN_PROJECT / lines["path"]).read_text().splitlines()[lines["start"] - 1].strip()
    assert f'id="__span-0-{lines["start"]}"' in page
    assert source_line in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "/demo/" in demo_link(site_dir, without)


def test_with_a_web_url_links_go_to_the_repository(linked):
    tmp, _, found, with_own, without = linked
    links = links_file(tmp, "--web-url", "https://git.example/me/shelf/blob/main")
    site_dir = build_with_links(links, tmp / "site-web")
    lines = found[with_own.question.demo]
    expected = f"https://git.example/me/shelf/blob/main/{lines['path']}#L{lines['start']}-L{lines['end']}"
    assert demo_link(site_dir, with_own) == expected
    assert "/demo/" in demo_link(site_dir, without)
