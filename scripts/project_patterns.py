"""Find the demo's patterns in your own project, so the answers can link to your code instead.

    uv run python scripts/project_patterns.py PATH [--web-url URL] [--output FILE]

PATH is another repository; --web-url is where its files are browsed, such as
https://github.com/me/app/blob/main. For every pattern the demo marks, a detector
(scripts/detectors/) looks for the best place in PATH's code, without any markers. Writes FILE
(default project-links.json):

    {"project": "/abs/path", "web_url": "https://..." or null,
     "patterns": {"cors": {"path": "app/main.py", "start": 12, "end": 20}, ...},
     "unreadable": {"tools/old.py": "line 2: Missing parentheses in call to 'print'..."}}

and prints how many patterns were found and, for each one that was not, what to add. Code written
for a newer Python than the one running this is read too (newer_syntax.py); a Python file that still
cannot be parsed is listed, with why, in the output and under "unreadable", since patterns in it
cannot be found. Exits 0 even when some are missing; 2 when PATH is not a folder or has no Python
files that parse.
`load_project_links` reads the file back.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from demo_patterns import Pattern, find_patterns
from detectors import DETECTORS
from project_code import Project, Span, read_project

PROJECT = Path(__file__).resolve().parent.parent
NO_DETECTOR_HINT = "no detector for this pattern yet: compare with the demo by hand"


def demo_pattern_names() -> list[str]:
    return sorted(find_patterns(PROJECT / "demo", PROJECT))


def find_in_project(project: Project, names: list[str]) -> dict[str, Span | None]:
    """Each pattern name with the best place that shows it, or None."""
    return {name: DETECTORS[name].find(project) if name in DETECTORS else None for name in names}


def hint_for(name: str) -> str:
    return DETECTORS[name].hint if name in DETECTORS else NO_DETECTOR_HINT


def links_json(
    root: Path, web_url: str | None, found: dict[str, Span | None], unreadable: dict[str, str] | None = None
) -> dict:
    return {
        "project": str(root),
        "web_url": web_url,
        "patterns": {
            name: {"path": span.path, "start": span.start, "end": span.end}
            for name, span in sorted(found.items())
            if span is not None
        },
        "unreadable": dict(sorted((unreadable or {}).items())),
    }


def report(found: dict[str, Span | None], output: Path, unreadable: dict[str, str] | None = None) -> str:
    missing = sorted(name for name, span in found.items() if span is None)
    lines = [f"Found {len(found) - len(missing)} of {len(found)} demo patterns; wrote {output}."]
    if missing:
        width = max(len(name) for name in missing)
        lines += ["", "Add or learn before the interview:"]
        lines += [f"  {name.ljust(width)}  {hint_for(name)}" for name in missing]
    if unreadable:
        files = f"{len(unreadable)} Python file" + ("s" if len(unreadable) > 1 else "")
        lines += ["", f"Not read, so patterns there were not looked for ({files}):"]
        lines += [f"  {path}: {why}" for path, why in sorted(unreadable.items())]
    return "\n".join(lines)


# --- reading the file back ----------------------------------------------------------------------


class ProjectLinksError(Exception):
    pass


@dataclass(frozen=True)
class ProjectLinks:
    root: Path  # the project the paths are relative to
    web_url: str | None  # where its files are browsed, without a trailing slash
    patterns: dict[str, Pattern]


class LinkedLines(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    path: str = Field(min_length=1)
    start: int = Field(ge=1)
    end: int = Field(ge=1)

    @model_validator(mode="after")
    def lines_in_order(self) -> LinkedLines:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.path.startswith("/") or "\\" in self.path or ".." in self.path.split("/"):
            raise ValueError(f"path '{self.path}' must be relative to the project, with forward slashes")
        return self


class LinksFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    project: str = Field(min_length=1)
    web_url: str | None
    patterns: dict[str, LinkedLines]
    unreadable: dict[str, str] = Field(default_factory=dict)  # Python files that did not parse -> why


def parse_project_links(text: str, where: str) -> ProjectLinks:
    """The links in a project-links.json text; raises ProjectLinksError naming `where`."""
    try:
        data = LinksFile.model_validate(json.loads(text))
    except json.JSONDecodeError as error:
        raise ProjectLinksError(f"{where}: not valid JSON: {error}") from None
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']) or 'top level'}: {item['msg']}" for item in error.errors()
        )
        raise ProjectLinksError(f"{where}: {problems}") from None
    patterns = {name: Pattern(name, lines.path, lines.start, lines.end) for name, lines in data.patterns.items()}
    return ProjectLinks(Path(data.project), data.web_url.rstrip("/") if data.web_url else None, patterns)


def load_project_links(path: Path) -> ProjectLinks:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectLinksError(f"{path}: cannot be read: {error}") from None
    return parse_project_links(text, str(path))


# --- the command --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Find the demo's patterns in your own project.")
    parser.add_argument("path", type=Path, help="the folder of your project")
    parser.add_argument("--web-url", help="where its files are browsed, e.g. https://github.com/me/app/blob/main")
    parser.add_argument("--output", type=Path, default=Path("project-links.json"), help="default: project-links.json")
    arguments = parser.parse_args(argv)

    root = arguments.path.resolve()
    if not root.is_dir():
        print(f"error: {arguments.path} is not a folder", file=sys.stderr)
        return 2
    project = read_project(root)
    for where, why in sorted(project.unparsed.items()):
        print(f"warning: {where} does not parse, patterns in it are not found: {why}", file=sys.stderr)
    if not project.sources:
        problem = "has no Python files" if not project.unparsed else "has no Python files that parse"
        print(f"error: {arguments.path} {problem}", file=sys.stderr)
        return 2

    web_url = arguments.web_url.rstrip("/") if arguments.web_url else None
    found = find_in_project(project, demo_pattern_names())
    links = links_json(root, web_url, found, project.unparsed)
    arguments.output.write_text(json.dumps(links, indent=2) + "\n", encoding="utf-8")
    print(report(found, arguments.output, project.unparsed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
