"""The content checker rejects each kind of bad input, naming the file and the reason."""

import shutil
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from site_paths import PROJECT, build_site
from content import ContentError, is_primary_source, load_bank, spoken_problems, split_sentences
from demo_patterns import PatternError, find_patterns

GOOD_QUESTION = """\
---
title: {title}
priority: high
tags: [asyncio]
aliases:
  - {alias}
answer: >-
  An event loop runs one task at a time and switches at each await. It suits I/O-bound work.
snippet: basics/{snippet}.py
demo: loop
demo_note: The demo awaits the database here.
offer: Want me to show the await?
sources:
  - title: "Python docs: asyncio"
    url: https://docs.python.org/3/library/asyncio.html
    version: Python 3.14
follow_ups:
{follow_ups}
---

A short deeper part.
"""

FOLLOW_UPS = {
    "event-loop": """\
  - ask: What happens when a coroutine never awaits?
    answer: It holds the loop, so every other task waits until it returns.
    show: demo:loop
  - ask: How do you run a blocking call from a coroutine?
    answer: Hand it to a thread with asyncio.to_thread and await the result.
  - ask: Can two tasks run at the same instant on one loop?
    answer: No. One loop runs one task at a time on one thread.""",
    "gil": """\
  - ask: Does the lock make your own code thread-safe?
    answer: No. It keeps the interpreter's internals consistent, not your read-modify-write steps.
  - ask: Which workloads still scale with threads?
    answer: Work that waits on I/O, because a blocked thread releases the lock.
  - ask: How is the event loop different from threads?
    see: event-loop""",
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    """A tiny valid project: one topic, two questions, their snippets and one demo pattern."""
    write(tmp_path / "docs/basics/index.md", "---\ntitle: Basics\nsummary: The basics.\nquestions: [event-loop, gil]\n---\n")
    for slug, title, alias in [
        ("event-loop", "What is the asyncio event loop?", "How does the event loop schedule coroutines?"),
        ("gil", "What is the global interpreter lock?", "Why can't CPython threads run bytecode in parallel?"),
    ]:
        snippet = slug.replace("-", "_")
        write(
            tmp_path / f"docs/basics/{slug}.md",
            GOOD_QUESTION.format(title=title, alias=alias, snippet=snippet, follow_ups=FOLLOW_UPS[slug]),
        )
        write(tmp_path / f"snippets/basics/{snippet}.py", 'print(sum([1, 2]))\n#> 3\n')
    write(tmp_path / "demo/app.py", "# --8<-- [start:loop]\nawait thing()\n# --8<-- [end:loop]\n")
    return tmp_path


def check(project: Path):
    patterns = find_patterns(project / "demo", project)
    marked = {name: f"{pattern.path}:{pattern.start - 1}" for name, pattern in patterns.items()}
    return load_bank(project / "docs", ["basics"], project / "snippets", marked)


def problems_of(project: Path) -> str:
    with pytest.raises(ContentError) as caught:
        check(project)
    return str(caught.value)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_valid_project_passes(project):
    bank = check(project)
    assert list(bank.questions) == ["event-loop", "gil"]
    assert bank.questions["gil"].deeper == "A short deeper part."


EDITS_AND_PROBLEMS = [
    pytest.param(
        "docs/basics/gil.md",
        "offer: Want me to show the await?\n", "",
        "docs/basics/gil.md: missing field 'offer'",
        id="missing field",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "priority: high", "priority: high\nlevel: senior",
        "docs/basics/gil.md: unknown field 'level'",
        id="unknown field",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "tags: [asyncio]", "tags: [asyncio, asyncoi]",
        "docs/basics/gil.md: field 'tags': not in the allowed list: asyncoi",
        id="tag not in the allowed list",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "title: What is the global", "title: What is the `global`",
        "docs/basics/gil.md: field 'title': must be plain text",
        id="markdown in a title",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "priority: high", "priority: urgent",
        "docs/basics/gil.md: field 'priority'",
        id="bad priority",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "tags: [asyncio]", "tags: [asyncio",
        "docs/basics/gil.md: front matter is not valid YAML",
        id="malformed front matter",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "It suits I/O-bound work.", "It suits" + " very" * 50 + " I/O-bound work.",
        "docs/basics/gil.md: field 'answer': 68 words; at most 60",
        id="answer over 60 words",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "It suits I/O-bound work.", "It suits I/O. It is fast. It is old.",
        "docs/basics/gil.md: field 'answer': 4 sentences; at most 3",
        id="answer over 3 sentences",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "A short deeper part.", "word " * 151,
        "docs/basics/gil.md: deeper section has 151 words; at most 150",
        id="deeper part over 150 words",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "A short deeper part.", "## Say this\n\nCopied block.",
        "docs/basics/gil.md: the body holds only the deeper part: no headings",
        id="heading in the body",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "demo: loop", "demo: lopo",
        "docs/basics/gil.md: unknown demo pattern 'lopo'",
        id="unknown demo pattern",
    ),
    pytest.param(
        "docs/basics/index.md",
        "questions: [event-loop, gil]", "questions: [event-loop]",
        "docs/basics/gil.md: no topic lists this question",
        id="question no topic lists",
    ),
    pytest.param(
        "docs/basics/index.md",
        "[event-loop, gil]", "[event-loop, gil, ghost]",
        "docs/basics/index.md: lists 'ghost', which has no page in this topic",
        id="topic lists a missing question",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "title: What is the global interpreter lock?", "title: Explain the global interpreter lock",
        "docs/basics/gil.md: field 'title': must be a question ending with '?'",
        id="title that is not a question",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "demo_note: The demo awaits the database here.", "demo_note: The demo awaits here. Then it returns.",
        "docs/basics/gil.md: field 'demo_note': must be one sentence",
        id="demo note of two sentences",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "offer: Want me to show the await?", "offer: |-\n  Want me to show\n  the await?",
        "docs/basics/gil.md: field 'offer': must be one line",
        id="offer over two lines",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "offer: Want me to show the await?", "offer: Show it?",
        "docs/basics/gil.md: field 'offer': String should have at least 10 characters",
        id="offer too short to say anything",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "sources:\n  - title: \"Python docs: asyncio\"\n    url: https://docs.python.org/3/library/asyncio.html\n"
        "    version: Python 3.14\n", "",
        "docs/basics/gil.md: no sources: name the official pages",
        id="page without sources",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "https://docs.python.org/3/library/asyncio.html", "https://realpython.com/async-io-python/",
        "docs/basics/gil.md: field 'sources.0.url': realpython.com is not a primary source",
        id="source that is not a primary source",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "https://docs.python.org/3/library/asyncio.html", "http://docs.python.org/3/library/asyncio.html",
        "docs/basics/gil.md: field 'sources.0.url'",
        id="source without https",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "An event loop runs one task", "Call `asyncio.run(main(), debug=True)`: an event loop runs one task",
        "the first sentence must say it in words: `asyncio.run(main(), debug=True)` is code",
        id="first sentence opens with a call",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "An event loop runs one task at a time", "An `EventLoop` runs one `Task` at a time",
        "the first sentence has 2 code spans; at most one short name",
        id="two code spans in the first sentence",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "It suits I/O-bound work.", "It suits `await`, `async with` and `async for`.",
        "docs/basics/gil.md: field 'answer': 3 code spans; at most 2",
        id="three code spans in the answer",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "answer: Work that waits on I/O, because a blocked thread releases the lock.",
        "answer: Work that waits on I/O" + " and more" * 15 + ", because a blocked thread releases the lock.",
        "docs/basics/gil.md: field 'follow_ups.1.answer': 42 words; at most 40",
        id="follow-up answer over 40 words",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "answer: Work that waits on I/O, because a blocked thread releases the lock.",
        "answer: Work that waits on I/O. A blocked thread releases the lock. So others run.",
        "docs/basics/gil.md: field 'follow_ups.1.answer': 3 sentences; at most 2",
        id="follow-up answer over 2 sentences",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: Which workloads still scale with threads?\n",
        "  - ask: Which workloads still scale with threads\n",
        "docs/basics/gil.md: field 'follow_ups.1.ask': must be a question ending with '?'",
        id="follow-up that is not a question",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "    see: event-loop", "    see: event-loop\n    answer: It runs tasks on one thread.",
        "docs/basics/gil.md: field 'follow_ups.2': needs an answer, or `see:` naming the page that answers it (not both)",
        id="follow-up with an answer and a see",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "    see: event-loop", "    see: event-loop#fu-nothing-here",
        "docs/basics/gil.md: follow-up 'How is the event loop different from threads?' sees "
        "'event-loop#fu-nothing-here': that page has no follow-up 'fu-nothing-here'",
        id="follow-up sees a missing anchor",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "    see: event-loop", "    see: event-lop",
        "docs/basics/gil.md: follow-up 'How is the event loop different from threads?' sees 'event-lop', which is no page",
        id="follow-up sees a missing page",
    ),
    pytest.param(
        "docs/basics/event-loop.md",
        "    show: demo:loop", "    show: snippet:blocking",
        "docs/basics/event-loop.md: follow-up 'What happens when a coroutine never awaits?' shows snippet "
        "section 'blocking', which snippets/basics/event_loop.py does not mark",
        id="follow-up shows an unknown snippet section",
    ),
    pytest.param(
        "docs/basics/event-loop.md",
        "    show: demo:loop", "    show: demo:lopo",
        "docs/basics/event-loop.md: follow-up 'What happens when a coroutine never awaits?' shows unknown demo pattern 'lopo'",
        id="follow-up shows an unknown demo pattern",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: How is the event loop different from threads?\n    see: event-loop",
        "  - ask: And what is the asyncio event loop?\n    answer: It runs tasks on one thread and switches at awaits.",
        "docs/basics/gil.md: follow-up 'And what is the asyncio event loop?' is the question "
        "'What is the asyncio event loop?' of docs/basics/event-loop.md: link it with `see: event-loop`",
        id="follow-up that is another page's question",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: Does the lock make your own code thread-safe?",
        "  - ask: Can two tasks run at the same instant on a loop?",
        "docs/basics/gil.md: follow-up 'Can two tasks run at the same instant on a loop?' repeats "
        "'Can two tasks run at the same instant on one loop?' of docs/basics/event-loop.md: answer it once "
        "and link it with `see: event-loop#fu-two-tasks-run-same-instant-one`",
        id="follow-up repeated on another page",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: Does the lock make your own code thread-safe?",
        "  - ask: Does the lock make your own code thread-safe?\n    aliases:\n      - And what is the asyncio event loop?",
        "docs/basics/gil.md: follow-up 'Does the lock make your own code thread-safe?', asked as 'And what is the "
        "asyncio event loop?', is the question 'What is the asyncio event loop?' of docs/basics/event-loop.md: "
        "link it with `see: event-loop`",
        id="follow-up wording that is another page's question",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: Does the lock make your own code thread-safe?",
        "  - ask: Does the lock make your own code thread-safe?\n    aliases:\n      - Is `x += 1` atomic?",
        "docs/basics/gil.md: field 'follow_ups.0.aliases': must be plain text",
        id="follow-up wording with markup",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: Does the lock make your own code thread-safe?",
        "  - ask: What workloads still scale with the threads?",
        "docs/basics/gil.md: field 'follow_ups': two follow-ups share the anchor 'fu-workloads-still-scale-threads'",
        id="two follow-ups with one anchor",
    ),
    pytest.param(
        "docs/basics/gil.md",
        "  - ask: How is the event loop different from threads?\n    see: event-loop", "",
        "docs/basics/gil.md: 2 follow-ups; a high-priority page needs at least 3",
        id="fewer follow-ups than the priority needs",
    ),
]


@pytest.mark.parametrize("file, old, new, problem", EDITS_AND_PROBLEMS)
def test_bad_input_is_reported_with_its_file(project, file, old, new, problem):
    edit(project / file, old, new)
    assert problem in problems_of(project)


LONG_SNIPPET = "".join(f"value_{n} = {n}\n" for n in range(26)) + "print(value_25)\n#> 25\n"


@pytest.mark.parametrize(
    "snippet, reason",
    [
        (LONG_SNIPPET, "the page (no 'show' section) shows 28 lines; at most 25"),
        (
            "# --8<-- [start:show]\n" + LONG_SNIPPET + "# --8<-- [end:show]\n",
            "its 'show' section shows 28 lines; at most 25",
        ),
        ("# --8<-- [start:show]\nx = 1\nprint(x)\n", "section 'show' starts on line 1 and never ends"),
        ("# --8<-- [end:show]\nx = 1\nprint(x)\n", "line 1: section 'show' ends before it starts"),
        ("# --8<-- [start:a]\nx = 1\n# --8<-- [end:a]\n# --8<-- [start:a]\nprint(x)\n# --8<-- [end:a]\n",
         "line 4: section 'a' is marked twice"),
        ('print("ran as a script")\n', "line 1: prints a constant, which proves nothing"),
        ('print(f"ready={True}")\n', "line 1: prints a constant, which proves nothing"),
        ("elapsed = 0.2\nprint(f'fast={1 < 2}')\n", "line 2: prints a comparison that cannot fail"),
        ("x = [1]\nprint(x == x)\n", "line 2: prints a comparison that cannot fail"),
        ("print(x =)\n", "does not parse"),
    ],
    ids=[
        "too long to show", "shown section too long", "section never ended", "section ends first", "section marked twice",
        "prints a literal", "prints an f-string of constants", "prints a constant comparison",
        "prints x == x", "does not parse",
    ],
)
def test_snippet_the_page_cannot_show(project, snippet, reason):
    write(project / "snippets/basics/gil.py", snippet)
    assert f"snippets/basics/gil.py: {reason}" in problems_of(project)


@pytest.mark.parametrize(
    "snippet",
    [
        "# --8<-- [start:show]\n" + LONG_SNIPPET.replace("value_25 = 25\nprint(value_25)\n#> 25\n", "") + "# --8<-- [end:show]\n"
        "print(value_24)\n#> 24\n",
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('refused')\n    #> refused\n",
        "def gen():\n    print('body runs')\n    yield 1\n\n\nprint(next(gen()))\n#> body runs\n#> 1\n",
        "class Order:\n    pass\n\n\nprint(Order() is Order())\n#> False\n",
        "# --8<-- [start:show]\nx = 1\n# --8<-- [start:why]\ny = x + 1\n# --8<-- [end:why]\n# --8<-- [end:show]\nprint(y)\n#> 2\n",
    ],
    ids=[
        "idea in a section, proof outside", "a trace in an except", "a trace in a generator", "a comparison of two calls",
        "a follow-up's section inside the shown one",
    ],
)
def test_snippets_the_page_can_show(project, snippet):
    write(project / "snippets/basics/gil.py", snippet)
    check(project)


def test_primary_sources_accept_a_listed_host_or_path_only():
    assert is_primary_source("https://docs.python.org/3/library/asyncio.html")
    assert is_primary_source("https://github.com/python/cpython/blob/main/InternalDocs/README.md")
    assert not is_primary_source("https://github.com/someone/cpython-notes")
    assert not is_primary_source("https://docs.python.org.example.com/3/")


@pytest.mark.parametrize(
    "answer, said",
    [
        ("The `async def` keyword makes a coroutine function.", True),
        ("A `__slots__` class stores attributes in fixed slots.", True),
        ("Use `asyncio.gather()` to await several at once.", True),
        ("Pass `--workers 4` to Uvicorn.", False),
        ("Set `echo_pool=True` on the engine.", False),
        ("Annotate the key as `Mapped[uuid.UUID]` to store UUIDs.", False),
    ],
)
def test_first_sentence_allows_one_short_name_only(answer, said):
    assert (spoken_problems(answer) == []) is said


def test_answers_average_at_most_45_words_across_the_bank(project):
    long = "An event loop runs one task at a time and switches at each await." + " It suits I/O-bound work well" * 7 + "."
    for page in ["event-loop", "gil"]:
        edit(project / f"docs/basics/{page}.md", "An event loop runs one task at a time and switches at each await. It suits I/O-bound work.", long)
    assert "docs/: answers average 49.0 words; at most 45 across the bank" in problems_of(project)


def test_a_demo_note_that_says_the_demo_lacks_the_thing(project):
    edit(project / "docs/basics/gil.md", "demo_note: The demo awaits the database here.",
         "demo_note: The demo has no breaker, but its timeout fails fast.")
    assert "docs/basics/gil.md: field 'demo_note': says what the demo lacks ('The demo has no')" in problems_of(project)


def test_no_demo_code_only_for_coding_and_career(project):
    edit(project / "docs/basics/gil.md", "demo: loop", "demo: none")
    assert "docs/basics/gil.md: demo: none is only for coding exercises and career questions" in problems_of(project)
    write(project / "docs/coding/index.md", "---\ntitle: Coding\nsummary: Exercises.\nquestions: [gil]\n---\n")
    (project / "docs/basics/gil.md").rename(project / "docs/coding/gil.md")
    edit(project / "docs/basics/index.md", "[event-loop, gil]", "[event-loop]")
    patterns = find_patterns(project / "demo", project)
    marked = {name: f"{pattern.path}:{pattern.start - 1}" for name, pattern in patterns.items()}
    bank = load_bank(project / "docs", ["basics", "coding"], project / "snippets", marked)
    assert bank.questions["gil"].question.demo == "none"


def test_missing_front_matter(project):
    write(project / "docs/basics/gil.md", "# Just a heading\n")
    assert "docs/basics/gil.md: no front matter" in problems_of(project)


def test_duplicate_slug(project):
    write(project / "docs/more/index.md", "---\ntitle: More\nsummary: More.\nquestions: [gil]\n---\n")
    shutil.copy(project / "docs/basics/gil.md", project / "docs/more/gil.md")
    assert "docs/more/gil.md: duplicate slug 'gil'" in problems_of(project)


def test_near_duplicate_questions(project):
    edit(
        project / "docs/basics/gil.md",
        "Why can't CPython threads run bytecode in parallel?",
        "How does the event loop schedule the coroutines?",
    )
    message = problems_of(project)
    assert (
        "docs/basics/event-loop.md: 'How does the event loop schedule coroutines?' is a near-duplicate"
        " of 'How does the event loop schedule the coroutines?' in docs/basics/gil.md"
    ) in message


def test_missing_snippet(project):
    (project / "snippets/basics/gil.py").unlink()
    assert "docs/basics/gil.md: snippet not found: snippets/basics/gil.py" in problems_of(project)


def test_snippet_no_page_uses(project):
    write(project / "snippets/basics/orphan.py", 'print("x")\n')
    assert "snippets/basics/orphan.py: no question page uses this snippet" in problems_of(project)


def test_topic_outside_the_navigation(project):
    write(project / "docs/extra/index.md", "---\ntitle: Extra\nsummary: Extra.\nquestions: [event-loop]\n---\n")
    assert "docs/extra/index.md: topic 'extra' is not in the site navigation" in problems_of(project)


def test_demo_pattern_no_question_links(project):
    write(project / "demo/other.py", "# --8<-- [start:unused]\ny = 2\n# --8<-- [end:unused]\n")
    assert "demo/other.py:1: demo pattern 'unused' is linked by no question" in problems_of(project)


def test_every_problem_is_reported_at_once(project):
    edit(project / "docs/basics/gil.md", "demo: loop", "demo: lopo")
    (project / "snippets/basics/event_loop.py").unlink()
    message = problems_of(project)
    assert "docs/basics/gil.md: unknown demo pattern" in message
    assert "docs/basics/event-loop.md: snippet not found" in message


@pytest.mark.parametrize(
    "demo_source, reason",
    [
        ("# --8<-- [start:loop]\nx = 1\n", "demo/app.py:1: section 'loop' is never ended"),
        ("x = 1\n# --8<-- [end:loop]\n", "demo/app.py:2: end of section 'loop' that was never started"),
        ("# --8<-- [start:loop]\n# --8<-- [end:loop]\n", "demo/app.py:1: section 'loop' is empty"),
    ],
)
def test_malformed_demo_sections(project, demo_source, reason):
    write(project / "demo/app.py", demo_source)
    with pytest.raises(PatternError, match=reason.replace("[", r"\[")):
        find_patterns(project / "demo", project)


def test_demo_pattern_defined_twice(project):
    write(project / "demo/other.py", "# --8<-- [start:loop]\ny = 2\n# --8<-- [end:loop]\n")
    with pytest.raises(PatternError, match="demo/other.py:1: section 'loop' is also in demo/app.py:1"):
        find_patterns(project / "demo", project)


def test_sentence_splitting_keeps_versions_and_calls_whole():
    text = "Python 3.14 ships it. Call asyncio.run() once! Does it block? No."
    assert split_sentences(text) == ["Python 3.14 ships it.", "Call asyncio.run() once!", "Does it block?", "No."]


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    """A copy of the real project, for breaking a page and running the real build on it."""
    copy = tmp_path_factory.mktemp("project")
    for name in ["docs", "snippets", "demo", "scripts"]:
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def first_question(project: Path) -> Path:
    return next(path for path in sorted((project / "docs").glob("*/*.md")) if path.name != "index.md")


def test_the_build_stops_on_bad_content_and_names_the_file(project_copy, tmp_path):
    page = first_question(project_copy)
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original.replace("\ndemo: ", "\ndemo: no-such-", 1), encoding="utf-8")
        result = build_site(project_copy, tmp_path / "site")
        checker = subprocess.run(
            [sys.executable, "scripts/check_content.py"], cwd=project_copy, capture_output=True, text=True
        )
    finally:
        page.write_text(original, encoding="utf-8")
    where = page.relative_to(project_copy).as_posix()
    assert result.returncode != 0
    assert f"{where}: unknown demo pattern 'no-such-" in result.stderr
    assert checker.returncode == 1
    assert f"{where}: unknown demo pattern 'no-such-" in checker.stderr


def test_the_checker_passes_on_the_real_bank():
    result = subprocess.run(
        [sys.executable, "scripts/check_content.py"], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
