"""One detector per demo pattern: where another FastAPI project shows the same thing.

DETECTORS maps each pattern name the demo marks to a Detector: `find`, a function from the parsed
Project to the best Span or None, and `hint`, one line on what to add when it is missing. A new
demo pattern needs one entry here; tests/test_project_patterns.py fails until it has one.

Detectors read Python through `ast`, so an import decides what a name is (collections.Counter is
not a Prometheus counter) and comments and strings never pass for code. Each collects Candidates
and leaves the choice to `project_code.best`: the most features shown, then the shortest, then
the first. A span is the smallest unit that shows the pattern: a statement, a function or class
with its decorators, or a stretch of neighbouring statements that belong together (a hash and a
verify function). App patterns are looked for outside test files, test patterns only in them.
The deployment detectors (Dockerfile, compose, Kubernetes) are in deploy_detectors.py.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

import deploy_detectors as deploy
from project_code import (
    DEFINITIONS,
    Candidate,
    Function,
    Project,
    Source,
    Span,
    ancestors,
    assigned_names,
    best,
    by_function,
    calls_in,
    calls_named,
    constant_str,
    definition_span,
    dotted,
    following,
    function_of,
    identifiers,
    is_module_level,
    is_true,
    keyword,
    method_calls,
    named,
    outermost_function,
    parameter_names,
    parameters,
    previous,
    reachable,
    run_candidates,
    siblings,
    span_of,
    statement_of,
    statements_holding,
    terminal,
    top_level_of,
    with_helpers_above,
    without_docstring,
)

Find = Callable[[Project], Span | None]


class Detector(NamedTuple):
    find: Find
    hint: str  # what to add to a project that does not show the pattern


# --- shared questions about code ----------------------------------------------------------------


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


# --- the app and its configuration --------------------------------------------------------------


def find_app_factory(project: Project) -> Span | None:
    """A function that makes a FastAPI app and returns it; more if it also configures it
    (middleware, routers, exception handlers)."""
    candidates = []
    for source, call in calls_named(project.app_sources, "FastAPI"):
        function = function_of(source, call)
        if function is None:
            continue
        statement = statement_of(source, call)
        app_names = assigned_names(statement) if getattr(statement, "value", None) is call else set()
        returned = any(
            isinstance(node, ast.Return)
            and (node.value is call or (isinstance(node.value, ast.Name) and node.value.id in app_names))
            for node in ast.walk(function)
        )
        if returned:
            configures = any(method_calls(function, "add_middleware", "include_router", "add_exception_handler"))
            candidates.append(Candidate(span_of(source, function), configures))
    return best(candidates)


def startup_functions(project: Project) -> Iterator[tuple[Source, Function, int]]:
    """Code that runs at startup, with how sure we are: an @asynccontextmanager passed as the app's
    lifespan= (3) or a router's (2), one that takes the app (1), or an old @app.on_event("startup")
    handler or app.add_event_handler("startup", handler) (0); a handler made by a factory,
    add_event_handler("startup", make_handler(app)), is the function the factory defines."""
    passed, for_app = set(), set()
    for source in project.app_sources:
        for call, called in source.calls:
            if value := keyword(call, "lifespan"):
                passed.add(terminal(value))
                if named(called, "FastAPI", "Starlette"):
                    for_app.add(terminal(value))
    for source in project.app_sources:
        for function in source.functions:
            if any(
                named(dotted(decorator, source.imports), "asynccontextmanager") for decorator in function.decorator_list
            ):
                takes_app = any(argument.arg == "app" for argument, _ in parameters(function))
                if function.name in passed or takes_app:
                    yield source, function, 3 if function.name in for_app else 2 if function.name in passed else 1
            elif any(
                isinstance(decorator, ast.Call)
                and terminal(decorator.func) == "on_event"
                and decorator.args
                and constant_str(decorator.args[0]) == "startup"
                for decorator in function.decorator_list
            ):
                yield source, function, 0
    for source in project.app_sources:
        for call, called in source.calls:
            if named(called, "add_event_handler") and len(call.args) > 1 and constant_str(call.args[0]) == "startup":
                handler = call.args[1]
                for handler_source, function in project.module_functions(terminal(handler)):
                    made = [item for item in function.body if isinstance(item, Function)]
                    for startup in made if isinstance(handler, ast.Call) else [function]:
                        yield handler_source, startup, 0


def find_lifespan(project: Project) -> Span | None:
    return best(Candidate(span_of(source, function), sure) for source, function, sure in startup_functions(project))


MODEL_WORDS = re.compile(
    r"model|index|classifier|embedd|encoder|tokenizer|pipeline|predictor|vectori[sz]er|(?<![a-z])ml(?![a-z])", re.I
)
LOADING_WORDS = re.compile(r"load|build|from_pretrained|fit|train|compile", re.I)


def startup_singletons(project: Project) -> Iterator[tuple[Source, ast.Assign | ast.AnnAssign, int]]:
    """Objects built once at startup and kept on app.state (or in a dict the lifespan fills), with a
    score: its name says it is a model or an index, it is loaded or built."""
    for source, function, _ in startup_functions(project):
        for body_source, body in [(source, function), *startup_helpers(project, source, function)]:
            for node in ast.walk(body):
                if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                    continue
                value = awaited(node.value)
                if isinstance(value, ast.Call):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    kept = [target for target in targets if keeps_for_later(target)]
                    if kept:
                        loading = LOADING_WORDS.search(dotted(value.func, body_source.imports))
                        yield body_source, node, bool(MODEL_WORDS.search(ast.unparse(kept[0]))) + bool(loading)


def awaited(node: ast.expr | None) -> ast.expr | None:
    """What `await x` awaits; any other node as it is."""
    return node.value if isinstance(node, ast.Await) else node


def startup_helpers(project: Project, source: Source, function: Function) -> list[tuple[Source, Function]]:
    """The app's module-level functions a startup function calls, such as `await connect_to_db(app)`
    (only names that one function of the app has, so the right one is followed)."""
    found = []
    for call, _ in calls_in(function, source.imports):
        matches = project.module_functions(terminal(call.func)) if isinstance(call.func, ast.Name) else []
        if len(matches) == 1 and matches[0][1] is not function:
            found.append(matches[0])
    return found


def keeps_for_later(target: ast.expr) -> bool:
    """`app.state.x = ...` or `models["x"] = ...`: stored where requests can reach it."""
    if isinstance(target, ast.Attribute):
        return isinstance(target.value, ast.Attribute) and target.value.attr == "state"
    return isinstance(target, ast.Subscript)


def find_startup_singleton(project: Project) -> Span | None:
    return best(Candidate(span_of(source, node), score) for source, node, score in startup_singletons(project))


def find_immutable_class(project: Project) -> Span | None:
    """A class whose instances cannot change: @dataclass(frozen=True), a frozen Pydantic model, a
    NamedTuple; features: frozen dataclass, slots, the app builds one at startup and shares it."""
    shared = {made_class(awaited(node.value)) for _, node, _ in startup_singletons(project)}
    candidates = []
    for source in project.app_sources:
        for cls in source.classes:
            frozen_dataclass = any(
                (
                    isinstance(decorator, ast.Call)
                    and named(dotted(decorator.func, source.imports), "dataclass", "define", "frozen")
                    and is_true(keyword(decorator, "frozen"))
                )
                or named(dotted(decorator, source.imports), "attrs.frozen", "attr.frozen")
                for decorator in cls.decorator_list
            )
            slots = any(
                isinstance(decorator, ast.Call) and is_true(keyword(decorator, "slots"))
                for decorator in cls.decorator_list
            )
            frozen_model = any(
                isinstance(node, ast.keyword) and node.arg == "frozen" and is_true(node.value) for node in ast.walk(cls)
            )
            named_tuple = any(named(name, "NamedTuple") for name in base_names(cls, source))
            if frozen_dataclass or frozen_model or named_tuple:
                candidates.append(Candidate(span_of(source, cls), frozen_dataclass + slots + (cls.name in shared)))
    return best(candidates)


def made_class(call: ast.Call) -> str:
    """The class a call makes: `RankingIndex(...)` or `RankingIndex.build(...)` -> "RankingIndex"."""
    return terminal(call.func.value if isinstance(call.func, ast.Attribute) else call.func)


def find_settings(project: Project) -> Span | None:
    """A BaseSettings class, with the getter or instance right after it; more if the app makes one."""
    made = {terminal(call.func) for source in project.app_sources for call, _ in source.calls}
    return best(
        Candidate(with_users(source, cls, cls.name), cls.name in made)
        for source, cls in subclasses(project, {"BaseSettings"})
    )


def middleware_added(middleware: str) -> Find:
    """`app.add_middleware(X, ...)`, `Middleware(X, ...)` or `X(app, ...)`: the statement."""

    def find(project: Project) -> Span | None:
        return best(
            Candidate(span_of(source, statement_of(source, call)))
            for source in project.app_sources
            for call, called in source.calls
            if named(called, middleware) or (call.args and named(dotted(call.args[0], source.imports), middleware))
        )

    return find


def middlewares(project: Project) -> Iterator[tuple[Source, ast.ClassDef | Function, bool]]:
    """Middleware classes and functions, each with whether it is pure ASGI (`async def
    __call__(self, scope, receive, send)`); the others subclass BaseHTTPMiddleware or are
    @app.middleware("http") functions."""
    for source in project.app_sources:
        for cls in source.classes:
            pure = any(
                isinstance(item, ast.AsyncFunctionDef)
                and item.name == "__call__"
                and [argument.arg for argument, _ in parameters(item)][1:4] == ["scope", "receive", "send"]
                for item in cls.body
            )
            if pure or any(named(name, "BaseHTTPMiddleware") for name in base_names(cls, source)):
                yield source, cls, pure
        for function in source.functions:
            if decorated_by(function, "middleware"):
                yield source, function, False


TIME_CALLS = ("perf_counter", "perf_counter_ns", "monotonic", "time.time", "process_time")


def sets_headers(node: ast.AST, source: Source) -> bool:
    return any(
        isinstance(child, ast.Subscript)
        and isinstance(child.ctx, ast.Store)
        and "headers" in ast.unparse(child.value).lower()
        for child in ast.walk(node)
    ) or mentions_call(source, node, "MutableHeaders")


def find_timing_middleware(project: Project) -> Span | None:
    """A middleware; features: pure ASGI, it measures time, it sets a response header, its name says timing."""
    return best(
        Candidate(
            span_of(source, middleware),
            pure
            + mentions_call(source, middleware, *TIME_CALLS)
            + sets_headers(middleware, source)
            + bool(re.search(r"tim(e|ing)", middleware.name, re.I)),
        )
        for source, middleware, pure in middlewares(project)
    )


SECURITY_HEADERS = {
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "content-security-policy",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
}


def find_security_headers(project: Project) -> Span | None:
    """A middleware (or else any statement) that sets security headers such as
    Strict-Transport-Security and X-Content-Type-Options, with the header table right above it
    when it keeps them in one; the more of these headers, the better."""
    candidates = []
    for source in project.app_sources:
        holding = statements_holding(
            source, [node for node in source.nodes if (constant_str(node) or "").lower() in SECURITY_HEADERS]
        )
        for statement in holding & set(source.tree.body):
            headers = {text.lower() for text in strings_in(statement)} & SECURITY_HEADERS
            users = [item for item in following(source, statement) if defined_here(statement) & identifiers(item)]
            chosen = next((item for item in users if isinstance(item, DEFINITIONS)), statement)
            candidates.append(Candidate(with_helpers_above(source, chosen), len(headers)))
    return best(candidates)


def defined_here(statement: ast.stmt) -> set[str]:
    return assigned_names(statement) | ({statement.name} if isinstance(statement, DEFINITIONS) else set())


def find_error_handlers(project: Project) -> Span | None:
    """The largest stretch of exception handler registrations: @app.exception_handler(...)
    functions or add_exception_handler calls (the whole function when that is all it does)."""

    def member(source: Source, statement: ast.stmt) -> bool:
        if isinstance(statement, Function):
            return decorated_by(statement, "exception_handler")
        return isinstance(statement, ast.Expr) and any(method_calls(statement, "add_exception_handler"))

    return best(stretches(project, member, count))


def find_domain_errors(project: Project) -> Span | None:
    """The largest stretch of exception classes of the app's own: a base and its subclasses,
    each mapping a failure to a status or code (more subclasses count more)."""
    errors = {cls for _, cls in subclasses(project, {"Exception", "HTTPException"})}

    def member(source: Source, statement: ast.stmt) -> bool:
        return statement in errors

    return best(stretches(project, member, count))


VERSION_IN_PATH = re.compile(r"/v\d+(/|$)")
VERSION_IN_CODE = re.compile(r"(?<![a-z])v(\d+)(?!\d)", re.I)


def api_version(node: ast.AST | None) -> str | None:
    """The version a prefix names ("/api/v1" or settings.API_V1_STR -> "v1"), or None."""
    if node is None:
        return None
    text = constant_str(node)
    if text is not None:
        match = VERSION_IN_PATH.search(text)
        return match.group(0).strip("/") if match else None
    match = VERSION_IN_CODE.search(ast.unparse(node))
    return f"v{match.group(1)}" if match else None


def router_version(call: ast.Call, called: str) -> str | None:
    if named(called, "APIRouter", "include_router"):
        return api_version(keyword(call, "prefix"))
    if named(called, "mount") and call.args:
        return api_version(call.args[0])
    return None


def find_versioned_routers(project: Project) -> Span | None:
    """Neighbouring statements that make routers (or include them) under a /vN prefix; the more
    distinct versions side by side, the better."""
    candidates = []
    for source in project.app_sources:
        versions = {call: version for call, called in source.calls if (version := router_version(call, called))}
        members = {item for item in statements_holding(source, versions) if isinstance(item, (ast.Assign, ast.Expr))}

        def distinct(run: list[ast.stmt], versions: dict = versions) -> int:
            return len({version for item in run for node in ast.walk(item) if (version := versions.get(node))})

        candidates += run_candidates(source, members, distinct)
    return best(candidates)


def find_health_checks(project: Project) -> Span | None:
    """Neighbouring routes whose path is a health check (/health, /healthz, /live, /ready, /ping)."""
    health = {
        id(route.function)
        for route in project.routes
        if re.search(r"health|(^|/)(livez?|liveness|readyz?|readiness|ping)/?$", route.path, re.I)
    }
    return best(stretches(project, lambda source, statement: id(statement) in health, count))


def find_structured_logging(project: Project) -> Span | None:
    """Neighbouring logging setup (Formatter and Filter classes, basicConfig, dictConfig,
    structlog.configure) that writes structured lines: JSON or structlog."""
    setup = ("basicConfig", "dictConfig", "structlog.configure", "setFormatter", "addFilter")
    candidates = []
    for source in project.app_sources:
        classes = {
            cls for cls in source.classes if any(named(name, "Formatter", "Filter") for name in base_names(cls, source))
        }
        configuring = statements_holding(source, [call for call, called in source.calls if named(called, *setup)])
        members = classes | {item for item in configuring if is_module_level(source, item)}
        candidates += [
            candidate for candidate in run_candidates(source, members, count) if structured(source, candidate.span)
        ]
    return best(candidates)


def structured(source: Source, span: Span) -> bool:
    """Whether the code in a span writes JSON or uses structlog (comments are not code)."""
    code = " ".join(
        ast.unparse(item) for item in source.tree.body if span.start <= item.lineno and item.end_lineno <= span.end
    )
    return bool(re.search(r"json|structlog", code, re.I))


REDACTING_NAMES = re.compile(r"mask|redact|scrub|sanitiz|anonymi|pii|sensitive|personal", re.I)


def find_pii_masking(project: Project) -> Span | None:
    """A logging filter or formatter (or a structlog processor) that rewrites messages; features:
    its name says it masks or redacts, it substitutes text (re.sub, str.replace). Shown with the
    patterns defined right above it."""
    candidates = []
    for source in project.app_sources:
        logging_classes = [
            cls for cls in source.classes if any(named(name, "Formatter", "Filter") for name in base_names(cls, source))
        ]
        redacting_functions = [
            function
            for function in source.functions
            if REDACTING_NAMES.search(function.name) and is_module_level(source, function)
        ]
        for definition in [*logging_classes, *redacting_functions]:
            substitutes = any(method_calls(definition, "sub", "subn", "replace"))
            says_so = bool(REDACTING_NAMES.search(definition.name))
            if substitutes or says_so:
                span = definition_span(source, definition)
                candidates.append(Candidate(span, substitutes + says_so))
    return best(candidates)


def find_prometheus_metrics(project: Project) -> Span | None:
    """Neighbouring statements that use prometheus_client (or an instrumentator); the more metrics
    (Counter, Histogram, Gauge, Summary) defined there, the better."""

    def is_prometheus(called: str) -> bool:
        return called.startswith(("prometheus_client", "prometheus_fastapi_instrumentator")) or named(
            called, "Instrumentator"
        )

    candidates = []
    for source in project.app_sources:
        used = [call for call, called in source.calls if is_prometheus(called)]
        metrics = {
            call
            for call, called in source.calls
            if is_prometheus(called) and named(called, "Counter", "Histogram", "Gauge", "Summary", "Instrumentator")
        }

        def defined(run: list[ast.stmt], metrics: set = metrics) -> int:
            return sum(node in metrics for item in run for node in ast.walk(item))

        candidates += run_candidates(source, statements_holding(source, used), defined)
    return best(candidate for candidate in candidates if candidate.score)


# --- endpoints ----------------------------------------------------------------------------------


def find_async_endpoint(project: Project) -> Span | None:
    """An `async def` route handler that awaits; a public one (not deprecated) first, then the shortest."""
    return best(
        Candidate(route.span, route.public)
        for route in project.routes
        if route.is_http and isinstance(route.function, ast.AsyncFunctionDef) and has_await(route.function)
    )


def find_sync_endpoint(project: Project) -> Span | None:
    """A plain `def` route handler; a public one first, then the shortest."""
    return best(
        Candidate(route.span, route.public)
        for route in project.routes
        if route.is_http and isinstance(route.function, ast.FunctionDef)
    )


SCALARS = {"int", "str", "float", "bool"}


def find_path_and_query_params(project: Project) -> Span | None:
    """The route with the most parameters taken from the URL: declared with Query(...) or Path(...),
    named as {name} in its path, or a plain scalar with a constant default (`limit: int = 20`)."""
    candidates = []
    for route in project.routes:
        in_path = set(re.findall(r"{(\w+)(?::\w+)?}", route.path))
        from_url = sum(
            argument.arg in in_path
            or mentions_call(route.source, argument.annotation, "Query", "Path")
            or mentions_call(route.source, default, "Query", "Path")
            or (
                isinstance(argument.annotation, ast.Name)
                and argument.annotation.id in SCALARS
                and isinstance(default, ast.Constant)
            )
            for argument, default in parameters(route.function)
        )
        if from_url:
            candidates.append(Candidate(route.span, from_url))
    return best(candidates)


FIELD_CONSTRAINTS = {
    "min_length",
    "max_length",
    "ge",
    "gt",
    "le",
    "lt",
    "pattern",
    "regex",
    "multiple_of",
    "max_digits",
}
VALIDATORS = ("field_validator", "model_validator", "validator", "root_validator")


def find_request_models(project: Project) -> Span | None:
    """A Pydantic model; features: a route takes it as its body, Field constraints, a validator,
    extra fields forbidden."""
    body_types = {
        name
        for route in project.routes
        for argument, _ in parameters(route.function)
        for name in names_outside_calls(argument.annotation)
    }
    candidates = []
    for source, cls in pydantic_models(project):
        constrained = any(
            named(called, "Field") and {item.arg for item in call.keywords} & FIELD_CONSTRAINTS
            for call, called in calls_in(cls, source.imports)
        )
        validated = any(
            named(dotted(decorator.func if isinstance(decorator, ast.Call) else decorator, source.imports), *VALIDATORS)
            for item in cls.body
            if isinstance(item, Function)
            for decorator in item.decorator_list
        )
        forbids = any(
            constant_str(node) == "forbid" or (isinstance(node, ast.Attribute) and node.attr == "forbid")
            for node in ast.walk(cls)
        )
        score = (cls.name in body_types) + constrained + validated + forbids
        if score:
            candidates.append(Candidate(span_of(source, cls), score))
    return best(candidates)


def find_response_model(project: Project) -> Span | None:
    """A Pydantic model; features: it reads ORM objects (from_attributes or orm_mode), a route
    returns it (response_model= or the return annotation)."""
    returned = set()
    for route in project.routes:
        returned |= names_outside_calls(keyword(route.call, "response_model")) | names_outside_calls(
            route.function.returns
        )
    candidates = []
    for source, cls in pydantic_models(project):
        reads_orm = any(
            (isinstance(node, ast.keyword) and node.arg == "from_attributes" and is_true(node.value))
            or (
                isinstance(node, ast.Assign)
                and assigned_names(node) & {"orm_mode", "from_attributes"}
                and is_true(node.value)
            )
            for node in ast.walk(cls)
        )
        score = reads_orm + (cls.name in returned)
        if score:
            candidates.append(Candidate(span_of(source, cls), score))
    return best(candidates)


def find_annotated_validator(project: Project) -> Span | None:
    """An `Annotated[T, AfterValidator(f)]` type, with f when f is defined right above it."""
    candidates = []
    for source, call in calls_named(
        project.app_sources, "AfterValidator", "BeforeValidator", "PlainValidator", "WrapValidator"
    ):
        statement = statement_of(source, call)
        span = span_of(source, statement)
        helper = previous(source, statement)
        if isinstance(helper, Function) and call.args and helper.name == terminal(call.args[0]):
            span = Span(span.path, span_of(source, helper).start, span.end)
        candidates.append(Candidate(span))
    return best(candidates)


def find_dependencies(project: Project) -> Span | None:
    """The longest stretch of `X = Annotated[T, Depends(f)]` aliases, or else the route that
    declares the most Depends(...) parameters."""

    def is_alias(source: Source, statement: ast.stmt) -> bool:
        value = getattr(statement, "value", None)
        return (
            isinstance(statement, (ast.Assign, ast.AnnAssign))
            and isinstance(value, ast.Subscript)
            and named(dotted(value.value, source.imports), "Annotated")
            and mentions_call(source, value, "Depends", "Security")
        )

    aliases = list(stretches(project, is_alias, count))
    routes = [
        Candidate(route.span, declared)
        for route in project.routes
        if (
            declared := sum(
                mentions_call(route.source, argument.annotation, "Depends", "Security")
                or mentions_call(route.source, default, "Depends", "Security")
                for argument, default in parameters(route.function)
            )
        )
    ]
    return best(aliases + routes)


def find_background_task(project: Project) -> Span | None:
    """The `tasks.add_task(...)` call on a BackgroundTasks parameter (the function if it never calls it)."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            names = parameter_names(function, source, "BackgroundTasks")
            if not names:
                continue
            added = [call for call in method_calls(function, "add_task") if terminal(call.func.value) in names]
            candidates += [Candidate(span_of(source, statement_of(source, call)), 1) for call in added]
            if not added:
                candidates.append(Candidate(span_of(source, function)))
    return best(candidates)


