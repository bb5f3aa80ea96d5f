"""Measure the site against its performance budget and print a Markdown report.

    uv run python scripts/benchmark.py [--scales 1,3,10]

- build time of the real site, and of a plain mkdocs-material build of the same rendered pages
  without this project's hooks and macros (their ratio is our code's overhead);
- build time with the question bank copied 1x, 3x and 10x (synthetic copies), to show growth;
- bytes a phone downloads on a first question-page visit (HTML, CSS, JS, search index), raw and
  gzipped, and the largest page's HTML;
- time from typing a query to results in headless Chromium, first query and warm.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import yaml

from local_browser import chromium, serve

PROJECT = Path(__file__).resolve().parent.parent
# page_kb was 40 until question pages carried the demo's lines folded under the note (issue #12)
# and their follow-ups: the largest is now mostly code; what a phone downloads is first_visit_gzip_kb
BUDGET = {"overhead": 1.5, "page_kb": 60, "first_visit_gzip_kb": 250, "first_query_ms": 300}


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site_dir)],
        cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


def copy_project(target: Path) -> Path:
    for name in ["docs", "snippets", "demo", "scripts"]:
        shutil.copytree(PROJECT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.db"))
    for name in ["mkdocs.yml", "uv.lock"]:  # uv.lock: each snippet's "Runs on" line
        shutil.copy(PROJECT / name, target / name)
    return target


def multiply_bank(project: Path, times: int) -> int:
    """Adds times-1 synthetic copies of every question: same answer, snippet, demo link and body,
    with a title and aliases of their own, so the checker sees no near-duplicates."""
    count = 0
    for index_path in sorted((project / "docs").glob("*/index.md")):
        topic_front, topic_body = index_path.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
        topic = yaml.safe_load(topic_front)
        copies = []
        for copy in range(2, times + 1):
            for slug in topic["questions"]:
                front, body = (index_path.parent / f"{slug}.md").read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
                data = yaml.safe_load(front)
                words = slug.replace("-", "")  # one word per slug, so copies of two questions never look alike
                data["title"] = f"Synthetic copy{copy} of {words} bench{copy} question{copy} run{copy}?"
                data["aliases"] = [f"Wording {n} copy{copy} of {words} variant{copy}?" for n in range(len(data.get("aliases", [])))]
                data["follow_ups"] = [
                    {**follow_up, "ask": f"Follow-up {n} copy{copy} of {words} variant{copy}?", "aliases": []}
                    for n, follow_up in enumerate(data.get("follow_ups", []))
                ]
                (index_path.parent / f"{slug}-{copy}.md").write_text(
                    f"---\n{yaml.safe_dump(data, sort_keys=False, allow_unicode=True)}---\n{body}", encoding="utf-8"
                )
                copies.append(f"{slug}-{copy}")
        count += len(topic["questions"]) * times
        topic["questions"] += copies
        index_path.write_text(f"---\n{yaml.safe_dump(topic, sort_keys=False)}---\n{topic_body}", encoding="utf-8")
    return count


def plain_project(project: Path) -> str:
    """The same pages, rendered by our hook once, then built by plain MkDocs: returns its config."""
    sys.path.insert(0, str(project / "scripts"))
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    import mkdocs_hooks

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = "benchmark"  # File.generated() expects to run inside a build
    mkdocs_hooks.on_config(config)
    plain_docs = project / "plain-docs"
    shutil.copytree(project / "docs", plain_docs)
    files = mkdocs_hooks.on_files(Files([]), config)
    for file in files:
        target = plain_docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
    for path in plain_docs.rglob("*.md"):
        src_uri = path.relative_to(plain_docs).as_posix()
        text = path.read_text(encoding="utf-8")
        front, _, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)

        page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={})
        rendered = mkdocs_hooks.on_page_markdown(body, page, config, None)
        meta = yaml.safe_load(front.removeprefix("---\n")) if front else {}
        keep = {key: meta[key] for key in ("title", "tags", "hide", "search") if key in meta} | page.meta
        path.write_text(f"---\n{yaml.safe_dump(keep)}---\n{rendered}", encoding="utf-8")
    text = (project / "mkdocs.yml").read_text().replace("!relative $config_dir/snippets", "snippets")
    plain = yaml.safe_load(re.sub(r"!ENV \[\w+, (\w+)\]", r"\1", text))  # the defaults of !ENV tags
    plain["docs_dir"] = "plain-docs"
    plain.pop("hooks")
    plain["plugins"] = [plugin for plugin in plain["plugins"] if not (isinstance(plugin, dict) and "macros" in plugin)]
    plain["strict"] = False
    (project / "plain.yml").write_text(yaml.safe_dump(plain), encoding="utf-8")
    return "plain.yml"


def kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def first_visit(site_dir: Path, page: str) -> tuple[int, int, list[str]]:
    """Raw and gzipped bytes of a page with the CSS, JS and search index it loads."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="((?:\.\./)*(?:assets|search)/[^"#?]+\.(?:css|js))"', html)
    paths = [site_dir / page / "index.html", site_dir / "search" / "search_index.json"]
    paths += [(site_dir / page / asset).resolve() for asset in assets]
    worker = next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"), None)
    paths += [worker] if worker else []
    raw = sum(path.stat().st_size for path in paths)
    zipped = sum(len(gzip.compress(path.read_bytes(), 6)) for path in paths)
    return raw, zipped, [str(path.relative_to(site_dir)) for path in paths]


def query_times(site_dir: Path, queries: list[str], rounds: int = 5) -> tuple[list[float], list[float]]:
    """Milliseconds from the last keystroke to results: the first query of each fresh page
    (search index still loading), and the queries after it."""
    first, warm = [], []
    with serve(site_dir) as url, chromium() as browser:
        for _ in range(rounds):
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{url}/")
            page.click("label[for='__search']")
            box = page.locator("input.md-search__input")
            for number, query in enumerate(queries):
                box.fill(query)
                started = time.perf_counter()
                box.press("End")
                page.wait_for_selector(".md-search-result__item", timeout=20_000)
                (warm if number else first).append((time.perf_counter() - started) * 1000)
                box.fill("")
                page.wait_for_selector(".md-search-result__item", state="detached")
            page.close()
    return first, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,3,10")
    scales = [int(value) for value in parser.parse_args().scales.split(",")]
    lines = [f"Measured on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{time.strftime('%Y-%m-%d')}.", ""]
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        ours = copy_project(scratch / "ours")
        ours_seconds = build(ours, scratch / "site")
        plain_seconds = build(ours, scratch / "plain-site", plain_project(ours))
        ratio = ours_seconds / plain_seconds
        lines += ["| measure | result | budget |", "|---|---|---|",
                  f"| full build | {ours_seconds:.1f} s | |",
                  f"| plain mkdocs-material build of the same pages | {plain_seconds:.1f} s | |",
                  f"| overhead of our hooks and macros | {ratio:.2f}x | at most {BUDGET['overhead']}x |"]
        for times in scales:
            project = copy_project(scratch / f"x{times}")
            count = multiply_bank(project, times)
            lines.append(f"| build with {count} questions ({times}x) | {build(project, scratch / f'site{times}'):.1f} s | linear |")
        site_dir = scratch / "site"
        pages = {path: path.stat().st_size for path in site_dir.rglob("index.html")}
        largest = max(pages, key=pages.get)
        question_pages = [p for p in pages if p.parent.parent.name != site_dir.name and "demo" not in p.parts and "cheatsheets" not in p.parts]
        largest_question = max(question_pages, key=pages.get)
        raw, zipped, _ = first_visit(site_dir, largest_question.parent.relative_to(site_dir).as_posix())
        first, warm = query_times(site_dir, ["gil threads", "refresh token rotation", "n+1 selectinload", "cors preflight"])
        lines += [f"| largest question page HTML ({largest_question.parent.relative_to(site_dir)}) | {kb(pages[largest_question])} | at most {BUDGET['page_kb']} KB |",
                  f"| largest page of any kind ({largest.parent.relative_to(site_dir)}) | {kb(pages[largest])} | |",
                  f"| first visit to that question page, raw | {kb(raw)} | |",
                  f"| first visit, gzipped (HTML, CSS, JS, search index) | {kb(zipped)} | at most {BUDGET['first_visit_gzip_kb']} KB |",
                  f"| first query to results, median of {len(first)} fresh pages (slowest) | {statistics.median(first):.0f} ms ({max(first):.0f} ms) | under {BUDGET['first_query_ms']} ms |",
                  f"| later queries to results, median (slowest) | {statistics.median(warm):.0f} ms ({max(warm):.0f} ms) | |"]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
