"""Run a snippet and compare what each print() call printed with the `#>` lines under it.

A snippet shows its output in place, Pydantic-docs style:

    print(f"threads={count}")
    #> threads=4

`python scripts/snippet_output.py snippets/x/y.py [--update]` checks (or rewrites) one file;
the tests do the same for every snippet.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import runpy
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OUTPUT_MARK = "#>"
TIME_LIMIT_SECONDS = 5.0
# The first line of a snippet for a whole platform that cannot run here (an orchestrator with its
# own scheduler and database): `# not run here (needs airflow): why`. It is parsed, not run.
NOT_RUN = re.compile(r"^# not run here \(needs (?P<module>[a-z_][a-z0-9_]*)\): (?P<reason>.+)$")


@dataclass(frozen=True)
class NotRun:
    module: str  # the platform's top-level module the snippet imports
    reason: str


def not_run(source: str) -> NotRun | None:
    match = NOT_RUN.match(source.split("\n", 1)[0])
    return NotRun(match["module"], match["reason"].strip()) if match else None


def unrun_problems(source: str, declared: NotRun) -> list[str]:
    """A snippet that is not run still parses, imports the platform it declares, shows no output,
    and needs a platform that really is missing here (else it must run)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [f"does not parse: {error.msg} (line {error.lineno})"]
    problems = []
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    if declared.module not in imported:
        problems.append(f"declares it needs {declared.module} but never imports it")
    if importlib.util.find_spec(declared.module) is not None:
        problems.append(f"{declared.module} is installed here, so the snippet must run")
    if any(is_output_line(line) for line in source.splitlines()):
        problems.append("shows `#>` output, but it is not run")
    return problems


@dataclass(frozen=True)
class PrintSite:
    line: int  # first line of the print( call
    last_line: int  # last line of the call
    statement_end: int  # the output block starts after this line
    indent: int


@dataclass(frozen=True)
class Run:
    printed: dict[int, list[str]]  # print site line -> lines printed there, in order
    unplaced: list[str]  # output no print site in the snippet accounts for
    returncode: int
    stderr: str
    seconds: float


def print_sites(source: str) -> list[PrintSite]:
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    sites = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            statement = node
            while not isinstance(statement, ast.stmt):
                statement = parents[statement]
            sites.append(
                PrintSite(node.lineno, node.end_lineno, statement.end_lineno, statement.col_offset)
            )
    return sorted(sites, key=lambda site: site.line)


def is_output_line(line: str) -> bool:
    return line.strip().startswith(OUTPUT_MARK)


def output_text(line: str) -> str:
    text = line.strip()[len(OUTPUT_MARK) :]
    return text[1:] if text.startswith(" ") else text


def shown_outputs(source: str) -> tuple[dict[int, list[str]], list[int]]:
    """The `#>` lines under each print site, and the numbers of `#>` lines under none."""
    lines = source.splitlines()
    shown: dict[int, list[str]] = {}
    claimed: set[int] = set()
    for site in print_sites(source):
        block = []
        number = site.statement_end + 1
        while number <= len(lines) and is_output_line(lines[number - 1]):
            block.append(output_text(lines[number - 1]))
            claimed.add(number)
            number += 1
        if block:
            shown[site.line] = block
    orphans = [n for n, line in enumerate(lines, start=1) if is_output_line(line) and n not in claimed]
    return shown, orphans


def run(path: Path) -> Run:
    """Run the snippet in a fresh interpreter, recording which print call printed what."""
    with tempfile.NamedTemporaryFile(suffix=".json") as record:
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, __file__, "--record", record.name, str(path)],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT_SECONDS * 4,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        seconds = time.perf_counter() - started
        calls = json.loads(Path(record.name).read_text() or "[]")
    sites = print_sites(path.read_text(encoding="utf-8"))
    printed: dict[int, list[str]] = {}
    unplaced: list[str] = []
    for line, text in calls:
        site = next((s for s in sites if line is not None and s.line <= line <= s.last_line), None)
        target = printed.setdefault(site.line, []) if site else unplaced
        target.extend(text.removesuffix("\n").split("\n"))
    # output written some other way (a child process, sys.stdout.write) is not attributed to a print
    recorded = "".join(text for _, text in calls)
    extra = completed.stdout.replace(recorded, "", 1) if recorded in completed.stdout else completed.stdout
    unplaced.extend(line for line in extra.splitlines() if line.strip())
    return Run(printed, unplaced, completed.returncode, completed.stderr, seconds)