def find_csv_upload(project: Project) -> Span | None:
    """A route that takes an UploadFile, with the constants right above it that it uses; more if it reads CSV."""
    return best(
        Candidate(
            with_helpers_above(route.source, route.function), bool(re.search("csv", ast.unparse(route.function), re.I))
        )
        for route in project.routes
        if parameter_names(route.function, route.source, "UploadFile", "File")
    )


def find_streaming_export(project: Project) -> Span | None:
    """The route (or else function) that returns a StreamingResponse; more if it streams a generator."""
    candidates = []
    for source, call in calls_named(project.app_sources, "StreamingResponse", "EventSourceResponse"):
        functions = [parent for parent in ancestors(source, call) if isinstance(parent, Function)]
        route = next((function for function in functions if project.route_for(function)), None)
        chosen = route or (functions[0] if functions else statement_of(source, call))
        candidates.append(Candidate(span_of(source, chosen), (route is not None) + has_yield(chosen)))
    return best(candidates)


def find_websocket_stream(project: Project) -> Span | None:
    """A WebSocket route; more if it sends in a loop (a stream, not one reply)."""
    candidates = []
    for route in project.routes:
        if route.method == "websocket" or parameter_names(route.function, route.source, "WebSocket"):
            streams = any(
                isinstance(loop, (ast.For, ast.AsyncFor, ast.While))
                and any(method_calls(loop, "send_json", "send_text", "send_bytes", "send"))
                for loop in ast.walk(route.function)
            )
            candidates.append(Candidate(route.span, streams))
    return best(candidates)


