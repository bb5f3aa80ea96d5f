"""Every snippet runs on its own, fast, and prints exactly the output its page shows."""

from pathlib import Path

import pytest

import snippet_output

PROJECT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((PROJECT / "snippets").rglob("*.py"))


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_snippet_prints_what_it_shows(path, request):
    if request.config.getoption("--update-snippets"):
        snippet_output.rewrite(path)
    assert snippet_output.differences(path) == []


def test_there_are_snippets():
    assert SNIPPETS, "no snippets found"
