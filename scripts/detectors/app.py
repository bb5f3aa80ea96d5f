"""Detectors for the app and its configuration: factory, lifespan, startup singletons, settings,
middleware, error handlers, versioned routers, health checks, logging and metrics.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from project_code import (
    DEFINITIONS,
    Candidate,
    Function,
    Project,
    Source,
    Span,
    assigned_names,
    best,
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
    parameters,
    run_candidates,
    span_of,
    statement_of,
    statements_holding,
    terminal,
    with_helpers_above,
)

from .shared import (
    Find,
    base_names,
    count,
    decorated_by,
    defined_here,
    mentions_call,
    stretches,
    strings_in,
    subclasses,
    with_users,
)


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
