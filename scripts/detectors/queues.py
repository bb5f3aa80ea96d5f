"""Detectors for queues: a Celery task, the transactional outbox and its relay, a Redis lock.
"""

from __future__ import annotations

import ast
import re

from project_code import (
    Candidate,
    Project,
    Source,
    Span,
    ancestors,
    assigned_names,
    best,
    calls_in,
    constant_str,
    definition_span,
    dotted,
    function_of,
    identifiers,
    is_module_level,
    is_true,
    keyword,
    method_calls,
    named,
    siblings,
    span_of,
    statement_of,
    terminal,
)

from .data import writes_in
from .shared import strings_in


TASK_OPTIONS = ("acks_late", "reject_on_worker_lost", "autoretry_for", "retry_backoff", "max_retries")


def task_decorator(decorator: ast.expr, source: Source) -> ast.Call | ast.expr | None:
    """`@shared_task(...)`, `@app.task(...)` or a bare `@shared_task` / `@app.task` in a file that
    imports Celery; the decorator (its call when it has options), else None."""
    if not any(name.split(".")[0] == "celery" for name in source.imports.values()):
        return None
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    called = dotted(target, source.imports)
    if named(called, "shared_task") or (isinstance(target, ast.Attribute) and target.attr == "task"):
        return decorator
    return None


def find_celery_task(project: Project) -> Span | None:
    """A Celery task (a function under @shared_task or @app.task); one feature for each of late
    acknowledgement, rejecting when the worker is lost, automatic retries, backoff and a retry cap."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            for decorator in function.decorator_list:
                if task_decorator(decorator, source) is None:
                    continue
                options = {
                    item.arg
                    for item in getattr(decorator, "keywords", [])
                    if not (isinstance(item.value, ast.Constant) and item.value.value in (False, None, 0))
                }
                if isinstance(decorator, ast.Call) and is_true(keyword(decorator, "task_reject_on_worker_lost")):
                    options.add("reject_on_worker_lost")
                candidates.append(Candidate(span_of(source, function), len(options & set(TASK_OPTIONS))))
    return best(candidates)


OUTBOX_NAMES = re.compile(r"outbox", re.I)


def outbox_model(node: ast.AST | None) -> bool:
    """A call that makes an outbox row (`OutboxEvent(...)`) or an insert into one."""
    return isinstance(node, ast.Call) and bool(OUTBOX_NAMES.search(terminal(node.func))) or (
        isinstance(node, ast.Call)
        and terminal(node.func) == "insert"
        and any(OUTBOX_NAMES.search(terminal(argument)) for argument in node.args)
    )


def find_outbox_write(project: Project) -> Span | None:
    """The statement that adds an outbox row (`session.add(OutboxEvent(...))`, an insert into an
    outbox table), with the statements right above it that build its payload; more if it sits in a
    transaction block that writes other rows too."""
    candidates = []
    for source in project.app_sources:
        for call in method_calls(source.tree, "add", "add_all", "execute"):
            if not any(outbox_model(node) for node in ast.walk(call) if node is not call):
                continue
            statement = statement_of(source, call)
            span = span_of(source, statement)
            body = siblings(source, statement)
            index = next(number for number, item in enumerate(body) if item is statement)
            used = identifiers(statement)
            for above in reversed(body[:index]):
                if not assigned_names(above) & used:
                    break
                span = Span(span.path, span_of(source, above).start, span.end)
            block = next(
                (parent for parent in ancestors(source, call) if isinstance(parent, (ast.With, ast.AsyncWith))), None
            )
            in_transaction = block is not None and writes_in(block) > 1
            candidates.append(Candidate(span, in_transaction))
    return best(candidates)


def marks_sent(node: ast.AST) -> bool:
    """`event.sent_at = ...` (or published/processed), or `.values(sent_at=...)`."""
    pattern = re.compile(r"^(sent|published|processed|dispatched|relayed)(_at)?$")
    for child in ast.walk(node):
        if isinstance(child, (ast.Assign, ast.AnnAssign)):
            targets = child.targets if isinstance(child, ast.Assign) else [child.target]
            if any(isinstance(target, ast.Attribute) and pattern.match(target.attr) for target in targets):
                return True
        if isinstance(child, ast.keyword) and child.arg and pattern.match(child.arg):
            return True
    return False


def find_outbox_relay(project: Project) -> Span | None:
    """A function that claims rows with FOR UPDATE SKIP LOCKED (`with_for_update(skip_locked=True)`
    or the SQL words); more if the rows are outbox rows and if it marks them sent."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            skip_locked = any(
                is_true(keyword(call, "skip_locked")) for call in method_calls(function, "with_for_update")
            ) or any("SKIP LOCKED" in text.upper() for text in strings_in(function))
            if not skip_locked:
                continue
            outbox = any(OUTBOX_NAMES.search(name) for name in identifiers(function))
            candidates.append(Candidate(span_of(source, function), outbox + marks_sent(function)))
    return best(candidates)


def find_redis_lock(project: Project) -> Span | None:
    """A lock on Redis: `set(key, token, nx=True, px=/ex=...)`, shown as its class (with the
    release script above it) or function; more for a random token and a release that compares it
    (a Lua script with GET and DEL). Or else redis-py's `redis.lock(...)`."""
    candidates = []
    for source in project.app_sources:
        scripts = {
            name
            for statement in source.tree.body
            if isinstance(statement, ast.Assign)
            and (text := constant_str(statement.value))
            and "GET" in text.upper()
            and "DEL" in text.upper()
            for name in assigned_names(statement)
        }
        for call in method_calls(source.tree, "set"):
            if not is_true(keyword(call, "nx")) or (keyword(call, "px") is None and keyword(call, "ex") is None):
                continue
            owner = next((parent for parent in ancestors(source, call) if isinstance(parent, ast.ClassDef)), None)
            holder = owner or function_of(source, call)
            if holder is None:
                continue
            names = identifiers(holder)
            token = any(
                named(called, "secrets.token_hex", "secrets.token_urlsafe", "uuid.uuid4")
                for _, called in calls_in(holder, source.imports)
            )
            compares = bool(names & scripts)
            span = definition_span(source, holder) if is_module_level(source, holder) else span_of(source, holder)
            candidates.append(Candidate(span, 1 + token + compares))
        for call in method_calls(source.tree, "lock"):
            if re.search(r"redis", ast.unparse(call.func), re.I):
                candidates.append(Candidate(span_of(source, statement_of(source, call))))
    return best(candidates)