def find_token_endpoint(project: Project) -> Span | None:
    """A route that takes an OAuth2PasswordRequestForm (or else a POST to a /token or /login path)."""
    candidates = []
    for route in project.routes:
        if parameter_names(
            route.function, route.source, "OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict"
        ):
            candidates.append(Candidate(route.span, 1))
        elif route.method == "post" and re.search(r"(token|login)/?$", route.path):
            candidates.append(Candidate(route.span))
    return best(candidates)


def find_refresh_token_rotation(project: Project) -> Span | None:
    """A route that trades a refresh token (its path or name says refresh), with the helpers right
    above it that it uses; features: it marks the old token used or revoked (or deletes it), it
    hands out a new refresh token."""
    candidates = []
    for route in project.routes:
        if not (re.search("refresh", route.path, re.I) or re.search("refresh", route.function.name, re.I)):
            continue
        shown = with_helpers_above(route.source, route.function)
        code = [item for item in route.source.tree.body if shown.start <= item.lineno <= shown.end]
        revokes = any(
            isinstance(node, (ast.Assign, ast.AugAssign))
            and re.search(r"used|revoked|invalid|blacklist", ast.unparse(node), re.I)
            for item in code
            for node in ast.walk(item)
        ) or any(method_calls(route.function, "delete", "revoke", "blacklist", "add_to_blacklist"))
        issues_new = any(
            named(called, "token_urlsafe", "token_hex", "uuid4")
            or re.search(r"(create|new|issue).*refresh", called, re.I)
            for item in code
            for _, called in calls_in(item, route.source.imports)
        )
        candidates.append(Candidate(shown, revokes + issues_new))
    return best(candidates)


# --- dependencies, auth and limits --------------------------------------------------------------


def find_db_session_dependency(project: Project) -> Span | None:
    """A generator that yields a session; features: the yielded name says session, it is opened
    with `with` or closed in `finally`, it is passed to Depends()."""
    candidates = []
    for source in project.app_sources:
        yields = [
            node
            for node in source.nodes
            if isinstance(node, ast.Yield)
            and isinstance(node.value, ast.Name)
            and re.search(r"session|db|conn", node.value.id, re.I)
        ]
        for function, found in by_function(source, yields).items():
            managed = any(isinstance(node, (ast.With, ast.AsyncWith)) for node in ast.walk(function)) or any(
                node.finalbody for node in ast.walk(function) if isinstance(node, ast.Try)
            )
            says_session = any("session" in node.value.id.lower() for node in found)
            candidates.append(
                Candidate(
                    span_of(source, function), says_session + managed + (function.name in project.dependency_targets)
                )
            )
    return best(candidates)


SECURITY_SCHEMES = (
    "OAuth2PasswordBearer",
    "OAuth2AuthorizationCodeBearer",
    "HTTPBearer",
    "HTTPBasic",
    "APIKeyHeader",
    "APIKeyCookie",
    "APIKeyQuery",
)


def depends_on_scheme(call: ast.Call, called: str, source: Source, schemes: set[str]) -> bool:
    """`Depends(oauth2_scheme)` for a known scheme, or `Depends(HTTPBearer())` made in place."""
    if not (named(called, "Depends", "Security") and call.args):
        return False
    target = call.args[0]
    if isinstance(target, ast.Call):
        return named(dotted(target.func, source.imports), *SECURITY_SCHEMES)
    return terminal(target) in schemes


def returned_functions(source: Source, function: Function) -> set[str]:
    """The module-level functions of the file that a factory hands out, when all its body does is
    `return one if flag else other`; empty for any other function."""
    body = without_docstring(function.body)
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return set()
    value = body[0].value
    if not all(isinstance(node, (ast.Name, ast.IfExp, ast.Load)) for node in ast.walk(value)):
        return set()
    defined = {statement.name for statement in source.tree.body if isinstance(statement, Function)}
    returned = {node.id for node in ast.walk(value) if isinstance(node, ast.Name)}
    return returned & defined


