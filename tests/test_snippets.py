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


NOT_RUN = "# not run here (needs {module}): a platform of its own.\n"


@pytest.mark.parametrize(
    "source, problem",
    [
        (NOT_RUN.format(module="airflow") + "from airflow.sdk import dag\n", None),
        (NOT_RUN.format(module="airflow") + "import os\n", "declares it needs airflow but never imports it"),
        (NOT_RUN.format(module="json") + "import json\n", "json is installed here, so the snippet must run"),
        (NOT_RUN.format(module="airflow") + "import airflow\nprint(airflow)\n#> <module>\n", "shows `#>` output"),
        (NOT_RUN.format(module="airflow") + "import airflow(\n", "does not parse"),
    ],
    ids=["a real platform file", "does not import it", "installed, so it must run", "shows output", "broken"],
)
def test_a_snippet_for_a_platform_that_cannot_run_here_is_checked_not_run(tmp_path, source, problem):
    path = tmp_path / "dag.py"
    path.write_text(source, encoding="utf-8")
    found = snippet_output.differences(path)
    if problem is None:
        assert found == []
    else:
        assert any(problem in line for line in found), found
