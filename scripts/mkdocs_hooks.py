"""MkDocs hooks: load and check the bank, add the demo pages, render question and topic pages.

The build stops with every content problem, each naming its file (see content.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import render
from content import Bank, ContentError, Problem, load_bank
from demo_patterns import Pattern, PatternError, find_patterns
from locked_versions import Lock, VersionError, runs_on
from snippet_shape import shape_of
from project_patterns import ProjectLinksError, load_project_links
from search_index import rewrite_search_queries, tune_search_index
from service_worker import write_service_worker

state: dict = {}

# a links file written by scripts/project_patterns.py: "In the demo" then opens the reader's code
PROJECT_LINKS_VARIABLE = "STC_PROJECT_LINKS"
OWN_PROJECT_PREFIX = "your-project"


def code_links(project: Path) -> tuple[dict[str, Pattern], dict[str, Path], dict[str, str]]:
    """Where each pattern is shown: its lines by name, the file behind each shown path, and the
    web address of patterns that live in the reader's own repository when it has one."""
    patterns = find_patterns(project / "demo", project)
    files = {pattern.path: project / pattern.path for pattern in patterns.values()}
    links_file = os.environ.get(PROJECT_LINKS_VARIABLE)
    if not links_file:
        return patterns, files, {}
    own = load_project_links(Path(links_file))
    web = {}
    for name, found in own.patterns.items():
        if name not in patterns:
            raise ProjectLinksError(f"{links_file}: unknown pattern '{name}'")
        shown = replace(found, path=f"{OWN_PROJECT_PREFIX}/{found.path}")  # patterns not found keep the demo's
        patterns[name] = shown
        if own.web_url:
            web[name] = f"{own.web_url}/{found.path}#L{found.start}-L{found.end}"
        else:
            files[shown.path] = own.root / found.path
    return patterns, files, web


def topic_order(nav: list, docs_dir: Path) -> list[str]:
    """Topic folders in navigation order: nav entries that point at docs/<topic>/index.md."""
    order = []
    for entry in nav or []:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(target, str) and target.count("/") == 1 and (docs_dir / target).is_file():
            order.append(target.split("/")[0])
    return order


def snippet_views(bank: Bank, snippets_dir: Path, lock: Lock) -> dict[str, render.SnippetView]:
    """Each question's snippet as its page shows it, by question slug."""
    views, problems = {}, []
    for slug, page in bank.questions.items():
        source = (snippets_dir / page.question.snippet).read_text(encoding="utf-8")
        try:
            shape = shape_of(source)
            versions = [] if shape.not_run else runs_on(source, lock)
            views[slug] = render.SnippetView(page.question.snippet, shape, versions)
        except VersionError as error:
            problems.append(Problem(f"snippets/{page.question.snippet}", str(error)))
    if problems:
        raise ContentError(problems)
    return views


@dataclass(frozen=True)
class Site:
    bank: Bank
    patterns: dict[str, Pattern]  # where each demo pattern is shown, by name
    files: dict[str, Path]  # the file behind each shown code path
    web: dict[str, str]  # web addresses of patterns in the reader's own repository
    snippets: dict[str, render.SnippetView]  # by question slug


def load_site(config) -> tuple[Bank, dict[str, Pattern]]:
    site = load_whole_site(config)
    return site.bank, site.patterns


def load_whole_site(config) -> Site:
    project = Path(config.config_file_path).parent
    try:
        patterns, files, web = code_links(project)
        docs_dir = Path(config.docs_dir)
        marked = {name: f"{pattern.path}:{pattern.start - 1}" for name, pattern in patterns.items()}
        bank = load_bank(docs_dir, topic_order(config.nav, docs_dir), project / "snippets", marked)
        snippets = snippet_views(bank, project / "snippets", Lock.read(project / "uv.lock"))
    except (ContentError, PatternError, ProjectLinksError) as error:
        raise PluginError(f"Content check failed:\n{error}") from None
    return Site(bank, patterns, files, web, snippets)


# the offline plugin's search needs the iframe-worker shim; a local copy, never a CDN
IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"


def offline_shim() -> Path | None:
    if os.environ.get("STC_OFFLINE", "").lower() not in {"1", "true", "yes"}:
        return None
    shim = os.environ.get("STC_IFRAME_WORKER_SHIM")
    if not shim or not Path(shim).is_file():
        raise PluginError("STC_OFFLINE needs STC_IFRAME_WORKER_SHIM: the iframe-worker shim (scripts/build-offline)")
    return Path(shim)