def find_current_user_dependency(project: Project) -> Span | None:
    """A function that takes the request's credentials through a security scheme, directly or
    through an Annotated alias (or is named like get_current_user); features: scheme, name, passed
    to Depends(). Shown with the alias right after it."""
    schemes = {
        name
        for source, call in calls_named(project.app_sources, *SECURITY_SCHEMES)
        for name in assigned_names(statement_of(source, call))
    }
    scheme_aliases = {  # TokenDep = Annotated[str, Depends(oauth2_scheme)]
        name
        for source in project.app_sources
        for call, called in source.calls
        if depends_on_scheme(call, called, source, schemes)
        and isinstance(statement := statement_of(source, call), (ast.Assign, ast.AnnAssign))
        for name in assigned_names(statement)
    }
    factories = {  # get_current_user_authorizer(required) -> _get_current_user or _get_current_user_optional
        id(function): (function, returned)
        for source in project.app_sources
        for function in source.functions
        if (returned := returned_functions(source, function))
    }
    credited = {  # the functions a factory passed to Depends(...) hands out are dependencies too
        name
        for function, returned in factories.values()
        if function.name in project.dependency_targets
        for name in returned
    }
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if project.route_for(function) or id(function) in factories:
                continue
            takes_scheme = any(
                depends_on_scheme(call, called, source, schemes)
                for argument, default in parameters(function)
                for part in (argument.annotation, default)
                if part is not None
                for call, called in calls_in(part, source.imports)
            ) or any(names_outside_calls(argument.annotation) & scheme_aliases for argument, _ in parameters(function))
            named_so = "current_user" in function.name
            if takes_scheme or named_so:
                rejects = any(isinstance(node, ast.Raise) for node in ast.walk(function))  # 401/403 on a bad token
                score = takes_scheme + named_so + rejects + (function.name in project.dependency_targets | credited)
                span = (
                    with_users(source, function, function.name)
                    if is_module_level(source, function)
                    else span_of(source, function)
                )
                candidates.append(Candidate(span, score))
    return best(candidates)


ROLE_WORDS = re.compile(r"role|scopes|permission|privilege|superuser|is_admin|is_staff", re.I)


def find_role_check(project: Project) -> Span | None:
    """A top-level function or class that looks at roles, scopes or permissions and refuses;
    features: the refusal is a 403, it is a dependency (passed to Depends(), a factory returning
    the check, or a class). Shown with the aliases right after it."""
    candidates = []
    for source in project.app_sources:
        refusing = {
            top_level_of(source, node) for node in source.nodes if isinstance(node, ast.Raise) and node.exc is not None
        }
        for top in refusing:
            if not isinstance(top, DEFINITIONS) or not ROLE_WORDS.search(" ".join(identifiers(top) | strings_in(top))):
                continue
            dependency = (
                top.name in project.dependency_targets
                or isinstance(top, ast.ClassDef)
                or any(isinstance(inner, Function) for inner in top.body)
            )
            forbidden = any(
                raises_status(exception, 403, r"forbidden|permission|notallowed") for exception in raised(top)
            )
            candidates.append(Candidate(with_users(source, top, top.name), forbidden + dependency))
    return best(candidates)


def find_password_hashing(project: Project) -> Span | None:
    """Neighbouring statements that make a password hasher (pwdlib, passlib, argon2) or use it or
    bcrypt: usually the hasher and the hash and verify functions."""
    makers = ("PasswordHash.recommended", "PasswordHash", "CryptContext", "PasswordHasher")
    direct = ("bcrypt.hashpw", "bcrypt.checkpw", "bcrypt.gensalt", "hashlib.pbkdf2_hmac", "hashlib.scrypt")
    candidates = []
    for source in project.app_sources:
        made = [call for call, called in source.calls if named(called, *makers)]
        hashers = {name for call in made for name in assigned_names(statement_of(source, call))}
        uses = [
            node
            for node in source.nodes
            if (isinstance(node, ast.Name) and node.id in hashers)
            or (isinstance(node, ast.Attribute) and node.attr in hashers and terminal(node.value) in {"self", "cls"})
        ]
        hashing = [call for call, called in source.calls if named(called, *direct)]
        members = {
            item
            for item in statements_holding(source, [*made, *uses, *hashing])
            if not isinstance(item, (ast.ClassDef, ast.Import, ast.ImportFrom))
        }
        candidates += run_candidates(source, members, count)
    return best(candidates)


def is_jwt(called: str) -> bool:
    return named(called, "jwt.encode", "jwt.decode", "JWT.encode", "JWT.decode", "jws.sign", "jws.verify")


def find_jwt_tokens(project: Project) -> Span | None:
    """Neighbouring statements that encode or decode JWTs; both together beat one alone."""
    candidates = []
    for source in project.app_sources:
        operations = {call: called.rsplit(".", 1)[-1] for call, called in source.calls if is_jwt(called)}
        members = {item for item in statements_holding(source, operations) if not isinstance(item, ast.ClassDef)}
        members |= {  # create_access_token() calling the file's create_jwt_token() is part of it too
            statement
            for statement in source.tree.body
            if isinstance(statement, Function) and any(function in members for function in reachable(source, statement))
        }

        def kinds(run: list[ast.stmt], operations: dict = operations, source: Source = source) -> int:
            reached = [function for item in run if isinstance(item, Function) for function in reachable(source, item)]
            return len(
                {operations[node] for item in [*run, *reached] for node in ast.walk(item) if node in operations}
            )

        candidates += run_candidates(source, members, kinds)
    return best(candidates)


def find_rate_limit_dependency(project: Project) -> Span | None:
    """A top-level function that limits request rates (a dependency, or a factory of one);
    features: its name says so, it is passed to Depends() or decorates routes as slowapi's
    @limiter.limit does, it answers 429. A name or a 429 is needed to count at all."""
    candidates = []
    for source in project.app_sources:
        for function in source.tree.body:
            if not isinstance(function, Function):
                continue
            limits_name = bool(re.search(r"rate_?limit|throttl", function.name, re.I))
            answers_429 = any(
                raises_status(exception, 429, r"ratelimit|toomany|throttl") for exception in raised(function)
            )
            dependency = function.name in project.dependency_targets or decorated_by(function, "limit")
            if limits_name or answers_429 or decorated_by(function, "limit"):
                candidates.append(Candidate(span_of(source, function), limits_name + answers_429 + dependency))
    return best(candidates)


LIMITER_METHODS = {
    "hit",
    "allow",
    "allowed",
    "is_allowed",
    "acquire",
    "try_acquire",
    "consume",
    "check",
    "take",
    "limit",
}


def find_rate_limiter(project: Project) -> Span | None:
    """Neighbouring classes named like limiters (limit, window, bucket, throttle) with a method such as
    hit() or allow(); or else a slowapi Limiter, or a function counting with Redis INCR and EXPIRE."""

    def member(source: Source, statement: ast.stmt) -> bool:
        return (
            isinstance(statement, ast.ClassDef)
            and bool(re.search(r"limit|window|bucket|throttl", statement.name, re.I))
            and any(isinstance(item, Function) and item.name in LIMITER_METHODS for item in statement.body)
        )

    classes = [Candidate(candidate.span, candidate.score + 1) for candidate in stretches(project, member, count)]
    others = list(statement_candidates(project.app_sources, "slowapi.Limiter", "FastAPILimiter.init"))
    for source in project.app_sources:
        counting = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute) and call.func.attr in {"incr", "incrby", "expire"}
        ]
        for function, calls in by_function(source, counting).items():
            methods = {call.func.attr for call in calls}
            if "expire" in methods and methods & {"incr", "incrby"}:  # a fixed window in Redis
                others.append(Candidate(span_of(source, function)))
    return best(classes + others)


def find_semaphore_limit(project: Project) -> Span | None:
    """The outermost function around an `async with` on an asyncio (or anyio) Semaphore, which caps
    how many tasks run at once; or else the statement that makes the semaphore."""
    makers = ("asyncio.Semaphore", "asyncio.BoundedSemaphore", "anyio.Semaphore", "anyio.CapacityLimiter")
    made = list(calls_named(project.app_sources, *makers))
    semaphores = {name for source, call in made for name in assigned_names(statement_of(source, call))}
    candidates = [Candidate(span_of(source, statement_of(source, call))) for source, call in made]
    for source in project.app_sources if made else []:
        aliases = semaphores | {  # in_flight = request.app.state.semaphore
            name
            for node in source.nodes
            if isinstance(node, ast.Assign) and terminal(node.value) in semaphores
            for name in assigned_names(node)
        }
        for node in source.nodes:
            if isinstance(node, ast.AsyncWith) and any(
                terminal(item.context_expr) in aliases or mentions_call(source, item.context_expr, *makers)
                for item in node.items
            ):
                holder = outermost_function(source, node)
                if holder is not None:
                    candidates.append(Candidate(span_of(source, holder), 1))
    return best(candidates)


# --- data access --------------------------------------------------------------------------------


