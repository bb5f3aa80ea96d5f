"""Markdown for the generated parts of pages: pure functions from the bank to text.

The MkDocs hook calls these; every question page gets its shape from `question_markdown` alone.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from textwrap import indent

from content import FollowUp, QuestionPage, Source, TopicPage
from demo_patterns import Pattern
from snippet_shape import MARKER as SECTION_MARKER
from snippet_shape import SHOWN_SECTION, Shape

PRIORITY_LABEL = {"high": "Must know", "medium": "Should know", "low": "Good to know"}


def demo_page_uri(source_path: str) -> str:
    """Where the site shows a demo file: demo/app/main.py -> demo/app/main.py.md."""
    return f"{source_path}.md"


def relative_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def line_anchor(line: int) -> str:
    """The id pymdownx.highlight (line_spans: __span) gives a line of a page's first code block."""
    return f"__span-0-{line}"


def plain(text: str) -> str:
    """Plain text (a question title) made safe inside Markdown: `__init__` stays `__init__`."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def priority_badge(priority: str) -> str:
    return f'<span class="stc-priority stc-priority--{priority}">{PRIORITY_LABEL[priority]}</span>'


def quoted(text: str) -> str:
    return indent(text.strip(), "> ", lambda line: True)


def searchless(markdown: str) -> str:
    """A block Material's search leaves out of its index."""
    return f"<div data-search-exclude markdown>\n\n{markdown}\n\n</div>"


@dataclass(frozen=True)
class SnippetView:
    """What a question page shows of its snippet (snippet_shape) and what it runs on (uv.lock)."""

    path: str  # under snippets/
    shape: Shape
    runs_on: list[tuple[str, str]]  # (name, version), Python first


def snippet_page_uri(path: str) -> str:
    """Where the site shows a whole snippet file: x/y.py -> snippets/x/y.py.md."""
    return f"snippets/{path}.md"


def snippet_block(page_uri: str, view: SnippetView) -> str:
    """The shown part of the snippet, the output printed outside it, and what it runs on."""
    if view.shape.sectioned:
        include = f"{view.path}:{SHOWN_SECTION}"
    else:
        include = view.path if view.shape.first == 1 else f"{view.path}:{view.shape.first}:{view.shape.last}"
    parts = [f'```python title="snippets/{view.path}"\n--8<-- "{include}"\n```']
    if view.shape.outputs_outside:
        printed = "\n".join(view.shape.outputs_outside)
        fence = "`" * max(3, longest_backtick_run(printed) + 1)
        parts.append(f'{fence}text title="It prints"\n{printed}\n{fence}')
    if view.shape.not_run:
        line = f"Not run here: {view.shape.not_run.reason} The tests check that it parses and imports `{view.shape.not_run.module}`."
    else:
        line = f"Runs on {' · '.join(f'{name} {version}' for name, version in view.runs_on)}."
    if view.shape.sectioned:
        line += f" [The whole file]({relative_link(page_uri, snippet_page_uri(view.path))}) runs as it is."
    parts.append(f'<p class="stc-runs-on" markdown>{line}</p>')
    return "\n\n".join(parts)


def sources_markdown(sources: list[Source]) -> str:
    items = "\n".join(
        f"- [{plain(source.title)}]({source.url})" + (f" ({source.version})" if source.version else "")
        for source in sources
    )
    return f"## Checked against {{#checked-against}}\n\n{items}"


def lines_target(pattern: Pattern) -> str:
    """The query and anchor that open a code page at the pattern with only its lines highlighted
    (assets/linked-lines.js reads `lines`)."""
    return f"?lines={pattern.start}-{pattern.end}#{line_anchor(pattern.start)}"


def demo_link(page_uri: str, pattern: Pattern, web_url: str | None = None) -> str:
    """A link to the pattern's lines: a page of this site, or the file in the reader's repository."""
    target = web_url or f"{relative_link(page_uri, demo_page_uri(pattern.path))}{lines_target(pattern)}"
    return f"[`{pattern.path}`, lines {pattern.start}–{pattern.end}]({target}){{ .stc-demo-link }}"


LINE_SPAN = re.compile(r'<span id="(__span-\d+-\d+)">((?:<span class="linenos"[^>]*></span>)?(?:<span class="w">)?)( +)')


def with_line_indents(html: str) -> str:
    """Each code line that starts indented carries its indent (`--indent: 4`), so a line wrapped on
    a narrow screen can continue under its own code rather than at the left edge (site.css)."""
    return LINE_SPAN.sub(lambda m: f'<span id="{m[1]}" style="--indent:{len(m[3])}">{m[2]}{m[3]}', html)


