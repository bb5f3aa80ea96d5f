"""What the detectors ask of code in every area: calls, awaits, subclasses, raised errors, and the
Detector entry of the table (detectors/__init__.py).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from project_code import (
    DEFINITIONS,
    Candidate,
    Function,
    Project,
    Source,
    Span,
    assigned_names,
    calls_in,
    calls_named,
    dotted,
    following,
    identifiers,
    named,
    run_candidates,
    span_of,
    statement_of,
    terminal,
)


Find = Callable[[Project], Span | None]


class Detector(NamedTuple):
    find: Find
    hint: str  # what to add to a project that does not show the pattern


def has_await(function: Function) -> bool:
    return any(isinstance(node, (ast.Await, ast.AsyncWith, ast.AsyncFor)) for node in ast.walk(function))


def has_yield(node: ast.AST) -> bool:
    return any(isinstance(child, (ast.Yield, ast.YieldFrom)) for child in ast.walk(node))


def mentions_call(source: Source, node: ast.AST | None, *names: str) -> bool:
    return node is not None and any(named(called, *names) for _, called in calls_in(node, source.imports))


def statement_candidates(sources: list[Source], *names: str, score: int = 0) -> Iterator[Candidate]:
    """The statement around each call of one of `names`."""
    for source, call in calls_named(sources, *names):
        yield Candidate(span_of(source, statement_of(source, call)), score)


def with_users(source: Source, statement: ast.stmt, name: str, max_lines: int = 5) -> Span:
    """A definition with the short statements right after it that use it, such as an Annotated
    alias of a dependency or the cached getter of a settings class."""
    span = span_of(source, statement)
    for after in following(source, statement):
        if name not in identifiers(after) or span_of(source, after).length > max_lines:
            break
        span = Span(span.path, span.start, after.end_lineno)
    return span


def stretches(project: Project, member: Callable[[Source, ast.stmt], bool], score) -> Iterator[Candidate]:
    """Candidates for each stretch of neighbouring statements that are members, in app files."""
    for source in project.app_sources:
        members = {node for node in source.nodes if isinstance(node, ast.stmt) and member(source, node)}
        yield from run_candidates(source, members, score)


def count(run: list[ast.stmt]) -> int:
    return len(run)


def base_names(cls: ast.ClassDef, source: Source) -> set[str]:
    return {dotted(base, source.imports) for base in cls.bases}


def subclasses(
    project: Project, roots: set[str], excluded: frozenset[str] = frozenset()
) -> list[tuple[Source, ast.ClassDef]]:
    """App classes that inherit, directly or through other app classes, from one of `roots`."""
    known, found, grown = set(roots), [], True
    while grown:
        grown = False
        for source in project.app_sources:
            for cls in source.classes:
                bases = {name.rsplit(".", 1)[-1] for name in base_names(cls, source)}
                if cls.name not in known and bases & known and not bases & excluded:
                    known.add(cls.name)
                    found.append((source, cls))
                    grown = True
    return found


def pydantic_models(project: Project) -> list[tuple[Source, ast.ClassDef]]:
    return subclasses(project, {"BaseModel", "SQLModel"}, excluded=frozenset({"BaseSettings"}))


def names_outside_calls(node: ast.AST | None) -> set[str]:
    """The plain type names of an annotation: `Annotated[BookIn, Body()]` -> {"Annotated", "BookIn"}."""
    if node is None or isinstance(node, ast.Call):
        return set()
    own = {node.id} if isinstance(node, ast.Name) else {node.attr} if isinstance(node, ast.Attribute) else set()
    return own.union(*(names_outside_calls(child) for child in ast.iter_child_nodes(node)))


def decorated_by(function: Function, name: str) -> bool:
    """Whether a decorator calls a method of that name, like @app.exception_handler(...)."""
    return any(
        isinstance(decorator, ast.Call) and terminal(decorator.func) == name for decorator in function.decorator_list
    )


def strings_in(node: ast.AST) -> set[str]:
    return {child.value for child in ast.walk(node) if isinstance(child, ast.Constant) and isinstance(child.value, str)}


def raises_status(exception: ast.expr, status: int, names: str) -> bool:
    """`raise HTTPException(status_code=403)`, `raise HTTPException(status.HTTP_403_FORBIDDEN)`, or
    an exception whose name matches `names` (`raise Forbidden(...)`)."""
    if re.search(names, terminal(exception), re.I):
        return True
    return any(
        (isinstance(node, ast.Constant) and node.value == status)
        or (isinstance(node, ast.Attribute) and node.attr.startswith(f"HTTP_{status}"))
        for node in ast.walk(exception)
    )


def raised(node: ast.AST) -> list[ast.expr]:
    return [child.exc for child in ast.walk(node) if isinstance(child, ast.Raise) and child.exc is not None]


def defined_here(statement: ast.stmt) -> set[str]:
    return assigned_names(statement) | ({statement.name} if isinstance(statement, DEFINITIONS) else set())