def builds_query(node: ast.AST, source: Source) -> bool:
    """Whether a call chain starts at select(...), update(...), delete(...) or session.query(...)."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call):
            called = dotted(node.func, source.imports)
            if named(called, "select", "sqlalchemy.update", "sqlalchemy.delete", "query") or called.startswith(
                "sqlmodel."
            ):
                return True
            node = node.func
        else:
            node = node.value
    return False


RUNS_QUERY = ("scalars", "scalar", "execute", "exec", "stream_scalars", "all", "first", "one")


def find_orm_query(project: Project) -> Span | None:
    """A function with a select(...).where(...) (or query(...).filter(...)); features: the filter
    uses a parameter of the function (a bound parameter), the function runs the query."""
    candidates = []
    for source in project.app_sources:
        filters = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute)
            and call.func.attr in {"where", "filter", "filter_by"}
            and builds_query(call.func.value, source)
        ]
        for function, calls in by_function(source, filters).items():
            params = {argument.arg for argument, _ in parameters(function)}
            bound = any(isinstance(node, ast.Name) and node.id in params for call in calls for node in ast.walk(call))
            candidates.append(Candidate(span_of(source, function), bound + any(method_calls(function, *RUNS_QUERY))))
    return best(candidates)


EAGER_LOADERS = (
    "selectinload",
    "joinedload",
    "subqueryload",
    "contains_eager",
    "immediateload",
    "prefetch_related",
    "select_related",
)


def find_eager_loading(project: Project) -> Span | None:
    """The statement that loads related rows up front (selectinload, joinedload, ...); or else a
    relationship declared with lazy="selectin" or "joined"."""
    loaders = statement_candidates(project.app_sources, *EAGER_LOADERS, score=1)
    declared = (
        Candidate(span_of(source, statement_of(source, call)))
        for source, call in calls_named(project.app_sources, "relationship")
        if constant_str(keyword(call, "lazy")) in {"selectin", "joined", "subquery"}
    )
    return best([*loaders, *declared])


WRITES = ("add", "add_all", "delete", "flush", "merge", "execute", "bulk_save_objects")
TRANSACTIONS = {"begin", "begin_nested", "atomic", "transaction"}


def writes_in(node: ast.AST) -> int:
    return sum(1 for _ in method_calls(node, *WRITES))


def find_transaction(project: Project) -> Span | None:
    """A `with session.begin():` block, or else a try that commits and rolls back on error; the one
    grouping the most writes, since that is what a transaction is for."""
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if isinstance(node, (ast.With, ast.AsyncWith)) and any(
                isinstance(item.context_expr, ast.Call) and terminal(item.context_expr.func) in TRANSACTIONS
                for item in node.items
            ):
                candidates.append(Candidate(span_of(source, node), 1 + writes_in(node)))
            elif (
                isinstance(node, ast.Try)
                and any(any(method_calls(handler, "rollback")) for handler in node.handlers)
                and any(any(method_calls(statement, "commit")) for statement in node.body)
            ):
                candidates.append(Candidate(span_of(source, node), writes_in(node)))
    return best(candidates)


def find_unique_conflict(project: Project) -> Span | None:
    """An `except IntegrityError` (or a unique-violation error) handler; features: it raises a new
    error, the error is a 409 conflict."""
    conflicts = ("IntegrityError", "UniqueViolation", "UniqueViolationError")
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if (
                isinstance(node, ast.ExceptHandler)
                and node.type is not None
                and any(
                    named(dotted(part, source.imports), *conflicts)
                    for part in ast.walk(node.type)
                    if isinstance(part, (ast.Name, ast.Attribute))
                )
            ):
                conflict = bool(re.search(r"conflict|409", ast.unparse(node), re.I))
                candidates.append(Candidate(span_of(source, node), bool(raised(node)) + conflict))
    return best(candidates)


VERSION_COLUMN = re.compile(r"^(version|version_id|row_version|revision|etag|lock_version)$", re.I)


def compares_versions(node: ast.AST) -> bool:
    """`Model.version == body.version`: a version column on both sides of ==."""
    return (
        isinstance(node, ast.Compare)
        and len(node.comparators) == 1
        and isinstance(node.ops[0], ast.Eq)
        and all(VERSION_COLUMN.match(terminal(side)) for side in (node.left, node.comparators[0]))
    )


def find_optimistic_locking(project: Project) -> Span | None:
    """A function that compares a stored version with the client's (`Model.version == body.version`);
    features: it bumps the version, it checks the row was matched (.returning or .rowcount). Or else
    a mapper with version_id_col, or an If-Match header."""
    candidates = []
    for source in project.app_sources:
        for function in by_function(source, [node for node in source.nodes if compares_versions(node)]):
            bumps = any(
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and VERSION_COLUMN.match(terminal(node.left))
                for node in ast.walk(function)
            )
            checks = any(method_calls(function, "returning")) or "rowcount" in identifiers(function)
            candidates.append(Candidate(span_of(source, function), 1 + bumps + checks))
        for node in source.nodes:
            if (constant_str(node) or "").lower() == "if-match" and (function := function_of(source, node)):
                candidates.append(Candidate(span_of(source, function)))
            elif constant_str(node) == "version_id_col":
                holder = next((parent for parent in ancestors(source, node) if isinstance(parent, ast.ClassDef)), None)
                if holder is not None:
                    candidates.append(Candidate(span_of(source, holder)))
    return best(candidates)


SOFT_DELETE_NAMES = {"deleted_at", "is_deleted", "deleted_on"}


def soft_delete_name(node: ast.AST) -> bool:
    name = (
        node.id
        if isinstance(node, ast.Name)
        else node.attr
        if isinstance(node, ast.Attribute)
        else node.arg
        if isinstance(node, ast.keyword)
        else None
    )
    return name in SOFT_DELETE_NAMES


def find_soft_delete(project: Project) -> Span | None:
    """The statement that filters out soft-deleted rows (`Model.deleted_at.is_(None)`, or an `if`
    on it); or else one that sets or declares the deleted_at column."""
    candidates = []
    for source in project.app_sources:
        for statement in {statement_of(source, node) for node in source.nodes if soft_delete_name(node)}:
            if isinstance(statement, (*DEFINITIONS, ast.Try)):
                continue
            filters = any(
                (
                    isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Attribute)
                    and child.func.attr in {"is_", "is_not", "isnot"}
                    and terminal(child.func.value) in SOFT_DELETE_NAMES
                )
                or (isinstance(child, ast.Compare) and SOFT_DELETE_NAMES & identifiers(child))
                for part in own_parts(statement)
                for child in ast.walk(part)
            )
            candidates.append(Candidate(span_of(source, statement), filters))
    return best(candidates)


def own_parts(statement: ast.stmt) -> list[ast.AST]:
    """What a statement says itself, without the statements it holds: an `if`'s condition, a
    `for`'s loop header, a `with`'s items; a simple statement whole."""
    if isinstance(statement, (ast.If, ast.While)):
        return [statement.test]
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return [statement.target, statement.iter]
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return list(statement.items)
    return [statement]


def find_idempotency_key(project: Project) -> Span | None:
    """The function that reads an Idempotency-Key header (a parameter named idempotency_key, or
    headers.get("Idempotency-Key")); a route handler first."""
    reading = {
        function
        for source in project.app_sources
        for call, _ in source.calls
        if any(
            (constant_str(argument) or "").lower() == "idempotency-key"
            for argument in [*call.args, *(item.value for item in call.keywords)]
        )
        and (function := function_of(source, call))
    }
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if function in reading or any(
                "idempotency" in argument.arg.lower() for argument, _ in parameters(function)
            ):
                candidates.append(Candidate(span_of(source, function), project.route_for(function) is not None))
    return best(candidates)


CURSOR_NAMES = {
    "cursor",
    "after",
    "before",
    "after_id",
    "before_id",
    "last_id",
    "starting_after",
    "since_id",
    "page_token",
}


def find_cursor_pagination(project: Project) -> Span | None:
    """A function with a cursor parameter (cursor, after, last_id, ...), with the helpers right above
    it that it uses (encode and decode the cursor); features: it filters with `>` or `<` (keyset),
    it hands out a next cursor."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if not CURSOR_NAMES & {argument.arg for argument, _ in parameters(function)}:
                continue
            keyset = any(
                isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.Gt, ast.Lt, ast.GtE, ast.LtE))
                for call in method_calls(function, "where", "filter")
                for node in ast.walk(call)
            )
            hands_out = any(re.search(r"next_?(cursor|token|page)", name, re.I) for name in identifiers(function))
            if keyset or hands_out:
                span = definition_span(source, function)
                candidates.append(Candidate(span, keyset + hands_out))
    return best(candidates)


def find_cache_aside(project: Project) -> Span | None:
    """A function that gets and sets the same cache or Redis client (read, miss, fill); a route first.
    Or else a route cached by a decorator such as fastapi-cache's @cache(expire=...)."""
    candidates = []
    for source in project.app_sources:
        cache_calls = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute)
            and call.func.attr in {"get", "set", "setex"}
            and re.search(r"cache|redis", ast.unparse(call.func.value), re.I)
        ]
        for function, calls in by_function(source, cache_calls).items():
            receivers = {
                method: {ast.unparse(call.func.value) for call in calls if call.func.attr in method}
                for method in [("get",), ("set", "setex")]
            }
            if receivers[("get",)] & receivers[("set", "setex")]:
                candidates.append(Candidate(span_of(source, function), 1 + (project.route_for(function) is not None)))
    candidates += [Candidate(route.span) for route in project.routes if decorated_by(route.function, "cache")]
    return best(candidates)


