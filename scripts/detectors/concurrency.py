"""Detectors for concurrency: task groups, a process pool for CPU-bound work, and one lock per key
(an idempotency key's requests one at a time).
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
    following,
    function_of,
    identifiers,
    keyword,
    method_calls,
    named,
    previous,
    run_candidates,
    span_of,
    statement_of,
    terminal,
)

from .shared import count, mentions_call, strings_in


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


# --- one lock per key (two requests with one idempotency key run one after the other) ------------

LOCK_TYPES = ("asyncio.Lock", "anyio.Lock", "threading.Lock", "threading.RLock")
LOCK_MAPS = ("dict", "Dict", "defaultdict", "WeakValueDictionary", "MutableMapping", "Mapping")


def mentions_lock(node: ast.AST | None, source: Source) -> bool:
    return node is not None and any(
        isinstance(child, (ast.Name, ast.Attribute)) and named(dotted(child, source.imports), *LOCK_TYPES)
        for child in ast.walk(node)
    )


def is_lock_map(statement: ast.stmt, source: Source) -> bool:
    """`locks: WeakValueDictionary[str, asyncio.Lock] = ...`, `locks: dict[str, Lock] = {}` or
    `locks = defaultdict(asyncio.Lock)`: a mapping whose values are locks."""
    annotation = statement.annotation if isinstance(statement, ast.AnnAssign) else ast.Constant(None)
    typed = any(
        isinstance(node, ast.Subscript)
        and named(dotted(node.value, source.imports), *LOCK_MAPS)
        and mentions_lock(node.slice, source)
        for node in ast.walk(annotation)
    )
    value = getattr(statement, "value", None)
    made = (
        isinstance(value, ast.Call)
        and named(dotted(value.func, source.imports), "defaultdict", "WeakValueDictionary")
        and mentions_lock(value, source)
    )
    return typed or made


def locks_stored(source: Source) -> set[str]:
    """Names of mappings a lock is put in: `locks[key] = asyncio.Lock()`, `locks.setdefault(key, Lock())`."""
    stored = set()
    for node in source.nodes:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and mentions_lock(node.value.func, source):
            stored |= {terminal(target.value) for target in node.targets if isinstance(target, ast.Subscript)}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "setdefault"
            and mentions_lock(node, source)
        ):
            stored.add(terminal(node.func.value))
    return stored


def find_key_locks(project: Project) -> Span | None:
    """A map from a key to its own lock (a WeakValueDictionary, dict or defaultdict of asyncio.Lock),
    shown with the functions right after it that hand out a key's lock; features: weak values (an
    idle key's lock goes away by itself) or entries removed after use, the locks are made when a key
    first comes, the code says idempotency."""
    candidates = []
    for source in project.app_sources:
        stored = locks_stored(source)
        for statement in source.nodes:
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
                continue
            names = assigned_names(statement)
            if not is_lock_map(statement, source) and not (
                names & stored and isinstance(statement.value, (ast.Dict, ast.Call))
            ):
                continue
            span = span_of(source, statement)
            users = []
            for after in following(source, statement):
                if not names & identifiers(after):
                    break
                users.append(after)
                span = Span(span.path, span.start, after.end_lineno)
            shown = [statement, *users]
            weak = any(mentions_call(source, item, "WeakValueDictionary") for item in shown) or any(
                isinstance(node, ast.Delete) or (isinstance(node, ast.Call) and terminal(node.func) == "pop")
                for item in shown
                for node in ast.walk(item)
            )
            idempotency = any(
                "idempoten" in word.lower() for item in shown for word in identifiers(item) | strings_in(item)
            )
            candidates.append(Candidate(span, weak + bool(names & stored) + idempotency))
    return best(candidates)
