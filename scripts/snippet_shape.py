"""What a page shows of a snippet, and the mechanical ways a snippet's output can prove nothing.

A snippet longer than a phone screen marks the idea with a pymdownx.snippets section:

    # --8<-- [start:show]
    ...the lines the page shows...
    # --8<-- [end:show]

The rest of the file still runs; the page prints the output of the prints outside the section
under the code and links the whole file.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from snippet_output import NotRun, is_output_line, not_run, output_text

SHOWN_SECTION = "show"
MAX_SHOWN_LINES = 25
MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):([a-z][-_0-9a-z]*)\]\s*$")


class ShapeError(ValueError):
    pass


@dataclass(frozen=True)
class Shape:
    first: int  # first shown line, 1-based
    last: int  # last shown line
    sectioned: bool  # the file marks a shown part
    shown_lines: int  # non-blank lines the page shows, `#>` output included
    outputs_outside: list[str]  # `#>` output of the prints outside the shown part, in file order
    not_run: NotRun | None = None  # a platform that cannot run here: parsed and checked, not run
    sections: frozenset[str] = frozenset()  # every marked section's name, `show` included


def marked_sections(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each named section's marker lines (start, end), 1-based; ShapeError unless every name has
    one start followed by one end."""
    starts: dict[str, int] = {}
    sections: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines, start=1):
        match = MARKER.match(line)
        if not match:
            if "--8<--" in line:
                raise ShapeError(f"line {number}: not a section marker: {line.strip()}")
            continue
        kind, name = match.groups()
        if name in sections or (kind == "start" and name in starts):
            raise ShapeError(f"line {number}: section '{name}' is marked twice")
        if kind == "start":
            starts[name] = number
        elif name not in starts:
            raise ShapeError(f"line {number}: section '{name}' ends before it starts")
        else:
            sections[name] = (starts.pop(name), number)
    if starts:
        raise ShapeError(f"section '{next(iter(starts))}' starts on line {next(iter(starts.values()))} and never ends")
    return sections


def shape_of(source: str) -> Shape:
    """The shown part of a snippet; ShapeError on a malformed or unknown section marker.

    Besides `show`, a snippet may mark more sections (a follow-up shows one); their marker lines
    are never shown.
    """
    lines = source.splitlines()
    sections = marked_sections(lines)
    if SHOWN_SECTION in sections:
        start, end = sections[SHOWN_SECTION]
        first, last = start + 1, end - 1
    else:  # the whole file, but a not-run declaration is for the checks, not the reader
        first, last = (2 if not_run(source) else 1), len(lines)
    shown = [line for line in lines[first - 1 : last] if line.strip() and not MARKER.match(line)]
    outside = [
        output_text(line)
        for number, line in enumerate(lines, start=1)
        if is_output_line(line) and not first <= number <= last
    ]
    return Shape(first, last, SHOWN_SECTION in sections, len(shown), outside, not_run(source), frozenset(sections))


def shape_problems(source: str) -> list[str]:
    try:
        shape = shape_of(source)
    except ShapeError as error:
        return [str(error)]
    if shape.shown_lines > MAX_SHOWN_LINES:
        where = f"its '{SHOWN_SECTION}' section" if shape.sectioned else "the page (no 'show' section)"
        return [f"{where} shows {shape.shown_lines} lines; at most {MAX_SHOWN_LINES}"]
    return []


def is_constant(node: ast.expr) -> bool:
    """A value fixed when the code is written: a literal, or an f-string with nothing formatted."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(is_constant(part.value) for part in node.values if isinstance(part, ast.FormattedValue))
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(is_constant(element) for element in node.elts)
    if isinstance(node, ast.UnaryOp):
        return is_constant(node.operand)
    return False


def cannot_fail(node: ast.Compare) -> bool:
    """A comparison whose result is known without running: constants on every side, or x == x."""
    operands = [node.left, *node.comparators]
    if all(is_constant(operand) for operand in operands):
        return True
    if any(isinstance(inner, ast.Call) for operand in operands for inner in ast.walk(operand)):
        return False  # each call may build a new object: `Order().items is Order().items` is a real test
    dumped = {ast.dump(operand) for operand in operands}
    return len(dumped) == 1 and all(isinstance(op, (ast.Eq, ast.Is, ast.LtE, ast.GtE)) for op in node.ops)


def printed_values(call: ast.Call) -> list[ast.expr]:
    values = list(call.args)
    for node in call.args:
        if isinstance(node, ast.JoinedStr):
            values += [part.value for part in node.values if isinstance(part, ast.FormattedValue)]
    return values


def is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "__main__" in ast.unparse(node.test)


def conditional_calls(tree: ast.Module) -> set[ast.Call]:
    """Calls that run only if something happened: in a function, an except handler or an `if`."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ExceptHandler)
    return {
        node
        for scope in ast.walk(tree)
        if isinstance(scope, scopes) or (isinstance(scope, ast.If) and not is_main_guard(scope))
        for node in ast.walk(scope)
        if isinstance(node, ast.Call)
    }


def proofless_prints(source: str) -> list[str]:
    """Prints whose output is fixed in the code: a literal, or a comparison that cannot fail.

    A literal printed in a function, an except handler or an `if` is a trace: that it prints, and
    where it lands in the output, shows the branch ran (a generator's body, an exception raised),
    so only literals printed unconditionally count.
    """
    problems = []
    tree = ast.parse(source)
    traces = conditional_calls(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"):
            continue
        if not node.args:
            continue
        if node not in traces and all(is_constant(argument) for argument in node.args):
            problems.append(f"line {node.lineno}: prints a constant, which proves nothing")
            continue
        for value in printed_values(node):
            if isinstance(value, ast.Compare) and cannot_fail(value):
                problems.append(f"line {node.lineno}: prints a comparison that cannot fail")
    return problems
