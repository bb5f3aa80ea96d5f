"""Detectors for concurrency: task groups and a process pool for CPU-bound work.
"""

from __future__ import annotations

import ast
import re

from project_code import (
    Candidate,
    Function,
    Project,
    Source,
    Span,
    assigned_names,
    best,
    calls_named,
    dotted,
    function_of,
    keyword,
    method_calls,
    named,
    previous,
    run_candidates,
    span_of,
    statement_of,
    terminal,
)

from .shared import count


def find_task_group(project: Project) -> Span | None:
    """The function that runs coroutines together in an asyncio.TaskGroup (or anyio task group), or
    else with asyncio.gather; more if they are different kinds of work side by side (a database
    read and a computation), not one coroutine fanned out."""
    candidates = []
    for source, call in calls_named(
        project.app_sources, "asyncio.TaskGroup", "TaskGroup", "create_task_group", "asyncio.gather"
    ):
        function = function_of(source, call)
        if function is None:
            continue
        if named(dotted(call.func, source.imports), "gather"):
            started = {terminal(argument) for argument in call.args if not isinstance(argument, ast.Starred)}
            candidates.append(Candidate(span_of(source, function), len(started) > 1))
        else:
            started = {
                terminal(task.args[0]) for task in method_calls(function, "create_task", "start_soon") if task.args
            }
            candidates.append(Candidate(span_of(source, function), 1 + (len(started) > 1)))
    return best(candidates)


def worker_name(node: ast.expr, source: Source) -> str:
    """The function a pool runs: `work`, `module.work` or `functools.partial(work, ...)` -> "work"."""
    if isinstance(node, ast.Call) and named(dotted(node.func, source.imports), "partial") and node.args:
        return worker_name(node.args[0], source)
    return terminal(node)


def find_process_pool(project: Project) -> Span | None:
    """The functions a ProcessPoolExecutor runs (passed to run_in_executor, submit or as its
    initializer), with the module globals they set: where the CPU-bound work is. Or else the
    statement that makes the pool."""
    pools = list(calls_named(project.app_sources, "ProcessPoolExecutor"))
    if not pools:
        return None
    workers = {terminal(keyword(call, "initializer")) for _, call in pools if keyword(call, "initializer") is not None}
    for source in project.app_sources:
        for call, _ in source.calls:
            method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
            if (
                method == "run_in_executor"
                and len(call.args) > 1
                and not (isinstance(call.args[0], ast.Constant) and call.args[0].value is None)
            ):
                workers.add(worker_name(call.args[1], source))
            elif method == "submit" and call.args and re.search(r"pool|executor", ast.unparse(call.func.value), re.I):
                workers.add(worker_name(call.args[0], source))
    candidates = [Candidate(span_of(source, statement_of(source, call))) for source, call in pools]
    for source in project.app_sources:
        members = {
            statement for statement in source.tree.body if isinstance(statement, Function) and statement.name in workers
        }
        candidates += [
            Candidate(with_globals(source, candidate.span), candidate.score + 1)
            for candidate in run_candidates(source, members, count)
        ]
    return best(candidates)


def with_globals(source: Source, span: Span) -> Span:
    """A span of module-level functions, grown back over the assignment right above it when the
    functions set that name with `global`."""
    inside = [statement for statement in source.tree.body if span.start <= statement.lineno <= span.end]
    declared = {
        name
        for statement in inside
        for node in ast.walk(statement)
        if isinstance(node, ast.Global)
        for name in node.names
    }
    above = previous(source, inside[0]) if inside else None
    if above is not None and assigned_names(above) & declared:
        return Span(span.path, above.lineno, span.end)
    return span