def without_markers(text: str) -> str:
    """Code with its section marker lines left blank: readers never see them, and numbering holds."""
    return "\n".join("" if SECTION_MARKER.match(line) else line for line in text.splitlines())


def demo_lines_fold(pattern: Pattern, file_text: str) -> str:
    """The pattern's own lines, folded under the note, so they can be shown without leaving the answer."""
    lines = without_markers(file_text).splitlines()[pattern.start - 1 : pattern.end]
    code = "\n".join(lines)
    fence = "`" * max(3, longest_backtick_run(code) + 1)
    language = "python" if pattern.path.endswith(".py") else "text"
    block = f'{fence}{language} linenums="{pattern.start}"\n{code}\n{fence}'
    return f'??? example "The lines themselves"\n\n{indent(block, "    ")}'



OWN_PROJECT_NOTE = "Your own project does this here:"


def demo_block(
    uri: str, note: str, pattern: Pattern | None, pattern_file: str | None, web_url: str | None, own_project: bool
) -> str:
    """The note and a link to the lines, with the lines folded under it; only the note when no code applies."""
    if pattern is None:
        return note
    block = f"{OWN_PROJECT_NOTE if own_project else note} {demo_link(uri, pattern, web_url)}"
    if pattern_file is not None:
        block += f"\n\n{demo_lines_fold(pattern, pattern_file)}"
    return block


FOLLOW_UPS_HEADING = "They may ask next"
ALSO_ASKED = "Also asked as:"  # before a follow-up's other wordings; search_index.py finds them by it


def follow_up_markdown(
    uri: str,
    follow_up: FollowUp,
    snippet: SnippetView,
    patterns: dict[str, Pattern],
    pages: dict[str, QuestionPage],
    web_urls: dict[str, str],
) -> str:
    """One follow-up under its own heading (its anchor): the answer, or where it is answered, and its code."""
    heading = f"### {plain(follow_up.ask)} {{#{follow_up.anchor} .stc-follow-up}}"
    if follow_up.see:
        slug, _, anchor = follow_up.see.partition("#")
        target = pages[slug]
        link = relative_link(uri, target.path.as_posix()) + (f"#{anchor}" if anchor else "")
        return f"{heading}\n\nAnswered on its own page: [{plain(target.question.title)}]({link})"
    parts = [heading, follow_up.answer]
    if follow_up.aliases:  # the wordings interviewers use: the reader recognises it, search finds it
        parts.append(f"*{ALSO_ASKED}* {'; '.join(plain(alias) for alias in follow_up.aliases)}\n{{: .stc-also-asked }}")
    if follow_up.show_kind == "demo":
        name = follow_up.show_name
        parts.append(searchless(f"In the demo: {demo_link(uri, patterns[name], web_urls.get(name))}"))
    elif follow_up.show_kind == "snippet":
        code = f'```python title="snippets/{snippet.path}"\n--8<-- "{snippet.path}:{follow_up.show_name}"\n```'
        parts.append(searchless('??? example "Show it"\n\n' + indent(code, "    ")))
    return "\n\n".join(parts)


def question_markdown(
    page: QuestionPage,
    snippet: SnippetView,
    pattern: Pattern | None,
    pattern_file: str | None,
    web_urls: dict[str, str],  # pattern -> its lines in the reader's own repository, when it has one
    own_project: bool,
    previous: QuestionPage | None,
    following: QuestionPage | None,
    patterns: dict[str, Pattern],
    pages: dict[str, QuestionPage],
) -> str:
    question = page.question
    uri = page.path.as_posix()
    parts = [priority_badge(question.priority)]
    if question.aliases:  # next to the title: search weighs them with it
        listed = "\n".join(f"- {plain(alias)}" for alias in question.aliases)
        parts.append(f'??? quote "Also asked as ({len(question.aliases)})"\n\n' + indent(listed, "    "))
    parts += [
        "## Say this {#say-this}",
        f'<div class="stc-answer" markdown>\n{question.answer}\n</div>',
        "## Show this {#show-this}",
        # search indexes the words of the question, not its code or the links around it
        searchless(snippet_block(uri, snippet)),
        "## In the demo {#in-the-demo}",
        searchless(demo_block(uri, question.demo_note, pattern, pattern_file, web_urls.get(question.demo), own_project)),
        "## Offer {#offer}",
        searchless(quoted(f"“{question.offer}”")),
    ]
    if question.follow_ups:  # each under its own heading: search and links can open one directly
        parts.append(f"## {FOLLOW_UPS_HEADING} {{#they-may-ask-next}}")
        parts += [follow_up_markdown(uri, f, snippet, patterns, pages, web_urls) for f in question.follow_ups]
    if page.deeper:  # out of the index too: its side topics would outrank other pages' answers
        parts.append(searchless('??? tip "If they dig deeper"\n\n' + indent(page.deeper, "    ")))
    if question.sources:
        parts.append(searchless(sources_markdown(question.sources)))
    parts.append(searchless(neighbour_links(uri, previous, following)))
    return "\n\n".join(parts) + "\n"