def find_response_cache(project: Project) -> Span | None:
    """Neighbouring cache classes (a name with Cache and get and set methods); or else a cache made
    by a library (fastapi-cache, cachetools, aiocache)."""

    def member(source: Source, statement: ast.stmt) -> bool:
        methods = {item.name for item in getattr(statement, "body", []) if isinstance(item, Function)}
        return isinstance(statement, ast.ClassDef) and "cache" in statement.name.lower() and {"get", "set"} <= methods

    classes = [Candidate(candidate.span, candidate.score + 1) for candidate in stretches(project, member, count)]
    libraries = statement_candidates(
        project.app_sources, "FastAPICache.init", "TTLCache", "LRUCache", "Cache.from_url", "aiocache.Cache"
    )
    return best([*classes, *libraries])


def find_alembic_migration(project: Project) -> Span | None:
    """Neighbouring upgrade() and downgrade() functions that call alembic's op, themselves or through
    helper functions of the file (create_users_table()); the more tables the migration creates (the
    initial schema shows the most), the better."""
    candidates = []
    for source in project.app_sources:
        members = {
            statement
            for statement in source.tree.body
            if isinstance(statement, Function)
            and statement.name in {"upgrade", "downgrade"}
            and any(
                called.startswith(("alembic.op.", "op."))
                for function in reachable(source, statement)
                for _, called in calls_in(function, source.imports)
            )
        }

        def tables(run: list[ast.stmt], source: Source = source) -> int:
            functions = {id(function): function for item in run for function in reachable(source, item)}
            return sum(
                named(called, "op.create_table")
                for function in functions.values()
                for _, called in calls_in(function, source.imports)
            )

        candidates += run_candidates(source, members, tables)
    return best(candidates)


# --- concurrency --------------------------------------------------------------------------------


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


# --- tests --------------------------------------------------------------------------------------


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


def answers_304(node: ast.AST) -> bool:
    return any(
        (isinstance(child, ast.Constant) and child.value == 304 and not isinstance(child.value, bool))
        or (isinstance(child, (ast.Name, ast.Attribute)) and terminal(child).startswith("HTTP_304"))
        for child in ast.walk(node)
    )


def find_conditional_get(project: Project) -> Span | None:
    """A function that reads If-None-Match and answers 304 Not Modified, with the helpers above it
    that it uses (making and comparing the tag); more if it sets the ETag header, more if a route."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            strings = {text.lower() for text in strings_in(function)}
            reads = "if_none_match" in {name.lower() for name in identifiers(function)} or "if-none-match" in strings
            if reads and answers_304(function):
                score = ("etag" in strings) + (project.route_for(function) is not None)
                candidates.append(Candidate(definition_span(source, function), score))
    return best(candidates)


def find_sse_stream(project: Project) -> Span | None:
    """A route that answers Server-Sent Events: response_class=EventSourceResponse (FastAPI 0.135+),
    an EventSourceResponse (sse-starlette) or a text/event-stream response; more if it yields them."""
    candidates = []
    for route in project.routes:
        response_class = keyword(route.call, "response_class")
        by_class = response_class is not None and named(
            dotted(response_class, route.source.imports), "EventSourceResponse"
        )
        made = mentions_call(route.source, route.function, "EventSourceResponse", "ServerSentEvent")
        if by_class or made or "text/event-stream" in strings_in(route.function):
            candidates.append(Candidate(route.span, has_yield(route.function)))
    return best(candidates)


def find_circuit_breaker(project: Project) -> Span | None:
    """A circuit breaker class (Circuit or Breaker in its name, with methods) and the helpers above it;
    more for each of a failure count, a half-open state and a cool-down. Or else a library's breaker
    (pybreaker, aiobreaker, circuitbreaker, purgatory)."""
    candidates = []
    for source in project.app_sources:
        for cls in source.classes:
            if not re.search(r"circuit|breaker", cls.name, re.I) or not any(
                isinstance(item, Function) for item in cls.body
            ):
                continue
            words = " ".join(strings_in(cls) | identifiers(cls)).lower()
            features = [r"fail", r"half.?open", r"cool.?down|reset_timeout|recovery_timeout"]
            score = 1 + sum(bool(re.search(feature, words)) for feature in features)
            candidates.append(Candidate(definition_span(source, cls), score))
    libraries = statement_candidates(
        project.app_sources,
        "pybreaker.CircuitBreaker",
        "aiobreaker.CircuitBreaker",
        "circuitbreaker.CircuitBreaker",
        "circuitbreaker.circuit",
        "purgatory.AsyncCircuitBreakerFactory",
    )
    decorated = [
        Candidate(span_of(source, function))
        for source in project.app_sources
        for function in source.functions
        if any(named(dotted(item, source.imports), "circuitbreaker.circuit") for item in function.decorator_list)
    ]
    return best([*candidates, *libraries, *decorated])


# --- data and admin patterns (partial unique index, JSONB, PATCH, login check, CLI, migration) ----


def find_partial_unique_index(project: Project) -> Span | None:
    """An index limited to some rows by `postgresql_where=` or `sqlite_where=` (a partial index), in
    a model or a migration; features: it is unique, it is declared on the model."""
    candidates = []
    for source in project.app_sources:
        for call, called in source.calls:
            if not named(called, "Index", "op.create_index", "create_index"):
                continue
            if keyword(call, "postgresql_where") is None and keyword(call, "sqlite_where") is None:
                continue
            on_model = any(isinstance(parent, ast.ClassDef) for parent in ancestors(source, call))
            candidates.append(Candidate(span_of(source, call), is_true(keyword(call, "unique")) + on_model))
    return best(candidates)


def find_jsonb_column(project: Project) -> Span | None:
    """A PostgreSQL JSONB column type; features: `with_variant` keeps it portable (JSON elsewhere),
    it is declared on the model, not in a migration function, the file also has a GIN index."""
    candidates = []
    for source in project.app_sources:
        gin = any((constant_str(keyword(call, "postgresql_using")) or "").lower() == "gin" for call, _ in source.calls)
        uses = [
            node
            for node in source.nodes
            if isinstance(node, (ast.Name, ast.Attribute))
            and not isinstance(source.parents.get(node), ast.Attribute)
            and named(dotted(node, source.imports), "JSONB")
        ]
        for statement in {statement_of(source, node) for node in uses}:
            if isinstance(statement, (ast.Import, ast.ImportFrom, *DEFINITIONS)):
                continue
            portable = any(isinstance(node, ast.Attribute) and node.attr == "with_variant" for node in ast.walk(statement))
            declared = function_of(source, statement) is None
            candidates.append(Candidate(span_of(source, statement), portable + declared + gin))
    return best(candidates)


def find_patch_partial_update(project: Project) -> Span | None:
    """`model_dump(exclude_unset=True)` (or Pydantic v1's `.dict(exclude_unset=True)`), shown as the
    model method or the route that calls it; features: nulls are kept (no exclude_none), it is a
    method of the PATCH model or in a PATCH route."""
    candidates = []
    for source in project.app_sources:
        for call in method_calls(source.tree, "model_dump", "dict"):
            if not is_true(keyword(call, "exclude_unset")):
                continue
            keeps_nulls = not is_true(keyword(call, "exclude_none"))
            function = function_of(source, call)
            owner = next((parent for parent in ancestors(source, call) if isinstance(parent, ast.ClassDef)), None)
            route = project.route_for(function) if function else None
            if owner is not None:
                candidates.append(Candidate(span_of(source, owner), keeps_nulls + 1))
            elif route is not None:
                candidates.append(Candidate(route.span, keeps_nulls + (route.method == "patch")))
            else:
                candidates.append(Candidate(span_of(source, statement_of(source, call)), keeps_nulls))
    return best(candidates)


VERIFY_NAMES = re.compile(r"verify|check_?password|checkpw", re.I)
OFFLOADS = ("run_in_threadpool", "to_thread", "to_thread.run_sync", "run_sync", "run_in_executor")
DUMMY_NAMES = re.compile(r"dummy|decoy|fake_hash", re.I)


def find_login_password_check(project: Project) -> Span | None:
    """A function that checks a password hash in a worker thread (run_in_threadpool, to_thread,
    run_in_executor) or against a dummy hash when the user is unknown, with the dummy hash right
    above it; both beat one, and a direct verify with neither does not count."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            calls = list(calls_in(function, source.imports))
            offloaded = any(
                named(called, *OFFLOADS) and any(VERIFY_NAMES.search(terminal(argument)) for argument in call.args)
                for call, called in calls
            )
            verifies = offloaded or any(VERIFY_NAMES.search(called.rsplit(".", 1)[-1]) for _, called in calls)
            dummies = {name for name in identifiers(function) if DUMMY_NAMES.search(name)}
            if not verifies or not (offloaded or dummies):
                continue
            span = span_of(source, function)
            above = previous(source, function)
            if above is not None and dummies & defined_here(above):
                span = Span(span.path, span_of(source, above).start, span.end)
            candidates.append(Candidate(span, offloaded + bool(dummies)))
    return best(candidates)


def find_admin_cli(project: Project) -> Span | None:
    """A command-line entry point: a module-level function that parses arguments with argparse
    (or a click/typer command), with the helpers right above it that it uses; features: it takes
    the argument list (`main(argv)`), the file runs it under `if __name__ == "__main__"`, it has
    subcommands. A script that does not import the project's own code (a release or lint tool of the
    repository) is not the app's admin command."""
    candidates = []
    for source in project.app_sources:
        if not project.uses_own_code(source):
            continue
        runs_as_script = any(
            isinstance(statement, ast.If) and "__main__" in strings_in(statement.test) for statement in source.tree.body
        )
        for function in source.tree.body:
            if not isinstance(function, Function):
                continue
            parses = any(method_calls(function, "parse_args", "parse_known_args")) or any(
                named(dotted(decorator, source.imports), "click.command", "click.group", "command")
                or (isinstance(decorator, ast.Call) and named(dotted(decorator.func, source.imports), "click.command", "click.group", "command"))
                for decorator in function.decorator_list
            )
            if not parses:
                continue
            span = with_helpers_above(source, function)
            shown = [item for item in source.tree.body if span.start <= item.lineno <= span.end]
            subcommands = any(method_calls(item, "add_subparsers") for item in shown)
            takes_argv = any(argument.arg in {"argv", "args"} for argument, _ in parameters(function))
            candidates.append(Candidate(span, takes_argv + runs_as_script + subcommands))
    return best(candidates)


def find_zero_downtime_migration(project: Project) -> Span | None:
    """An Alembic upgrade() that adds a column nullable and makes it NOT NULL later (by
    alter_column(nullable=False) or SET NOT NULL); features: it backfills in a loop, commits
    outside one long transaction (autocommit_block), builds an index CONCURRENTLY."""
    candidates = []
    for source in project.app_sources:
        for function in source.tree.body:
            if not (isinstance(function, Function) and function.name == "upgrade"):
                continue
            adds_nullable = any(
                is_true(keyword(node, "nullable"))
                for call in method_calls(function, "add_column")
                for node in ast.walk(call)
                if isinstance(node, ast.Call)
            )
            not_null = any(
                isinstance(keyword(call, "nullable"), ast.Constant) and keyword(call, "nullable").value is False
                for call in method_calls(function, "alter_column")
            ) or any("SET NOT NULL" in text.upper() for text in strings_in(function))
            if not (adds_nullable and not_null):
                continue
            loops = any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(function))
            commits = any(method_calls(function, "autocommit_block"))
            concurrently = any(is_true(keyword(call, "postgresql_concurrently")) for call, _ in calls_in(function, source.imports))
            candidates.append(Candidate(span_of(source, function), loops + commits + concurrently))
    return best(candidates)


