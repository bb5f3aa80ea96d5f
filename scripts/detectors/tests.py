"""Detectors for test code (looked for only in test files): dependency overrides, test backends, an
in-process async client.
"""

from __future__ import annotations

import ast

from project_code import (
    Candidate,
    Project,
    Span,
    best,
    constant_str,
    dotted,
    keyword,
    method_calls,
    named,
    outermost_function,
    span_of,
    statement_of,
    terminal,
)

from .shared import has_yield, mentions_call


def find_dependency_overrides_test(project: Project) -> Span | None:
    """The test or fixture that sets app.dependency_overrides[...]; more if it also restores them."""
    candidates = []
    for source in project.test_sources:
        for node in source.nodes:
            sets = (
                isinstance(node, ast.Subscript)
                and isinstance(node.ctx, ast.Store)
                and terminal(node.value) == "dependency_overrides"
            ) or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "update"
                and terminal(node.func.value) == "dependency_overrides"
            )
            function = outermost_function(source, node) if sets else None
            if function is not None:
                restores = any(
                    terminal(call.func.value) == "dependency_overrides"
                    for call in method_calls(function, "clear", "pop")
                )
                candidates.append(Candidate(span_of(source, function), restores))
    return best(candidates)


PREPARES_BACKEND = (
    "setenv",
    "delenv",
    "create_all",
    "drop_all",
    "create_engine",
    "create_async_engine",
    "flushdb",
    "orm.Session",  # a fixture that opens the tests' database session (sqlalchemy.orm.Session, sqlmodel.Session)
    "sqlmodel.Session",
    "AsyncSession",
    "sessionmaker",
    "async_sessionmaker",
    "create_pool",  # asyncpg's (or a fake) connection pool
)


def find_test_backends(project: Project) -> Span | None:
    """A pytest fixture that prepares what the tests run against (a database, the environment);
    features: it is parametrized over backends (params=...), it sets up a database or environment
    variables, it yields and cleans up after, it is shared by a module or the session."""
    candidates = []
    for source in project.test_sources:
        for function in source.functions:
            fixture = next(
                (
                    decorator
                    for decorator in function.decorator_list
                    if named(
                        dotted(decorator.func if isinstance(decorator, ast.Call) else decorator, source.imports),
                        "fixture",
                    )
                ),
                None,
            )
            if fixture is None:
                continue
            options = fixture if isinstance(fixture, ast.Call) else ast.Call(func=fixture, args=[], keywords=[])
            parametrized = keyword(options, "params") is not None
            prepares = mentions_call(source, function, *PREPARES_BACKEND)
            shared = constant_str(keyword(options, "scope")) in {"module", "package", "session"}
            if prepares:  # params alone (of bad headers, say) is not a backend
                candidates.append(
                    Candidate(span_of(source, function), parametrized + prepares + has_yield(function) + shared)
                )
    return best(candidates)


def find_async_client_test(project: Project) -> Span | None:
    """The test or fixture that calls the app in-process with httpx's ASGITransport (or an old
    AsyncClient(app=...))."""
    return best(
        Candidate(span_of(source, outermost_function(source, call) or statement_of(source, call)))
        for source in project.test_sources
        for call, called in source.calls
        if named(called, "ASGITransport") or (named(called, "AsyncClient") and keyword(call, "app") is not None)
    )


def nests(node: ast.AST) -> bool:
    """`"[" * depth` (or `"{..." * depth`): the opening brackets of a deeply nested JSON body."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)):
        return False
    text = next((constant_str(side) for side in (node.left, node.right) if constant_str(side)), None)
    return bool(text) and len(text) <= 8 and text.lstrip()[:1] in ("[", "{")


def find_deep_json_body(project: Project) -> Span | None:
    """A test that sends JSON nested deeper than the parser's recursion limit; more if it checks
    the status the client gets back (the service answers instead of crashing)."""
    candidates = []
    for source in project.test_sources:
        for function in source.functions:
            if function.name.startswith("test") and any(nests(node) for node in ast.walk(function)):
                checks_status = any(
                    isinstance(node, ast.Attribute) and node.attr in ("status_code", "status") for node in ast.walk(function)
                )
                candidates.append(Candidate(span_of(source, function), checks_status))
    return best(candidates)
