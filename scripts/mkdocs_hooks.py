"""MkDocs hooks: load and check the bank, add the demo pages, render question and topic pages.

The build stops with every content problem, each naming its file (see content.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import render
from content import Bank, ContentError, load_bank
from demo_patterns import Pattern, PatternError, find_patterns

state: dict = {}


def topic_order(nav: list) -> list[str]:
    """Topic folders in navigation order: the nav entries that point at <topic>/index.md."""
    order = []
    for entry in nav or []:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(target, str) and target.count("/") == 1 and target.endswith("/index.md"):
            order.append(target.split("/")[0])
    return order


def load_site(config) -> tuple[Bank, dict[str, Pattern]]:
    project = Path(config.config_file_path).parent
    try:
        patterns = find_patterns(project / "demo", project)
        bank = load_bank(
            Path(config.docs_dir), topic_order(config.nav), project / "snippets", set(patterns)
        )
    except (ContentError, PatternError) as error:
        raise PluginError(f"Content check failed:\n{error}") from None
    return bank, patterns


@event_priority(100)  # before mkdocs-macros copies `extra` into its variables
def on_config(config):
    bank, patterns = load_site(config)
    state.update(bank=bank, patterns=patterns, project=Path(config.config_file_path).parent)
    config.extra["bank"] = {
        "questions": len(bank.questions),
        "topics": len(bank.topics),
        "must_know": sum(page.question.priority == "high" for page in bank.questions.values()),
    }
    return config


def on_files(files: Files, config) -> Files:
    by_file: dict[str, list[Pattern]] = {}
    for pattern in state["patterns"].values():
        by_file.setdefault(pattern.path, []).append(pattern)
    for source_path, patterns in sorted(by_file.items()):
        text = (state["project"] / source_path).read_text(encoding="utf-8")
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
        return markdown + "\n\n" + render.topic_listing(topic, bank.questions_of(topic))
    slug = uri.rsplit("/", 1)[-1].removesuffix(".md")
    question = bank.questions.get(slug)
    if question is None or question.path.as_posix() != uri:
        return markdown
    siblings = bank.questions_of(bank.topic_of(question))
    position = siblings.index(question)
    return render.question_markdown(
        question,
        state["patterns"][question.question.demo],
        siblings[position - 1] if position > 0 else None,
        siblings[position + 1] if position + 1 < len(siblings) else None,
    )


ELEMENT_ID = re.compile(r'\sid="([^"]+)"')


def on_page_content(html: str, page, config, files) -> str:
    # MkDocs collects a page's anchors before code blocks are rendered, so it misses their
    # line ids; add every id of the final HTML so links to demo lines are validated too.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= set(ELEMENT_ID.findall(html))
    return html