# --- queues (Celery task, transactional outbox, its relay, a Redis lock) ---------------------------

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


# --- tracing and live events (OpenTelemetry spans, Redis pub/sub fan-out) ------------------------

SPAN_STARTS = ("start_as_current_span", "start_span")


def starts_spans(node: ast.AST) -> bool:
    return any(method_calls(node, *SPAN_STARTS))


def mentions_name(node: ast.AST, *names: str) -> bool:
    return bool(set(names) & identifiers(node))


def find_tracing_setup(project: Project) -> Span | None:
    """The function that makes an OpenTelemetry TracerProvider, with the helpers right above it
    that it uses; features: it adds a span processor, it can export over OTLP, it names the
    service (a Resource)."""
    candidates = []
    for source, call in calls_named(project.app_sources, "TracerProvider"):
        function = outermost_function(source, call)
        where = function if function is not None else statement_of(source, call)
        span = with_helpers_above(source, where) if function is not None else span_of(source, where)
        shown = [item for item in source.tree.body if span.start <= item.lineno <= span.end] or [where]
        words = " ".join(word for item in shown for word in strings_in(item) | identifiers(item)).lower()
        processors = any(any(method_calls(item, "add_span_processor")) for item in shown)
        score = processors + ("otlp" in words) + any(mentions_call(source, item, "Resource.create", "Resource") for item in shown)
        candidates.append(Candidate(span, score))
    return best(candidates)


def find_trace_propagation(project: Project) -> Span | None:
    """A class or function that starts spans and carries the W3C trace context: `extract` from an
    incoming request (a server span) or `inject` into an outgoing one; features: it extracts, it
    injects, it marks the span as a server span, it is a pure ASGI middleware. Or else
    FastAPIInstrumentor.instrument_app(app)."""
    pure_middlewares = {id(node) for _, node, pure in middlewares(project) if pure}
    candidates = []
    for source in project.app_sources:
        for node in source.tree.body:
            if not isinstance(node, DEFINITIONS) or not starts_spans(node):
                continue
            extracts, injects = any(method_calls(node, "extract")), any(method_calls(node, "inject"))
            if extracts or injects:
                server = any(isinstance(child, ast.Attribute) and child.attr == "SERVER" for child in ast.walk(node))
                score = extracts + injects + server + (id(node) in pure_middlewares)
                candidates.append(Candidate(span_of(source, node), score))
    instrumented = statement_candidates(project.app_sources, "FastAPIInstrumentor.instrument_app")
    return best([*candidates, *instrumented])


def listens_to(node: ast.AST, event_name: str) -> bool:
    return event_name in strings_in(node)


def find_database_spans(project: Project) -> Span | None:
    """SQLAlchemy cursor-event listeners (before_cursor_execute) that start a span per statement,
    shown as the function that registers them; features: the span ends in after_cursor_execute,
    an error marks it (handle_error). Or else SQLAlchemyInstrumentor().instrument(...)."""
    candidates = []
    for source in project.app_sources:
        for node in source.tree.body:
            if not isinstance(node, DEFINITIONS):
                continue
            if listens_to(node, "before_cursor_execute") and starts_spans(node):
                score = listens_to(node, "after_cursor_execute") + listens_to(node, "handle_error")
                candidates.append(Candidate(span_of(source, node), score))
    instrumented = [
        Candidate(span_of(source, statement_of(source, call)))
        for source in project.app_sources
        for call in method_calls(source.tree, "instrument")
        if any(named(called, "SQLAlchemyInstrumentor") for _, called in calls_in(call, source.imports))
    ]
    return best([*candidates, *instrumented])


def find_pubsub_fanout(project: Project) -> Span | None:
    """A class or function that subscribes to a Redis pub/sub channel (`.pubsub()` then `subscribe`)
    and hands what it hears to local listeners, with the neighbouring classes and route it works
    with; features: it also publishes, it reads in a loop (listen or get_message), a WebSocket
    route in the same file sends the events. Or else a `broadcaster.Broadcast` made at module level."""
    candidates = []
    for source in project.app_sources:
        websocket = any(route.source is source and route.method == "websocket" for route in project.routes)
        for node in source.tree.body:
            if not isinstance(node, DEFINITIONS):
                continue
            if not (any(method_calls(node, "pubsub")) and any(method_calls(node, "subscribe"))):
                continue
            score = any(method_calls(node, "publish")) + any(method_calls(node, "listen", "get_message")) + websocket
            candidates.append(Candidate(span_of(source, node), score))
    library = statement_candidates(project.app_sources, "broadcaster.Broadcast")
    return best([*candidates, *library])


# --- the table ----------------------------------------------------------------------------------