def neighbour_links(uri: str, previous: QuestionPage | None, following: QuestionPage | None) -> str:
    links = []
    if previous:
        links.append(f"[← {plain(previous.question.title)}]({relative_link(uri, previous.path.as_posix())})")
    links.append(f"[All questions of this topic]({relative_link(uri, posixpath.dirname(uri) + '/index.md')})")
    if following:
        links.append(f"[{plain(following.question.title)} →]({relative_link(uri, following.path.as_posix())})")
    return '<nav class="stc-neighbours" markdown>\n' + "\n".join(f"- {link}" for link in links) + "\n</nav>"


def answers_listing(page_uri: str, questions: list[QuestionPage], heading: str = "##") -> str:
    """Each question as a linked heading with its priority and spoken answer."""
    return "\n\n".join(
        f"{heading} [{plain(page.question.title)}]({relative_link(page_uri, page.path.as_posix())}) {{#{page.slug}}}\n\n"
        f"{priority_badge(page.question.priority)}\n\n{page.question.answer}"
        for page in questions
    )


def progress_counts(questions: list[QuestionPage]) -> str:
    """A line assets/progress.js fills from the reader's flashcard progress (kept in the browser)."""
    slugs = " ".join(page.slug for page in questions)
    return f'<p class="stc-progress" data-slugs="{slugs}" hidden></p>'


def topic_listing(topic: TopicPage, questions: list[QuestionPage]) -> str:
    """A topic's index: how far the reader is, then every question with its spoken answer, in study order."""
    return f"{topic.topic.summary}\n\n{progress_counts(questions)}\n\n{answers_listing(topic.path.as_posix(), questions)}\n"


Groups = list[tuple[TopicPage, list[QuestionPage]]]

MUST_KNOW_URI = "must-know.md"


def must_know_markdown(groups: Groups) -> str:
    """Every must-know question, topic by topic in study order."""
    count = sum(len(pages) for _, pages in groups)
    parts = [
        "---\ntitle: Must know\nsearch:\n  exclude: true\n---",
        "# Must know",
        f"The {count} questions marked make-or-break, in study order. Say each answer aloud in "
        "30 to 60 seconds, then open the page for the code.",
        progress_counts([page for _, pages in groups for page in pages]),
    ]
    for topic, pages in groups:
        parts.append(f"## {topic.topic.title}")
        parts.append(answers_listing(MUST_KNOW_URI, pages, "###"))
    return "\n\n".join(parts) + "\n"


def cheatsheet_uri(name: str) -> str:
    """cheatsheets/index.md holds every question; cheatsheets/<name>.md one topic or must-know."""
    return f"cheatsheets/{name}.md"


def cheatsheet_pdf(name: str) -> str:
    return f"cheatsheets/{name}.pdf"


def follow_up_lines(page: QuestionPage) -> str:
    asks = "".join(f"<li>{html.escape(follow_up.ask)}</li>" for follow_up in page.question.follow_ups)
    return f'\n<ul class="stc-card-follow-ups" aria-label="They may ask next">{asks}</ul>' if asks else ""


def cheatsheet_markdown(
    name: str, title: str, groups: Groups, others: list[tuple[str, str]] = (), follow_ups: bool = False
) -> str:
    """A compact, printable sheet of questions and spoken answers; `others` lists more sheets; a
    topic's sheet (`follow_ups`) also lists the questions that may come next, one line each."""
    uri = cheatsheet_uri(name)
    pdf = relative_link(uri, cheatsheet_pdf("all" if name == "index" else name))
    parts = [
        f'---\ntitle: "{title}"\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---',
        f"# {title}",
        f'<p class="stc-sheet-actions"><a href="{pdf}" download>Download the PDF</a> or print this page '
        "(two columns on A4).</p>",
    ]
    if others:
        links = " · ".join(f"[{label}]({relative_link(uri, cheatsheet_uri(other))})" for other, label in others)
        parts.append(f'<p class="stc-sheet-actions" markdown>More sheets: {links}</p>')
    parts.append('<div class="stc-cheatsheet" markdown>')
    for topic, pages in groups:
        parts.append(f"## {topic.topic.title}")
        for page in pages:
            parts.append(
                f'<div class="stc-card" markdown>\n'
                f"**[{plain(page.question.title)}]({relative_link(uri, page.path.as_posix())})** "
                f"{priority_badge(page.question.priority)}\n\n{page.question.answer}"
                f"{follow_up_lines(page) if follow_ups else ''}\n</div>"
            )
    parts.append("</div>")
    return "\n\n".join(parts) + "\n"


