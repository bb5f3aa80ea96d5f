"""Detectors for queues: a Celery task, the transactional outbox and its relay, a Redis lock, and the
periodic jobs: Celery beat's schedule, a chain of tasks, an extract-transform-load pipeline.
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
    outermost_function,
    run_candidates,
    siblings,
    span_of,
    statement_of,
    terminal,
)

from .data import writes_in
from .shared import mentions_call, strings_in


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


# --- periodic jobs and workflows (Celery beat, a chain, an extract-transform-load pipeline) ------

BEAT_SCHEDULE = re.compile(r"^(celery_?)?beat_?schedule$", re.I)


def names_beat_schedule(node: ast.AST) -> bool:
    """`app.conf.beat_schedule`, `CELERY_BEAT_SCHEDULE`, `conf["beat_schedule"]` or `beat_schedule=`."""
    if isinstance(node, ast.Subscript):
        return bool(BEAT_SCHEDULE.match(constant_str(node.slice) or ""))
    if isinstance(node, ast.keyword):
        return bool(node.arg and BEAT_SCHEDULE.match(node.arg))
    return isinstance(node, (ast.Name, ast.Attribute)) and bool(BEAT_SCHEDULE.match(terminal(node)))


def find_celery_beat(project: Project) -> Span | None:
    """Celery beat's schedule: the statement that sets beat_schedule (assigned, passed as an option
    or a key of the configuration), or else the function that calls add_periodic_task; more if an
    entry runs on a crontab (a time of day, not only an interval)."""
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                setting = any(names_beat_schedule(target) for target in targets)
            elif isinstance(node, ast.keyword):
                setting = names_beat_schedule(node)
            elif isinstance(node, ast.Dict):
                setting = any(BEAT_SCHEDULE.match(constant_str(key) or "") for key in node.keys if key is not None)
            else:
                continue
            if setting:
                statement = statement_of(source, node)
                crontab = mentions_call(source, statement, "crontab")
                candidates.append(Candidate(span_of(source, statement), 1 + crontab))
        for call in method_calls(source.tree, "add_periodic_task"):
            holder = function_of(source, call) or statement_of(source, call)
            candidates.append(Candidate(span_of(source, holder), mentions_call(source, call, "crontab")))
    return best(candidates)


SIGNATURE_METHODS = {"s", "si", "signature"}


def is_signature(node: ast.AST) -> bool:
    """`task.s(...)`, `task.si(...)` or `task.signature(...)`: a task call to run later."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SIGNATURE_METHODS


def piped_steps(node: ast.AST) -> list[ast.expr] | None:
    """The signatures of `a.s() | b.s() | c.s()`, or None when it is not a pipe of signatures."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left = piped_steps(node.left) if isinstance(node.left, ast.BinOp) else [node.left]
        if left is not None and all(is_signature(step) for step in [*left, node.right]):
            return [*left, node.right]
    return None


def find_celery_chain(project: Project) -> Span | None:
    """A Celery chain: celery's `chain(a.s(), b.s(), ...)` or signatures joined with `|`, shown as
    the function that starts it (or the statement); the more steps, the better (itertools.chain and
    a bitwise or of numbers are not chains)."""
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if isinstance(node, ast.Call):
                called = dotted(node.func, source.imports)
                is_chain = called.split(".")[0] == "celery" and called.rsplit(".", 1)[-1] == "chain"
                steps = len(node.args) if is_chain else 0
            elif isinstance(node, ast.BinOp) and not isinstance(source.parents.get(node), ast.BinOp):
                steps = len(piped_steps(node) or [])
            else:
                continue
            if steps:
                holder = outermost_function(source, node) or statement_of(source, node)
                candidates.append(Candidate(span_of(source, holder), steps))
    return best(candidates)


ETL_STAGES = {  # each stage, as words of a task's name
    "extract": re.compile(r"extract\w*|fetch\w*|read|reads|reading|pull\w*|ingest\w*|collect\w*|scrap\w*|download\w*"),
    "transform": re.compile(
        r"transform\w*|summar\w*|aggregat\w*|clean\w*|normali[sz]\w*|enrich\w*|comput\w*|calculat\w*|pars(e|es|ing)"
        r"|reduc\w*|merg\w*|dedup\w*"
    ),
    "load": re.compile(
        r"load|loads|loading|writ(e|es|ing)|stor(e|es|ing)|sav(e|es|ing)|upsert\w*|persist\w*|insert\w*"
    ),
}


def task_words(function: Function, source: Source) -> set[str]:
    """The words of a task's function name and of its name= option (`"reports.load_stats"`)."""
    words = set(re.split(r"[^a-z0-9]+", function.name.lower()))
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and task_decorator(decorator, source) is not None:
            words |= set(re.split(r"[^a-z0-9]+", (constant_str(keyword(decorator, "name")) or "").lower()))
    return words - {""}


def etl_stages(function: Function, source: Source) -> set[str]:
    words = task_words(function, source)
    return {stage for stage, pattern in ETL_STAGES.items() if any(pattern.fullmatch(word) for word in words)}


def find_etl_tasks(project: Project) -> Span | None:
    """Neighbouring Celery tasks that are the stages of an extract-transform-load pipeline, each
    named for its stage (extract or fetch, transform or summarize, load or store); at least two
    stages side by side, and the more stages, the better."""
    candidates = []
    for source in project.app_sources:
        stages = {
            function: found
            for function in source.tree.body
            if isinstance(function, Function)
            and any(task_decorator(decorator, source) is not None for decorator in function.decorator_list)
            and (found := etl_stages(function, source))
        }

        def distinct(run: list[ast.stmt], stages: dict = stages) -> int:
            return len(set().union(*(stages[item] for item in run)))

        candidates += [
            candidate for candidate in run_candidates(source, set(stages), distinct) if candidate.score >= 2
        ]
    return best(candidates)