DETECTORS: dict[str, Detector] = {
    "celery-task": Detector(
        find_celery_task,
        "a Celery task with acks_late=True, reject_on_worker_lost=True, autoretry_for and retry_backoff",
    ),
    "outbox-write": Detector(
        find_outbox_write, "an outbox row added in the same transaction as the row it announces"
    ),
    "outbox-relay": Detector(
        find_outbox_relay,
        "a relay that claims unsent outbox rows with FOR UPDATE SKIP LOCKED, publishes and marks them sent",
    ),
    "redis-lock": Detector(
        find_redis_lock,
        "a Redis lock: SET key token NX PX ttl, released by a Lua script that deletes only its own token",
    ),
    "alembic-migration": Detector(
        find_alembic_migration, "an Alembic migration whose upgrade() calls op.create_table (alembic revision)"
    ),
    "annotated-validator": Detector(
        find_annotated_validator, "a reusable type: Annotated[str, AfterValidator(check)] used by several models"
    ),
    "app-factory": Detector(
        find_app_factory, "a create_app() function that builds, configures and returns the FastAPI app"
    ),
    "async-client-test": Detector(
        find_async_client_test, "a test that calls the app with httpx.AsyncClient(transport=ASGITransport(app=app))"
    ),
    "async-endpoint": Detector(
        find_async_endpoint, "an async def route handler that awaits the database or another service"
    ),
    "background-task": Detector(
        find_background_task,
        "a route that takes BackgroundTasks and calls tasks.add_task(...) for work after the response",
    ),
    "cache-aside": Detector(
        find_cache_aside, "a read route that tries the cache, else reads the database and fills the cache with a TTL"
    ),
    "circuit-breaker": Detector(
        find_circuit_breaker,
        "a CircuitBreaker around an outbound call: open after N failures in a row, fail fast, half-open after a pause",
    ),
    "conditional-get": Detector(
        find_conditional_get, "a GET that sends an ETag and answers a matching If-None-Match with 304 and no body"
    ),
    "compose-environment": Detector(
        deploy.find_compose_environment,
        "the app service's environment: in docker-compose.yml, secrets from ${VARIABLES}",
    ),
    "compose-proxy": Detector(
        deploy.find_compose_proxy,
        "an nginx (or Traefik) service in docker-compose.yml in front of the app, the only published ports",
    ),
    "compose-stack": Detector(
        deploy.find_compose_stack, "a docker-compose.yml with the app, PostgreSQL and Redis services and healthchecks"
    ),
    "ci-pipeline": Detector(
        deploy.find_ci_pipeline,
        "a CI workflow (.github/workflows) that lints, tests against real services, builds the image and deploys",
    ),
    "cors": Detector(
        middleware_added("CORSMiddleware"),
        "app.add_middleware(CORSMiddleware, allow_origins=[...]) with explicit origins",
    ),
    "csv-upload": Detector(find_csv_upload, "a route that takes an UploadFile, checks its type and size, and reads it"),
    "current-user-dependency": Detector(
        find_current_user_dependency,
        "a get_current_user dependency reading the token via Depends(OAuth2PasswordBearer(...))",
    ),
    "cursor-pagination": Detector(
        find_cursor_pagination,
        "a list route with a cursor parameter that filters WHERE id > last id and returns next_cursor",
    ),
    "db-session-dependency": Detector(
        find_db_session_dependency,
        "a get_session dependency that yields a session from `with SessionLocal() as session`",
    ),
    "dependencies": Detector(
        find_dependencies, "reusable dependencies: SessionDep = Annotated[Session, Depends(get_session)]"
    ),
    "dependency-overrides-test": Detector(
        find_dependency_overrides_test,
        "a test that swaps a dependency with app.dependency_overrides[...] and clears it after",
    ),
    "dockerfile": Detector(
        deploy.find_dockerfile, "a Dockerfile: slim base, requirements copied before the code, a non-root user"
    ),
    "eager-loading": Detector(
        find_eager_loading,
        "a query with .options(selectinload(Model.children)) so related rows are not loaded one by one (N+1)",
    ),
    "domain-errors": Detector(
        find_domain_errors, "a DomainError(Exception) base with one subclass per failure, each naming its status code"
    ),
    "error-handlers": Detector(
        find_error_handlers, "@app.exception_handler(...) functions that turn errors into one JSON error body"
    ),
    "gzip-middleware": Detector(
        middleware_added("GZipMiddleware"), "app.add_middleware(GZipMiddleware, minimum_size=1000)"
    ),
    "helm-template": Detector(
        deploy.find_helm_template,
        "a Helm chart whose templates/deployment.yaml takes image, replicas and resources from values.yaml",
    ),
    "health-checks": Detector(find_health_checks, "/health/live and /health/ready routes (ready checks the database)"),
    "idempotency-key": Detector(
        find_idempotency_key, "a POST that reads an Idempotency-Key header and replays the stored response on a retry"
    ),
    "jwt-tokens": Detector(
        find_jwt_tokens, "create and decode access tokens with jwt.encode / jwt.decode and an exp claim"
    ),
    "k8s-deployment": Detector(
        deploy.manifest_of_kind("Deployment", "StatefulSet"),
        "a Kubernetes Deployment of the app image with resources and probes",
    ),
    "k8s-graceful-shutdown": Detector(
        deploy.find_k8s_graceful_shutdown,
        "a preStop sleep and terminationGracePeriodSeconds so pods drain before they stop",
    ),
    "k8s-hpa": Detector(
        deploy.manifest_of_kind("HorizontalPodAutoscaler"), "a HorizontalPodAutoscaler scaling the Deployment on CPU"
    ),
    "k8s-probes": Detector(
        deploy.find_k8s_probes, "startup, liveness and readiness probes on the container, pointing at the health routes"
    ),
    "k8s-rolling-update": Detector(
        deploy.find_k8s_rolling_update, "a RollingUpdate strategy with maxSurge and maxUnavailable: 0 in the Deployment"
    ),
    "k8s-service": Detector(deploy.manifest_of_kind("Service"), "a Kubernetes Service that selects the app's pods"),
    "lifespan": Detector(
        find_lifespan, "an @asynccontextmanager lifespan(app) passed as FastAPI(lifespan=...) for startup and shutdown"
    ),
    "multi-stage-dockerfile": Detector(
        deploy.find_multi_stage_dockerfile,
        "a two-stage Dockerfile: install into a venv in a build stage, copy only the venv into a slim runtime",
    ),
    "optimistic-locking": Detector(
        find_optimistic_locking,
        "an update WHERE version = :read_version that bumps the version and answers 409 when no row matched",
    ),
    "orm-query": Detector(
        find_orm_query, "a function that runs select(Model).where(Model.col == param) through the session"
    ),
    "password-hashing": Detector(
        find_password_hashing, "hash_password / verify_password with pwdlib (Argon2) or passlib's CryptContext"
    ),
    "path-and-query-params": Detector(
        find_path_and_query_params, "a list route with Annotated[int, Query(ge=1, le=100)] limit and offset parameters"
    ),
    "pii-masking": Detector(
        find_pii_masking, "a logging.Filter that masks e-mail addresses and tokens in every message"
    ),
    "process-pool-ranking": Detector(
        find_process_pool, "CPU-bound work in a ProcessPoolExecutor, awaited with loop.run_in_executor(pool, work, ...)"
    ),
    "production-command": Detector(
        deploy.find_production_command, "a CMD that runs uvicorn or gunicorn with several workers (--workers 4)"
    ),
    "prometheus-metrics": Detector(
        find_prometheus_metrics, "prometheus_client Counter and Histogram metrics and a /metrics route"
    ),
    "ranking-index": Detector(
        find_immutable_class, "an immutable class shared by every request: @dataclass(frozen=True, slots=True)"
    ),
    "ranking-index-singleton": Detector(
        find_startup_singleton, "an expensive object (model, index) built once in the lifespan and kept on app.state"
    ),
    "rate-limit-dependency": Detector(
        find_rate_limit_dependency,
        "a rate_limit dependency that answers 429 with Retry-After, added with dependencies=[Depends(...)]",
    ),
    "rate-limiter": Detector(
        find_rate_limiter, "a sliding-window or token-bucket limiter class (in memory, or Redis for several workers)"
    ),
    "refresh-token-rotation": Detector(
        find_refresh_token_rotation, "a POST /refresh that accepts each refresh token once and returns a new pair"
    ),
    "request-models": Detector(
        find_request_models, "a Pydantic request model with Field constraints, a validator and extra='forbid'"
    ),
    "response-cache": Detector(find_response_cache, "a small cache class with get/set and a TTL (in memory, or Redis)"),
    "response-model": Detector(
        find_response_model, "a response model with from_attributes=True used as response_model= on a route"
    ),
    "role-check": Detector(
        find_role_check, "a require_role(...) dependency that raises 403 when the user's role is too low"
    ),
    "security-headers": Detector(
        find_security_headers,
        "a middleware adding Strict-Transport-Security, X-Content-Type-Options and X-Frame-Options",
    ),
    "semaphore-limit": Detector(
        find_semaphore_limit, "an asyncio.Semaphore(n) and `async with semaphore:` around a limited resource"
    ),
    "settings": Detector(
        find_settings, "a Settings(BaseSettings) class read from the environment, with a cached get_settings()"
    ),
    "soft-delete": Detector(
        find_soft_delete, "a deleted_at column set by DELETE, and reads filtered with Model.deleted_at.is_(None)"
    ),
    "sse-stream": Detector(
        find_sse_stream,
        "a GET with response_class=EventSourceResponse whose generator yields ServerSentEvent items",
    ),
    "streaming-export": Detector(
        find_streaming_export, "an export route that returns StreamingResponse over an async generator of rows"
    ),
    "structured-logging": Detector(
        find_structured_logging, "JSON log lines: a logging.Formatter that json.dumps each record, or structlog"
    ),
    "sync-endpoint": Detector(find_sync_endpoint, "a plain def route handler (FastAPI runs it in its thread pool)"),
    "task-group": Detector(
        find_task_group, "run independent awaits together with async with asyncio.TaskGroup() as group"
    ),
    "test-backends": Detector(
        find_test_backends,
        "a pytest fixture that gives the tests their own database, parametrized to run on SQLite and real PostgreSQL",
    ),
    "timing-middleware": Detector(
        find_timing_middleware, "a pure ASGI middleware class that times each request and adds a Server-Timing header"
    ),
    "token-endpoint": Detector(
        find_token_endpoint, "a POST /token route that takes OAuth2PasswordRequestForm and returns an access token"
    ),
    "transaction": Detector(
        find_transaction, "writes grouped in `async with session.begin():` so they commit or roll back together"
    ),
    "unique-conflict": Detector(
        find_unique_conflict, "an `except IntegrityError:` that turns a duplicate into a 409 Conflict"
    ),
    "versioned-routers": Detector(
        find_versioned_routers, "APIRouter(prefix='/api/v1') and a /api/v2 router side by side"
    ),
    "websocket-stream": Detector(
        find_websocket_stream, "a @router.websocket route that sends results as they are produced"
    ),
    "partial-unique-index": Detector(
        find_partial_unique_index,
        "Index('uq_live_name', 'name', unique=True, postgresql_where=text('deleted_at IS NULL')) on the model",
    ),
    "jsonb-column": Detector(
        find_jsonb_column, "a JSON column as JSON().with_variant(JSONB(), 'postgresql'), with a GIN index"
    ),
    "patch-partial-update": Detector(
        find_patch_partial_update, "a PATCH that applies body.model_dump(exclude_unset=True), keeping explicit nulls"
    ),
    "login-password-check": Detector(
        find_login_password_check,
        "verify the password with run_in_threadpool, against a dummy hash when the user is unknown",
    ),
    "admin-cli": Detector(
        find_admin_cli, "a main(argv) with argparse subcommands, run by [project.scripts] and `python -m`"
    ),
    "zero-downtime-migration": Detector(
        find_zero_downtime_migration,
        "an Alembic upgrade() that adds a column nullable, backfills it in batches, then sets NOT NULL",
    ),
    "tracing-setup": Detector(
        find_tracing_setup,
        "a TracerProvider with a service name and a span processor: OTLP to a Collector when configured",
    ),
    "trace-propagation": Detector(
        find_trace_propagation,
        "a middleware that extracts traceparent into a server span, and injects it into outbound calls",
    ),
    "database-spans": Detector(
        find_database_spans, "before/after_cursor_execute listeners that open and close a span per SQL statement"
    ),
    "pubsub-fanout": Detector(
        find_pubsub_fanout,
        "a per-worker Redis pub/sub listener that forwards each message to that worker's WebSocket clients",
    ),
}