FLASHCARDS_DATA_URI = "assets/flashcards-data.js"


def question_url(page: QuestionPage, directory_urls: bool) -> str:
    """A question page's address relative to the flashcards page (flashcards/ or flashcards.html)."""
    return f"../{page.topic}/{page.slug}/" if directory_urls else f"{page.topic}/{page.slug}.html"


def follow_up_cards(page: QuestionPage, pages: dict[str, QuestionPage], directory_urls: bool) -> list[dict]:
    """A page's follow-ups as cards; one answered on another page takes that answer and address."""
    cards = []
    for follow_up in page.question.follow_ups:
        answered_on, anchor = page, follow_up.anchor
        answer = follow_up.answer
        if follow_up.see:
            slug, _, see_anchor = follow_up.see.partition("#")
            answered_on, anchor = pages[slug], see_anchor
            answer = next(
                (f.answer for f in answered_on.question.follow_ups if f.anchor == see_anchor),
                answered_on.question.answer,
            )
        url = question_url(answered_on, directory_urls) + (f"#{anchor}" if anchor else "")
        cards.append({"id": f"{page.slug}#{follow_up.anchor}", "ask": follow_up.ask, "answer": " ".join(answer.split()), "url": url})
    return cards


def flashcards_data(groups: Groups, pages: dict[str, QuestionPage], directory_urls: bool = True) -> str:
    """The deck for flashcards and the mock interview, as a script (not JSON, so it also loads
    from file://). Links are relative to the flashcards page."""
    data = {
        "topics": [{"name": topic.name, "title": topic.topic.title} for topic, _ in groups],
        "questions": [
            {
                "slug": page.slug,
                "title": page.question.title,
                "answer": " ".join(page.question.answer.split()),
                "topic": topic.name,
                "topic_title": topic.topic.title,
                "priority": page.question.priority,
                "priority_label": PRIORITY_LABEL[page.question.priority],
                "url": question_url(page, directory_urls),
                "follow_ups": follow_up_cards(page, pages, directory_urls),
            }
            for topic, topic_pages in groups
            for page in topic_pages
        ],
    }
    return f"window.STC_FLASHCARDS = {json.dumps(data, ensure_ascii=False)};\n"


def longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def code_file_markdown(source_path: str, text: str, intro: str, highlighted: list[tuple[int, int]]) -> str:
    """A file shown whole, with line numbers and some line ranges highlighted."""
    language = "python" if source_path.endswith(".py") else "text"
    fence = "`" * max(3, longest_backtick_run(text) + 1)
    marked = " ".join(f"{start}-{end}" for start, end in highlighted)
    options = f' hl_lines="{marked}"' if marked else ""
    return (
        f"---\ntitle: {source_path}\nsearch:\n  exclude: true\n---\n\n"
        f"# `{source_path}`\n\n{intro}\n\n"
        f'{fence}{language} linenums="1"{options}\n{text.rstrip()}\n{fence}\n'
    )


def demo_file_markdown(source_path: str, text: str, patterns: list[Pattern]) -> str:
    """A demo file shown whole; a link from an answer highlights its pattern's lines only."""
    listing = "\n".join(
        f"- [`{pattern.name}`]({lines_target(pattern)}): lines {pattern.start}–{pattern.end}"
        for pattern in sorted(patterns, key=lambda pattern: pattern.start)
    )
    return code_file_markdown(
        source_path,
        without_markers(text),
        f"The patterns the answers link to (a link highlights its lines):\n\n{listing}",
        [],
    )


def snippet_file_markdown(view: SnippetView, text: str, question_uri: str) -> str:
    """A snippet file shown whole, its section markers left out and the part the page shows highlighted."""
    lines = text.splitlines()
    kept = [line for line in lines if not SECTION_MARKER.match(line)]
    markers_before = [sum(1 for line in lines[:number] if SECTION_MARKER.match(line)) for number in range(len(lines) + 1)]
    first = view.shape.first - markers_before[view.shape.first - 1]  # marker lines are dropped
    last = view.shape.last - markers_before[view.shape.last]
    back = relative_link(snippet_page_uri(view.path), question_uri)
    return code_file_markdown(
        f"snippets/{view.path}",
        "\n".join(kept),
        f"The whole snippet of [this question]({back}); the highlighted lines are the part the page shows. "
        f"Run it with `python snippets/{view.path}`.",
        [(first, last)],
    )
