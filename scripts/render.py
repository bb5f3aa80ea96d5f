"""Markdown for the generated parts of pages: pure functions from the bank to text.

The MkDocs hook calls these; every question page gets its shape from `question_markdown` alone.
"""

from __future__ import annotations

import posixpath
import re
from textwrap import indent

from content import QuestionPage, TopicPage
from demo_patterns import Pattern

PRIORITY_LABEL = {"high": "Must know", "medium": "Should know", "low": "Good to know"}


def demo_page_uri(source_path: str) -> str:
    """Where the site shows a demo file: demo/app/main.py -> demo/app/main.py.md."""
    return f"{source_path}.md"


def relative_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def line_anchor(line: int) -> str:
    """The id pymdownx.highlight (line_spans: __span) gives a line of a page's first code block."""
    return f"__span-0-{line}"


def priority_badge(priority: str) -> str:
    return f'<span class="stc-priority stc-priority--{priority}">{PRIORITY_LABEL[priority]}</span>'


def quoted(text: str) -> str:
    return indent(text.strip(), "> ", lambda line: True)


def demo_link(page_uri: str, pattern: Pattern) -> str:
    target = relative_link(page_uri, demo_page_uri(pattern.path))
    return (
        f"[`{pattern.path}`, lines {pattern.start}–{pattern.end}]"
        f"({target}#{line_anchor(pattern.start)}){{ .stc-demo-link }}"
    )


def question_markdown(
    page: QuestionPage,
    pattern: Pattern,
    previous: QuestionPage | None,
    following: QuestionPage | None,
) -> str:
    question = page.question
    uri = page.path.as_posix()
    parts = [
        priority_badge(question.priority),
        "## Say this {#say-this}",
        f'<div class="stc-answer" markdown>\n{question.answer}\n</div>',
        "## Show this {#show-this}",
        f'```python title="snippets/{question.snippet}"\n--8<-- "{question.snippet}"\n```',
        "## In the demo {#in-the-demo}",
        f"{question.demo_note} {demo_link(uri, pattern)}",
        "## Offer {#offer}",
        quoted(f"“{question.offer}”"),
    ]
    if page.deeper:
        parts.append('??? tip "If they dig deeper"\n\n' + indent(page.deeper, "    "))
    if question.aliases:
        listed = "\n".join(f"- {alias}" for alias in question.aliases)
        parts.append(f'??? quote "Also asked as ({len(question.aliases)})"\n\n' + indent(listed, "    "))
    parts.append(neighbour_links(uri, previous, following))
    return "\n\n".join(parts) + "\n"


def neighbour_links(uri: str, previous: QuestionPage | None, following: QuestionPage | None) -> str:
    links = []
    if previous:
        links.append(f"[← {previous.question.title}]({relative_link(uri, previous.path.as_posix())})")
    links.append(f"[All questions of this topic]({relative_link(uri, posixpath.dirname(uri) + '/index.md')})")
    if following:
        links.append(f"[{following.question.title} →]({relative_link(uri, following.path.as_posix())})")
    return '<nav class="stc-neighbours" markdown>\n' + "\n".join(f"- {link}" for link in links) + "\n</nav>"


def topic_listing(topic: TopicPage, questions: list[QuestionPage]) -> str:
    """A topic's index: every question with its spoken answer, in study order."""
    parts = [topic.topic.summary]
    for page in questions:
        parts.append(
            f"## [{page.question.title}]({page.path.name}) {{#{page.slug}}}\n\n"
            f"{priority_badge(page.question.priority)}\n\n{page.question.answer}"
        )
    return "\n\n".join(parts) + "\n"


def longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def escape_section_markers(text: str) -> str:
    """pymdownx.snippets drops `--8<-- [start:x]` lines from a page unless escaped with `;`."""
    return re.sub(r"(?m)^(\s*#\s*)(--8<--\s*\[(?:start|end):)", r"\1;\2", text)


def demo_file_markdown(source_path: str, text: str, patterns: list[Pattern]) -> str:
    """A demo file shown whole, with line numbers and its pattern sections highlighted."""
    text = escape_section_markers(text)
    language = "python" if source_path.endswith(".py") else "text"
    fence = "`" * max(3, longest_backtick_run(text) + 1)
    marked = " ".join(f"{pattern.start}-{pattern.end}" for pattern in patterns)
    listing = "\n".join(
        f"- [`{pattern.name}`](#{line_anchor(pattern.start)}): lines {pattern.start}–{pattern.end}"
        for pattern in sorted(patterns, key=lambda pattern: pattern.start)
    )
    return (
        f"---\ntitle: {source_path}\nsearch:\n  exclude: true\n---\n\n"
        f"# `{source_path}`\n\n"
        "Part of the demo project. Highlighted lines are the patterns the answers link to:\n\n"
        f"{listing}\n\n"
        f'{fence}{language} linenums="1" hl_lines="{marked}"\n{text.rstrip()}\n{fence}\n'
    )
