"""Find the named pattern sections in the demo project.

A section is marked the way pymdownx.snippets marks them:

    # --8<-- [start:cors]
    app.add_middleware(CORSMiddleware, ...)
    # --8<-- [end:cors]

Sections may nest; a name is used once in the whole project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"#\s*--8<--\s*\[(start|end):([a-z0-9-]+)\]\s*$")
SCANNED_SUFFIXES = {".py", ".toml", ".ini", ".cfg", ".yml", ".yaml", ".sh", ".txt"}
SCANNED_NAMES = {"Dockerfile"}
SKIPPED_DIRS = {"__pycache__", ".venv", ".pytest_cache", "node_modules"}


@dataclass(frozen=True)
class Pattern:
    name: str
    path: str  # relative to the project root, with forward slashes
    start: int  # first line of the section's code, 1-based
    end: int  # last line of the section's code


class PatternError(Exception):
    pass


def demo_files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and (path.suffix in SCANNED_SUFFIXES or path.name in SCANNED_NAMES)
        and not SKIPPED_DIRS & set(path.relative_to(root).parts)
    )


def sections_in(text: str, where: str) -> list[Pattern]:
    open_at: dict[str, int] = {}
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = MARKER.search(line)
        if not match:
            continue
        kind, name = match.groups()
        if kind == "start":
            if name in open_at:
                raise PatternError(f"{where}:{number}: section '{name}' is already open")
            open_at[name] = number
        else:
            if name not in open_at:
                raise PatternError(f"{where}:{number}: end of section '{name}' that was never started")
            start = open_at.pop(name)
            if number - start < 2:
                raise PatternError(f"{where}:{start}: section '{name}' is empty")
            found.append(Pattern(name, where, start + 1, number - 1))
    if open_at:
        name, number = next(iter(open_at.items()))
        raise PatternError(f"{where}:{number}: section '{name}' is never ended")
    return found


def find_patterns(root: Path, project_root: Path) -> dict[str, Pattern]:
    """Every named section under `root`, by name; raise PatternError on a malformed or repeated one."""
    patterns: dict[str, Pattern] = {}
    for path in demo_files(root):
        where = path.relative_to(project_root).as_posix()
        for pattern in sections_in(path.read_text(encoding="utf-8"), where):
            if pattern.name in patterns:
                first = patterns[pattern.name]
                raise PatternError(
                    f"{where}:{pattern.start - 1}: section '{pattern.name}' is also in "
                    f"{first.path}:{first.start - 1}"
                )
            patterns[pattern.name] = pattern
    return patterns