def differences(path: Path) -> list[str]:
    """Every way the snippet's shown output differs from what it prints today."""
    source = path.read_text(encoding="utf-8")
    declared = not_run(source)
    if declared:
        return unrun_problems(source, declared)
    result = run(path)
    if result.returncode != 0:
        return [f"exited with {result.returncode}:\n{result.stderr.strip()}"]
    problems = []
    if result.seconds > TIME_LIMIT_SECONDS:
        problems.append(f"took {result.seconds:.1f} s; at most {TIME_LIMIT_SECONDS:.0f} s")
    if not result.printed:
        problems.append("prints nothing: a snippet prints what it proves")
    if result.unplaced:
        problems.append(f"output not printed by a print() call in the snippet: {result.unplaced}")
    shown, orphans = shown_outputs(path.read_text(encoding="utf-8"))
    if orphans:
        problems.append(f"`#>` lines under no print() call: lines {orphans}")
    for line in sorted(shown.keys() | result.printed.keys()):
        expected, actual = shown.get(line, []), result.printed.get(line, [])
        if expected != actual:
            problems.append(f"line {line}: shows {expected} but prints {actual}")
    return problems


def rewrite(path: Path) -> bool:
    """Replace every `#>` block with what the snippet prints today; True if the file changed."""
    source = path.read_text(encoding="utf-8")
    result = run(path)
    if result.returncode != 0:
        raise RuntimeError(f"{path}: exited with {result.returncode}:\n{result.stderr}")
    blocks: dict[int, list[str]] = {}
    for site in print_sites(source):
        for text in result.printed.get(site.line, []):
            prefix = " " * site.indent + OUTPUT_MARK
            blocks.setdefault(site.statement_end, []).append(f"{prefix} {text}" if text else prefix)
    out = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not is_output_line(line):
            out.append(line)
        out.extend(blocks.get(number, []))
    updated = "\n".join(out) + "\n"
    if updated != source:
        path.write_text(updated, encoding="utf-8")
    return updated != source


def _record_prints(record_path: str, snippet: str) -> None:
    """Inside the child interpreter: run the snippet as __main__ with print() instrumented."""
    import builtins
    import io

    target = os.path.realpath(snippet)
    calls: list[tuple[int | None, str]] = []
    real_print = builtins.print

    def recording_print(*args, **kwargs):
        if kwargs.get("file") not in (None, sys.stdout):
            return real_print(*args, **kwargs)
        buffer = io.StringIO()
        real_print(*args, **{**kwargs, "file": buffer})
        frame, line = sys._getframe(1), None
        while frame is not None:
            if os.path.realpath(frame.f_code.co_filename) == target:
                line = frame.f_lineno
                break
            frame = frame.f_back
        calls.append((line, buffer.getvalue()))
        sys.stdout.write(buffer.getvalue())

    builtins.print = recording_print
    sys.argv = [snippet]
    sys.path[0] = os.path.dirname(target)
    try:
        runpy.run_path(snippet, run_name="__main__")
    finally:
        builtins.print = real_print
        Path(record_path).write_text(json.dumps(calls))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--record"]:
        _record_prints(argv[1], argv[2])
        return 0
    update = "--update" in argv
    failed = False
    for name in (arg for arg in argv if not arg.startswith("--")):
        path = Path(name)
        if update:
            print(f"{path}: {'updated' if rewrite(path) else 'unchanged'}")
            continue
        for problem in differences(path):
            failed = True
            print(f"{path}: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