@event_priority(100)  # before mkdocs-macros copies `extra`, and before the offline plugin
def on_config(config):
    site = load_whole_site(config)
    bank = site.bank
    state.update(bank=bank, patterns=site.patterns, files=site.files, web=site.web, snippets=site.snippets)
    state["shim"] = offline_shim()
    if state["shim"]:
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
    config.extra["bank"] = {
        "questions": len(bank.questions),
        "topics": len(bank.topics),
        "must_know": sum(page.question.priority == "high" for page in bank.questions.values()),
    }
    return config


def generated_pages(bank: Bank, directory_urls: bool) -> dict[str, str]:
    """What the build writes from the bank alone: must-know, cheat sheets, the flashcard deck."""
    groups = [(topic, bank.questions_of(topic)) for topic in bank.topics]
    must_know = [(topic, [p for p in pages if p.question.priority == "high"]) for topic, pages in groups]
    must_know = [(topic, pages) for topic, pages in must_know if pages]
    sheets = [("must-know", "Must know")] + [(topic.name, topic.topic.title) for topic in bank.topics]
    pages = {
        render.FLASHCARDS_DATA_URI: render.flashcards_data(groups, bank.questions, directory_urls),
        render.MUST_KNOW_URI: render.must_know_markdown(must_know),
        render.cheatsheet_uri("index"): render.cheatsheet_markdown("index", "Cheat sheet", groups, sheets),
        render.cheatsheet_uri("must-know"): render.cheatsheet_markdown("must-know", "Cheat sheet: must know", must_know),
    }
    for topic, topic_pages in groups:
        pages[render.cheatsheet_uri(topic.name)] = render.cheatsheet_markdown(
            topic.name, f"Cheat sheet: {topic.topic.title}", [(topic, topic_pages)], follow_ups=True
        )
    return pages


def on_files(files: Files, config) -> Files:
    if state["shim"]:
        files.append(File.generated(config, IFRAME_WORKER_SHIM, content=state["shim"].read_text(encoding="utf-8")))
    for source_path, content in generated_pages(state["bank"], config.use_directory_urls).items():
        files.append(File.generated(config, source_path, content=content))
    snippets_dir = Path(config.config_file_path).parent / "snippets"
    for slug, view in state["snippets"].items():
        if view.shape.sectioned:
            text = (snippets_dir / view.path).read_text(encoding="utf-8")
            page_uri = state["bank"].questions[slug].path.as_posix()
            files.append(
                File.generated(
                    config, render.snippet_page_uri(view.path), content=render.snippet_file_markdown(view, text, page_uri)
                )
            )
    by_file: dict[str, list[Pattern]] = {}
    for name, pattern in state["patterns"].items():
        if name not in state["web"]:
            by_file.setdefault(pattern.path, []).append(pattern)
    for source_path, patterns in sorted(by_file.items()):
        text = state["files"][source_path].read_text(encoding="utf-8")
        files.append(
            File.generated(
                config,
                render.demo_page_uri(source_path),
                content=render.demo_file_markdown(source_path, text, patterns),
            )
        )
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    bank: Bank = state["bank"]
    uri = page.file.src_uri
    topic = next((topic for topic in bank.topics if topic.path.as_posix() == uri), None)
    if topic:
        page.meta["search"] = {"exclude": True}  # its answers are found on their own pages
        return markdown + "\n\n" + render.topic_listing(topic, bank.questions_of(topic))
    slug = uri.rsplit("/", 1)[-1].removesuffix(".md")
    question = bank.questions.get(slug)
    if question is None or question.path.as_posix() != uri:
        return markdown
    siblings = bank.questions_of(bank.topic_of(question))
    position = siblings.index(question)
    pattern = state["patterns"].get(question.question.demo)  # None for `demo: none`
    pattern_file = state["files"].get(pattern.path) if pattern else None
    return render.question_markdown(
        question,
        state["snippets"][slug],
        pattern,
        pattern_file.read_text(encoding="utf-8") if pattern_file else None,
        state["web"],
        bool(pattern) and pattern.path.startswith(f"{OWN_PROJECT_PREFIX}/"),
        siblings[position - 1] if position > 0 else None,
        siblings[position + 1] if position + 1 < len(siblings) else None,
        state["patterns"],
        bank.questions,
    )


ELEMENT_ID = re.compile(r'\sid="([^"]+)"')


def on_page_content(html: str, page, config, files) -> str:
    # MkDocs collects a page's anchors before code blocks are rendered, so it misses their
    # line ids; add every id of the final HTML so links to demo lines are validated too.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= set(ELEMENT_ID.findall(html))
    return render.with_line_indents(html)


def on_post_build(config) -> None:
    tune_search_index(Path(config.site_dir))
    rewrite_search_queries(Path(config.site_dir))
    write_service_worker(Path(config.site_dir))  # last: it hashes the finished files
