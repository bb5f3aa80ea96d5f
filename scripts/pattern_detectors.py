"""One detector per demo pattern: where another FastAPI project shows the same thing.

DETECTORS maps each pattern name the demo marks to a Detector: `find`, a function from the parsed
Project to the best Span or None, and `hint`, one line on what to add when it is missing. A new
demo pattern needs one entry here; tests/test_project_patterns.py fails until it has one.

Detectors read Python through `ast`, so an import decides what a name is (collections.Counter is
not a Prometheus counter) and comments never count. Each collects Candidates and leaves the choice
to `project_code.best`: the most features shown, then the shortest, then the first. A span is the
smallest unit that shows the pattern: a statement, a function or class with its decorators, or a
stretch of neighbouring statements that belong together (a hash and a verify function). App
patterns are looked for outside test files, test patterns only in them.
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
    ancestors,
    assigned_names,
    best,
    calls_in,
    constant_str,
    dotted,
    following,
    function_of,
    identifiers,
    is_dockerfile,
    is_module_level,
    is_true,
    keyword,
    method_calls,
    named,
    outermost_function,
    parameter_names,
    parameters,
    previous,
    run_candidates,
    span_of,
    statement_of,
    terminal,
)

Find = Callable[[Project], Span | None]


class Detector(NamedTuple):
    find: Find
    hint: str  # what to add to a project that does not show the pattern


# --- shared questions about code ----------------------------------------------------------------


def calls_named(sources: list[Source], *names: str) -> Iterator[tuple[Source, ast.Call]]:
    for source in sources:
        for call, called in source.calls:
            if named(called, *names):
                yield source, call


def mentions(node: ast.AST, source: Source, *names: str) -> bool:
    """Whether a subtree refers to one of the dotted names (through the file's imports)."""
    return any(
        named(dotted(child, source.imports), *names)
        for child in ast.walk(node)
        if isinstance(child, (ast.Name, ast.Attribute))
    )


def has_await(function: Function) -> bool:
    return any(isinstance(node, (ast.Await, ast.AsyncWith, ast.AsyncFor)) for node in ast.walk(function))


def has_yield(node: ast.AST) -> bool:
    return any(isinstance(child, (ast.Yield, ast.YieldFrom)) for child in ast.walk(node))


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
        members = {node for node in ast.walk(source.tree) if isinstance(node, ast.stmt) and member(source, node)}
        yield from run_candidates(source, members, score)


def count(run: list[ast.stmt]) -> int:
    return len(run)


def base_names(cls: ast.ClassDef, source: Source) -> set[str]:
    return {dotted(base, source.imports) for base in cls.bases}


def subclasses(project: Project, roots: set[str], excluded: frozenset[str] = frozenset()) -> list[tuple[Source, ast.ClassDef]]:
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


def annotation_types(function: Function) -> dict[str, set[str]]:
    """Each parameter's plain type names: `body: Annotated[BookIn, Body()]` -> {"BookIn", "Annotated"}."""
    return {argument.arg: names_outside_calls(argument.annotation) for argument, _ in parameters(function)}


def names_outside_calls(node: ast.AST | None) -> set[str]:
    if node is None or isinstance(node, ast.Call):
        return set()
    own = {node.id} if isinstance(node, ast.Name) else {node.attr} if isinstance(node, ast.Attribute) else set()
    return own.union(*(names_outside_calls(child) for child in ast.iter_child_nodes(node)))


# --- the app and its configuration --------------------------------------------------------------


def find_app_factory(project: Project) -> Span | None:
    """A function that builds a FastAPI app and returns it; more if it also configures it."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            apps = {call for call, called in calls_in(function, source.imports) if named(called, "FastAPI")}
            app_names = {
                target.id
                for node in ast.walk(function)
                if isinstance(node, ast.Assign) and node.value in apps
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            returned = any(
                isinstance(node, ast.Return)
                and (node.value in apps or (isinstance(node.value, ast.Name) and node.value.id in app_names))
                for node in ast.walk(function)
            )
            if returned:
                configures = any(method_calls(function, "add_middleware", "include_router", "add_exception_handler"))
                candidates.append(Candidate(span_of(source, function), configures))
    return best(candidates)


def lifespan_names(project: Project) -> set[str]:
    return {
        terminal(value)
        for source in project.app_sources
        for call, _ in source.calls
        if (value := keyword(call, "lifespan")) is not None
    }


def startup_functions(project: Project) -> Iterator[tuple[Source, Function, int]]:
    """Code that runs at startup, with how sure we are: an @asynccontextmanager passed as lifespan=
    (2), one that takes the app (1), or an old @app.on_event("startup") handler (0)."""
    passed = lifespan_names(project)
    for source in project.app_sources:
        for function in source.functions:
            decorators = [dotted(decorator, source.imports) for decorator in function.decorator_list]
            if any(named(name, "asynccontextmanager") for name in decorators):
                takes_app = any(argument.arg == "app" for argument, _ in parameters(function))
                if function.name in passed or takes_app:
                    yield source, function, 2 if function.name in passed else 1
            elif any(
                isinstance(decorator, ast.Call) and terminal(decorator.func) == "on_event"
                and constant_str(decorator.args[0] if decorator.args else None) == "startup"
                for decorator in function.decorator_list
            ):
                yield source, function, 0


def find_lifespan(project: Project) -> Span | None:
    return best(Candidate(span_of(source, function), sure) for source, function, sure in startup_functions(project))


MODEL_WORDS = re.compile(r"model|index|classifier|embedd|encoder|tokenizer|pipeline|predictor|vectori[sz]er|(?<![a-z])ml(?![a-z])", re.I)
LOADING_WORDS = re.compile(r"load|build|from_pretrained|fit|train|compile", re.I)


def find_startup_singleton(project: Project) -> Span | None:
    """An object built once at startup and kept on app.state (or in a dict the lifespan fills);
    more if its name says it is a model or an index and it is loaded or built."""
    candidates = []
    for source, function, _ in startup_functions(project):
        for node in ast.walk(function):
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, ast.Call):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            kept = [target for target in targets if keeps_for_later(target)]
            if kept:
                name = ast.unparse(kept[0])
                score = bool(MODEL_WORDS.search(name)) + bool(LOADING_WORDS.search(dotted(node.value.func, source.imports)))
                candidates.append(Candidate(span_of(source, node), score))
    return best(candidates)


def keeps_for_later(target: ast.expr) -> bool:
    """`app.state.x = ...` or `models["x"] = ...`: stored where requests can reach it."""
    if isinstance(target, ast.Attribute):
        return isinstance(target.value, ast.Attribute) and target.value.attr == "state"
    return isinstance(target, ast.Subscript)


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


TIME_CALLS = ("perf_counter", "perf_counter_ns", "monotonic", "time.time", "process_time")


def find_timing_middleware(project: Project) -> Span | None:
    """A middleware class or function; features: pure ASGI (`async def __call__(self, scope,
    receive, send)`), it measures time, it sets a response header, its name says timing."""
    candidates = []
    for source in project.app_sources:
        for cls in source.classes:
            pure = any(
                isinstance(item, ast.AsyncFunctionDef) and item.name == "__call__"
                and [argument.arg for argument, _ in parameters(item)][1:4] == ["scope", "receive", "send"]
                for item in cls.body
            )
            dispatching = any(named(name, "BaseHTTPMiddleware") for name in base_names(cls, source))
            if pure or dispatching:
                candidates.append(Candidate(span_of(source, cls), pure + timing_features(cls, source)))
        for function in source.functions:
            if any(
                isinstance(decorator, ast.Call) and terminal(decorator.func) == "middleware"
                for decorator in function.decorator_list
            ):
                candidates.append(Candidate(span_of(source, function), timing_features(function, source)))
    return best(candidates)


def timing_features(node: ast.AST, source: Source) -> int:
    measures = any(named(called, *TIME_CALLS) for _, called in calls_in(node, source.imports))
    sets_header = any(
        isinstance(child, ast.Subscript) and isinstance(child.ctx, ast.Store) and "headers" in ast.unparse(child.value).lower()
        for child in ast.walk(node)
    ) or any(named(called, "MutableHeaders") for _, called in calls_in(node, source.imports))
    name = getattr(node, "name", "")
    return measures + sets_header + bool(re.search(r"tim(e|ing)", name, re.I))


def find_error_handlers(project: Project) -> Span | None:
    """The largest stretch of exception handler registrations: @app.exception_handler(...)
    functions or add_exception_handler calls (the whole function when that is all it does)."""

    def member(source: Source, statement: ast.stmt) -> bool:
        if isinstance(statement, Function):
            return any(
                isinstance(decorator, ast.Call) and terminal(decorator.func) == "exception_handler"
                for decorator in statement.decorator_list
            )
        return isinstance(statement, ast.Expr) and any(method_calls(statement, "add_exception_handler"))

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


def find_versioned_routers(project: Project) -> Span | None:
    """Neighbouring statements that make routers (or include them) under a /vN prefix; the more
    distinct versions side by side, the better."""

    def version_of(source: Source, statement: ast.stmt) -> set[str]:
        versions = set()
        for call, called in calls_in(statement, source.imports):
            if named(called, "APIRouter", "include_router"):
                versions.add(api_version(keyword(call, "prefix")))
            elif named(called, "mount") and call.args:
                versions.add(api_version(call.args[0]))
        return versions - {None}

    candidates = []
    for source in project.app_sources:
        members = {
            statement
            for statement in ast.walk(source.tree)
            if isinstance(statement, (ast.Assign, ast.Expr)) and version_of(source, statement)
        }
        candidates += run_candidates(
            source, members, lambda run, source=source: len(set().union(*(version_of(source, item) for item in run)))
        )
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

    def member(source: Source, statement: ast.stmt) -> bool:
        if isinstance(statement, ast.ClassDef):
            return any(named(name, "Formatter", "Filter", "JsonFormatter") for name in base_names(statement, source))
        return is_module_level(source, statement) and any(
            named(called, "basicConfig", "dictConfig", "structlog.configure", "setFormatter", "addFilter")
            for _, called in calls_in(statement, source.imports)
        )

    return best(
        candidate
        for candidate in stretches(project, member, count)
        if structured(project, candidate.span)
    )


def structured(project: Project, span: Span) -> bool:
    """Whether the code in a span writes JSON or uses structlog (comments are not code)."""
    source = next(source for source in project.sources if source.path == span.path)
    code = " ".join(
        ast.unparse(statement)
        for statement in ast.walk(source.tree)
        if isinstance(statement, ast.stmt) and span.start <= statement.lineno and statement.end_lineno <= span.end
    )
    return bool(re.search(r"json|structlog", code, re.I))


def find_prometheus_metrics(project: Project) -> Span | None:
    """Neighbouring statements that use prometheus_client (or an instrumentator); the more metrics
    (Counter, Histogram, Gauge, Summary) defined there, the better."""

    def is_prometheus(source: Source, name: str) -> bool:
        return name.startswith(("prometheus_client", "prometheus_fastapi_instrumentator")) or named(name, "Instrumentator")

    def member(source: Source, statement: ast.stmt) -> bool:
        return not isinstance(statement, (ast.Import, ast.ImportFrom)) and any(
            is_prometheus(source, called) for _, called in calls_in(statement, source.imports)
        )

    candidates = []
    for source in project.app_sources:
        members = {node for node in ast.walk(source.tree) if isinstance(node, ast.stmt) and member(source, node)}

        def metrics(run: list[ast.stmt], source: Source = source) -> int:
            return sum(
                named(called, "Counter", "Histogram", "Gauge", "Summary", "Instrumentator") and is_prometheus(source, called)
                for item in run
                for _, called in calls_in(item, source.imports)
            )

        candidates += run_candidates(source, members, metrics)
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
            or (isinstance(argument.annotation, ast.Name) and argument.annotation.id in SCALARS and isinstance(default, ast.Constant))
            for argument, default in parameters(route.function)
        )
        if from_url:
            candidates.append(Candidate(route.span, from_url))
    return best(candidates)


SCALARS = {"int", "str", "float", "bool"}


def mentions_call(source: Source, node: ast.AST | None, *names: str) -> bool:
    return node is not None and any(named(called, *names) for _, called in calls_in(node, source.imports))


def find_request_models(project: Project) -> Span | None:
    """A Pydantic model; features: a route takes it as its body, Field constraints, a validator,
    extra fields forbidden."""
    body_types = {
        type_name
        for route in project.routes
        for types in annotation_types(route.function).values()
        for type_name in types
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


FIELD_CONSTRAINTS = {"min_length", "max_length", "ge", "gt", "le", "lt", "pattern", "regex", "multiple_of", "max_digits"}
VALIDATORS = ("field_validator", "model_validator", "validator", "root_validator")


def find_response_model(project: Project) -> Span | None:
    """A Pydantic model; features: it reads ORM objects (from_attributes or orm_mode), a route
    returns it (response_model= or the return annotation)."""
    returned = set()
    for route in project.routes:
        returned |= names_outside_calls(keyword(route.call, "response_model")) | names_outside_calls(route.function.returns)
    candidates = []
    for source, cls in pydantic_models(project):
        reads_orm = any(
            (isinstance(node, ast.keyword) and node.arg == "from_attributes" and is_true(node.value))
            or (isinstance(node, ast.Assign) and assigned_names(node) & {"orm_mode", "from_attributes"} and is_true(node.value))
            for node in ast.walk(cls)
        )
        score = reads_orm + (cls.name in returned)
        if score:
            candidates.append(Candidate(span_of(source, cls), score))
    return best(candidates)


def find_annotated_validator(project: Project) -> Span | None:
    """An `Annotated[T, AfterValidator(f)]` type, with f when f is defined right above it."""
    candidates = []
    for source, call in calls_named(project.app_sources, "AfterValidator", "BeforeValidator", "PlainValidator", "WrapValidator"):
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
        if (declared := sum(
            mentions_call(route.source, argument.annotation, "Depends", "Security")
            or mentions_call(route.source, default, "Depends", "Security")
            for argument, default in parameters(route.function)
        ))
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
    """A route that takes an UploadFile; more if it reads CSV."""
    return best(
        Candidate(route.span, bool(re.search("csv", ast.unparse(route.function), re.I)))
        for route in project.routes
        if parameter_names(route.function, route.source, "UploadFile", "File")
    )


def find_streaming_export(project: Project) -> Span | None:
    """The route (or else function) that returns a StreamingResponse; more if it streams a generator."""
    candidates = []
    for source, call in calls_named(project.app_sources, "StreamingResponse", "EventSourceResponse"):
        functions = functions_around(source, call)
        route = next((function for function in functions if project.route_for(function)), None)
        chosen = route or (functions[0] if functions else statement_of(source, call))
        candidates.append(Candidate(span_of(source, chosen), (route is not None) + has_yield(chosen)))
    return best(candidates)


def functions_around(source: Source, node: ast.AST) -> list[Function]:
    """The functions that hold a node, innermost first."""
    return [parent for parent in ancestors(source, node) if isinstance(parent, Function)]


def find_websocket_stream(project: Project) -> Span | None:
    """A WebSocket route; more if it sends in a loop (a stream, not one reply)."""
    candidates = []
    for route in project.routes:
        takes_socket = parameter_names(route.function, route.source, "WebSocket")
        if route.method == "websocket" or takes_socket:
            streams = any(
                isinstance(loop, (ast.For, ast.AsyncFor, ast.While)) and any(method_calls(loop, "send_json", "send_text", "send_bytes", "send"))
                for loop in ast.walk(route.function)
            )
            candidates.append(Candidate(route.span, streams))
    return best(candidates)


def find_token_endpoint(project: Project) -> Span | None:
    """A route that takes an OAuth2PasswordRequestForm (or else a POST to a /token or /login path)."""
    candidates = []
    for route in project.routes:
        if parameter_names(route.function, route.source, "OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict"):
            candidates.append(Candidate(route.span, 1))
        elif route.method == "post" and re.search(r"(token|login)/?$", route.path):
            candidates.append(Candidate(route.span))
    return best(candidates)


# --- dependencies, auth and limits --------------------------------------------------------------


def find_db_session_dependency(project: Project) -> Span | None:
    """A generator that yields a session; features: the yielded name says session, it is opened
    with `with` or closed in `finally`, it is passed to Depends()."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            yielded = {
                node.value.id
                for node in ast.walk(function)
                if isinstance(node, ast.Yield) and isinstance(node.value, ast.Name)
            }
            sessions = {name for name in yielded if re.search(r"session|db|conn", name, re.I)}
            if not sessions:
                continue
            managed = any(isinstance(node, (ast.With, ast.AsyncWith)) for node in ast.walk(function)) or any(
                node.finalbody for node in ast.walk(function) if isinstance(node, ast.Try)
            )
            score = any("session" in name.lower() for name in sessions) + managed + (function.name in project.dependency_targets)
            candidates.append(Candidate(span_of(source, function), score))
    return best(candidates)


SECURITY_SCHEMES = ("OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "HTTPBearer", "HTTPBasic", "APIKeyHeader", "APIKeyCookie", "APIKeyQuery")


def find_current_user_dependency(project: Project) -> Span | None:
    """A function that takes the request's credentials through a security scheme (or is named
    like get_current_user); features: scheme, name, passed to Depends(). Shown with its alias."""
    schemes = {
        name
        for source, call in calls_named(project.app_sources, *SECURITY_SCHEMES)
        for name in assigned_names(statement_of(source, call))
    }
    scheme_aliases = {  # TokenDep = Annotated[str, Depends(oauth2_scheme)]
        name
        for source in project.app_sources
        for statement in source.tree.body
        if any(depends_on_scheme(call, called, source, schemes) for call, called in calls_in(statement, source.imports))
        and not isinstance(statement, DEFINITIONS)
        for name in assigned_names(statement)
    }
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if project.route_for(function):
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
                score = takes_scheme + named_so + (function.name in project.dependency_targets)
                span = with_users(source, function, function.name) if is_module_level(source, function) else span_of(source, function)
                candidates.append(Candidate(span, score))
    return best(candidates)


def depends_on_scheme(call: ast.Call, called: str, source: Source, schemes: set[str]) -> bool:
    """`Depends(oauth2_scheme)` for a known scheme, or `Depends(HTTPBearer())` made in place."""
    if not (named(called, "Depends", "Security") and call.args):
        return False
    target = call.args[0]
    if isinstance(target, ast.Call):
        return named(dotted(target.func, source.imports), *SECURITY_SCHEMES)
    return terminal(target) in schemes


ROLE_WORDS = re.compile(r"role|scopes|permission|privilege|superuser|is_admin|is_staff", re.I)


def find_role_check(project: Project) -> Span | None:
    """A top-level function or class that looks at roles, scopes or permissions and refuses;
    features: the refusal is a 403, it is a dependency (passed to Depends(), a factory returning
    the check, or a class). Shown with the aliases right after it."""
    candidates = []
    for source in project.app_sources:
        for top in source.tree.body:
            if not isinstance(top, DEFINITIONS) or not ROLE_WORDS.search(" ".join(identifiers(top) | strings_in(top))):
                continue
            refusals = [node.exc for node in ast.walk(top) if isinstance(node, ast.Raise) and node.exc is not None]
            if not refusals:
                continue
            dependency = (
                top.name in project.dependency_targets
                or isinstance(top, ast.ClassDef)
                or any(isinstance(inner, Function) for inner in top.body)
            )
            score = any(forbids(exception) for exception in refusals) + dependency
            candidates.append(Candidate(with_users(source, top, top.name), score))
    return best(candidates)


def strings_in(node: ast.AST) -> set[str]:
    return {child.value for child in ast.walk(node) if isinstance(child, ast.Constant) and isinstance(child.value, str)}


def forbids(exception: ast.expr) -> bool:
    """`raise HTTPException(status_code=403)`, `raise HTTPException(status.HTTP_403_FORBIDDEN)` or
    `raise Forbidden(...)` / `PermissionDenied(...)`."""
    name = terminal(exception)
    if re.search(r"forbidden|permission|notallowed", name, re.I):
        return True
    return any(
        (isinstance(node, ast.Constant) and node.value == 403)
        or (isinstance(node, ast.Attribute) and node.attr.startswith("HTTP_403"))
        for node in ast.walk(exception)
    )


def find_password_hashing(project: Project) -> Span | None:
    """Neighbouring statements that make a password hasher (pwdlib, passlib, argon2) or use it or
    bcrypt: usually the hasher and the hash and verify functions."""
    makers = ("PasswordHash.recommended", "PasswordHash", "CryptContext", "PasswordHasher")
    direct = ("bcrypt.hashpw", "bcrypt.checkpw", "bcrypt.gensalt", "hashlib.pbkdf2_hmac", "hashlib.scrypt")
    candidates = []
    for source in project.app_sources:
        hashers = {
            name
            for call, called in source.calls
            if named(called, *makers)
            for name in assigned_names(statement_of(source, call))
        }
        members = {
            statement
            for statement in ast.walk(source.tree)
            if isinstance(statement, ast.stmt)
            and not isinstance(statement, (ast.Import, ast.ImportFrom, ast.ClassDef))
            and (
                any(named(called, *makers, *direct) for _, called in calls_in(statement, source.imports))
                or any(isinstance(node, ast.Name) and node.id in hashers for node in ast.walk(statement))
                or (isinstance(statement, Function) and any(
                    isinstance(node, ast.Attribute) and node.attr in hashers for node in ast.walk(statement)
                ))
            )
        }
        candidates += run_candidates(source, members, count)
    return best(candidates)


def find_jwt_tokens(project: Project) -> Span | None:
    """Neighbouring statements that encode or decode JWTs; both together beat one alone."""

    def operations(source: Source, run: list[ast.stmt]) -> int:
        found = {called.rsplit(".", 1)[-1] for item in run for _, called in calls_in(item, source.imports) if is_jwt(called)}
        return len(found)

    candidates = []
    for source in project.app_sources:
        members = {
            statement
            for statement in ast.walk(source.tree)
            if isinstance(statement, ast.stmt)
            and not isinstance(statement, ast.ClassDef)
            and any(is_jwt(called) for _, called in calls_in(statement, source.imports))
        }
        candidates += run_candidates(source, members, lambda run, source=source: operations(source, run))
    return best(candidates)


def is_jwt(called: str) -> bool:
    return named(called, "jwt.encode", "jwt.decode", "JWT.encode", "JWT.decode", "jws.sign", "jws.verify")


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
                isinstance(node, ast.Raise) and node.exc is not None and too_many(node.exc) for node in ast.walk(function)
            )
            dependency = function.name in project.dependency_targets
            decorated = any(
                isinstance(decorator, ast.Call) and terminal(decorator.func) == "limit" for decorator in function.decorator_list
            )
            if limits_name or answers_429 or decorated:
                candidates.append(Candidate(span_of(source, function), limits_name + answers_429 + (dependency or decorated)))
    return best(candidates)


def too_many(exception: ast.expr) -> bool:
    if re.search(r"ratelimit|toomany|throttl", terminal(exception), re.I):
        return True
    return any(
        (isinstance(node, ast.Constant) and node.value == 429)
        or (isinstance(node, ast.Attribute) and node.attr.startswith("HTTP_429"))
        for node in ast.walk(exception)
    )


LIMITER_METHODS = {"hit", "allow", "allowed", "is_allowed", "acquire", "try_acquire", "consume", "check", "take", "limit"}


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
        for function in source.functions:
            counted = {call.func.attr for call in method_calls(function, "incr", "incrby", "expire")}
            if "expire" in counted and counted & {"incr", "incrby"}:  # a fixed window in Redis
                others.append(Candidate(span_of(source, function)))
    return best(classes + others)


# --- data access --------------------------------------------------------------------------------


def find_orm_query(project: Project) -> Span | None:
    """A function with a select(...).where(...) (or query(...).filter(...)); features: the filter
    uses a parameter of the function (a bound parameter), the function runs the query."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            params = {argument.arg for argument, _ in parameters(function)}
            filters = [
                call
                for call in method_calls(function, "where", "filter", "filter_by")
                if builds_query(call.func.value, source)
            ]
            if not filters:
                continue
            bound = any(isinstance(node, ast.Name) and node.id in params for call in filters for node in ast.walk(call))
            runs_it = any(method_calls(function, "scalars", "scalar", "execute", "exec", "stream_scalars", "all", "first", "one"))
            candidates.append(Candidate(span_of(source, function), bound + runs_it))
    return best(candidates)


def builds_query(node: ast.AST, source: Source) -> bool:
    """Whether a call chain starts at select(...), update(...), delete(...) or session.query(...)."""
    while isinstance(node, ast.Call) or isinstance(node, ast.Attribute):
        if isinstance(node, ast.Call):
            called = dotted(node.func, source.imports)
            if named(called, "select", "sqlalchemy.update", "sqlalchemy.delete", "query") or called.startswith("sqlmodel."):
                return True
            node = node.func
        else:
            node = node.value
    return False


EAGER_LOADERS = ("selectinload", "joinedload", "subqueryload", "contains_eager", "immediateload", "prefetch_related", "select_related")


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


def find_transaction(project: Project) -> Span | None:
    """A `with session.begin():` block, or else a try that commits and rolls back on error; the one
    grouping the most writes, since that is what a transaction is for."""
    candidates = []
    for source in project.app_sources:
        for node in ast.walk(source.tree):
            writes = sum(1 for _ in method_calls(node, *WRITES))
            if isinstance(node, (ast.With, ast.AsyncWith)) and any(
                isinstance(item.context_expr, ast.Call) and terminal(item.context_expr.func) in TRANSACTIONS
                for item in node.items
            ):
                candidates.append(Candidate(span_of(source, node), 1 + writes))
            elif (
                isinstance(node, ast.Try)
                and any(any(method_calls(statement, "commit")) for statement in node.body)
                and any(any(method_calls(handler, "rollback")) for handler in node.handlers)
            ):
                candidates.append(Candidate(span_of(source, node), writes))
    return best(candidates)


def find_unique_conflict(project: Project) -> Span | None:
    """An `except IntegrityError` (or a unique-violation error) handler; features: it raises a new
    error, the error is a 409 conflict."""
    candidates = []
    for source in project.app_sources:
        for node in ast.walk(source.tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None and mentions(
                node.type, source, "IntegrityError", "UniqueViolation", "UniqueViolationError"
            ):
                raises = any(isinstance(child, ast.Raise) for child in ast.walk(node))
                conflict = bool(re.search(r"conflict|409", ast.unparse(node), re.I))
                candidates.append(Candidate(span_of(source, node), raises + conflict))
    return best(candidates)


VERSION_COLUMN = re.compile(r"^(version|version_id|row_version|revision|etag|lock_version)$", re.I)


def find_optimistic_locking(project: Project) -> Span | None:
    """A function that compares a stored version with the client's (`Model.version == body.version`);
    features: it bumps the version, it checks the row was matched (.returning or .rowcount). Or else
    a mapper with version_id_col, or an If-Match header."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            compares = any(
                isinstance(node, ast.Compare)
                and len(node.comparators) == 1
                and isinstance(node.ops[0], ast.Eq)
                and all(VERSION_COLUMN.match(terminal(side)) for side in (node.left, node.comparators[0]))
                for node in ast.walk(function)
            )
            if compares:
                bumps = any(
                    isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and VERSION_COLUMN.match(terminal(node.left))
                    for node in ast.walk(function)
                )
                checks = any(method_calls(function, "returning")) or "rowcount" in identifiers(function)
                candidates.append(Candidate(span_of(source, function), 1 + bumps + checks))
            elif any(constant_str(node) and constant_str(node).lower() == "if-match" for node in ast.walk(function)):
                candidates.append(Candidate(span_of(source, function)))
        for cls in source.classes:
            if any(constant_str(node) == "version_id_col" for node in ast.walk(cls)):
                candidates.append(Candidate(span_of(source, cls)))
    return best(candidates)


SOFT_DELETE_NAMES = {"deleted_at", "is_deleted", "deleted_on"}


def find_soft_delete(project: Project) -> Span | None:
    """The statement that filters out soft-deleted rows (`Model.deleted_at.is_(None)`, or an `if`
    on it); or else one that sets or declares the deleted_at column."""
    candidates = []
    for source in project.app_sources:
        for node in ast.walk(source.tree):
            own = own_parts(node)
            named_here = set().union(*(identifiers(part) | keyword_names(part) for part in own))
            if not SOFT_DELETE_NAMES & named_here:
                continue
            filters = any(
                (isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                 and child.func.attr in {"is_", "is_not", "isnot"} and terminal(child.func.value) in SOFT_DELETE_NAMES)
                or (isinstance(child, ast.Compare) and SOFT_DELETE_NAMES & identifiers(child))
                for part in own
                for child in ast.walk(part)
            )
            candidates.append(Candidate(span_of(source, node), filters))
    return best(candidates)


def own_parts(node: ast.AST) -> list[ast.AST]:
    """What a statement says itself, without the statements it holds: an `if`'s condition, a
    `for`'s loop header, a `with`'s items; a simple statement whole; nothing for a definition."""
    if isinstance(node, (ast.If, ast.While)):
        return [node.test]
    if isinstance(node, (ast.For, ast.AsyncFor)):
        return [node.target, node.iter]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return list(node.items)
    if isinstance(node, ast.stmt) and not isinstance(node, (*DEFINITIONS, ast.Try)):
        return [node]
    return []


def keyword_names(node: ast.AST) -> set[str]:
    return {item.arg for item in ast.walk(node) if isinstance(item, ast.keyword) and item.arg}


def find_idempotency_key(project: Project) -> Span | None:
    """The function that reads an Idempotency-Key header (a parameter named idempotency_key, or
    headers.get("Idempotency-Key")); a route handler first."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            as_parameter = any("idempotency" in argument.arg.lower() for argument, _ in parameters(function))
            from_headers = any(
                (constant_str(argument) or "").lower() == "idempotency-key"
                for call in ast.walk(function)
                if isinstance(call, ast.Call)
                for argument in [*call.args, *(item.value for item in call.keywords)]
            )
            if as_parameter or from_headers:
                candidates.append(Candidate(span_of(source, function), project.route_for(function) is not None))
    return best(candidates)


def find_cursor_pagination(project: Project) -> Span | None:
    """A function with a cursor parameter (cursor, after, last_id, ...); features: it filters with
    `>` or `<` (keyset), it hands out a next cursor."""
    cursor_names = {"cursor", "after", "before", "after_id", "before_id", "last_id", "starting_after", "since_id", "page_token"}
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if not cursor_names & {argument.arg for argument, _ in parameters(function)}:
                continue
            keyset = any(
                isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.Gt, ast.Lt, ast.GtE, ast.LtE))
                for call in method_calls(function, "where", "filter")
                for node in ast.walk(call)
            )
            hands_out = any(re.search(r"next_?(cursor|token|page)", name, re.I) for name in identifiers(function))
            if keyset or hands_out:
                candidates.append(Candidate(span_of(source, function), keyset + hands_out))
    return best(candidates)


def find_cache_aside(project: Project) -> Span | None:
    """A function that gets and sets the same cache or Redis client (read, miss, fill); a route first.
    Or else a route cached by a decorator such as fastapi-cache's @cache(expire=...)."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            gets = {ast.unparse(call.func.value) for call in method_calls(function, "get")}
            sets = {ast.unparse(call.func.value) for call in method_calls(function, "set", "setex")}
            if any(re.search(r"cache|redis", receiver, re.I) for receiver in gets & sets):
                candidates.append(Candidate(span_of(source, function), 1 + (project.route_for(function) is not None)))
    for route in project.routes:
        if any(isinstance(decorator, ast.Call) and terminal(decorator.func) == "cache" for decorator in route.function.decorator_list):
            candidates.append(Candidate(route.span))
    return best(candidates)


def find_response_cache(project: Project) -> Span | None:
    """Neighbouring cache classes (a name with Cache and get and set methods); or else a cache made
    by a library (fastapi-cache, cachetools, aiocache)."""

    def member(source: Source, statement: ast.stmt) -> bool:
        methods = {item.name for item in getattr(statement, "body", []) if isinstance(item, Function)}
        return isinstance(statement, ast.ClassDef) and "cache" in statement.name.lower() and {"get", "set"} <= methods

    classes = [Candidate(candidate.span, candidate.score + 1) for candidate in stretches(project, member, count)]
    libraries = statement_candidates(project.app_sources, "FastAPICache.init", "TTLCache", "LRUCache", "Cache.from_url", "aiocache.Cache")
    return best([*classes, *libraries])


def find_alembic_migration(project: Project) -> Span | None:
    """Neighbouring upgrade() and downgrade() functions that call alembic's op; one that creates a
    table first, then the shortest migration."""

    def member(source: Source, statement: ast.stmt) -> bool:
        return (
            isinstance(statement, Function)
            and statement.name in {"upgrade", "downgrade"}
            and is_module_level(source, statement)
            and any(called.startswith(("alembic.op.", "op.")) for _, called in calls_in(statement, source.imports))
        )

    def creates_table(source: Source, run: list[ast.stmt]) -> int:
        return any(named(called, "op.create_table") for item in run for _, called in calls_in(item, source.imports))

    candidates = []
    for source in project.app_sources:
        members = {statement for statement in source.tree.body if member(source, statement)}
        candidates += run_candidates(source, members, lambda run, source=source: creates_table(source, run))
    return best(candidates)


# --- concurrency --------------------------------------------------------------------------------


def find_task_group(project: Project) -> Span | None:
    """The function that runs coroutines together in an asyncio.TaskGroup (or anyio task group), or
    else with asyncio.gather; more if they are different kinds of work side by side (a database
    read and a computation), not one coroutine fanned out."""
    candidates = []
    for source, call in calls_named(project.app_sources, "asyncio.TaskGroup", "TaskGroup", "create_task_group", "asyncio.gather"):
        function = function_of(source, call)
        if function is None:
            continue
        if named(dotted(call.func, source.imports), "gather"):
            started = {terminal(argument) for argument in call.args if not isinstance(argument, ast.Starred)}
            candidates.append(Candidate(span_of(source, function), len(started) > 1))
        else:
            started = {terminal(task.args[0]) for task in method_calls(function, "create_task", "start_soon") if task.args}
            candidates.append(Candidate(span_of(source, function), 1 + (len(started) > 1)))
    return best(candidates)


def find_process_pool(project: Project) -> Span | None:
    """The functions a ProcessPoolExecutor runs (passed to run_in_executor, submit or as its
    initializer), with the module globals they set: where the CPU-bound work is. Or else the
    statement that makes the pool."""
    pools = list(calls_named(project.app_sources, "ProcessPoolExecutor"))
    if not pools:
        return None
    workers = {terminal(keyword(call, "initializer")) for _, call in pools if keyword(call, "initializer") is not None}
    for source in project.app_sources:
        for call in method_calls(source.tree, "run_in_executor", "submit"):
            if call.func.attr == "run_in_executor":
                if len(call.args) > 1 and not (isinstance(call.args[0], ast.Constant) and call.args[0].value is None):
                    workers.add(worker_name(call.args[1], source))
            elif call.args and re.search(r"pool|executor", ast.unparse(call.func.value), re.I):
                workers.add(worker_name(call.args[0], source))
    candidates = []
    for source in project.app_sources:
        members = {statement for statement in source.tree.body if isinstance(statement, Function) and statement.name in workers}
        for candidate in run_candidates(source, members, count):
            candidates.append(Candidate(with_globals(source, candidate.span), candidate.score + 1))
    candidates += [Candidate(span_of(source, statement_of(source, call))) for source, call in pools]
    return best(candidates)


def worker_name(node: ast.expr, source: Source) -> str:
    """The function a pool runs: `work`, `module.work` or `functools.partial(work, ...)` -> "work"."""
    if isinstance(node, ast.Call) and named(dotted(node.func, source.imports), "partial") and node.args:
        return worker_name(node.args[0], source)
    return terminal(node)


def with_globals(source: Source, span: Span) -> Span:
    """A span of module-level functions, grown back over the assignment right above it when the
    functions set that name with `global`."""
    inside = [statement for statement in source.tree.body if span.start <= statement.lineno <= span.end]
    declared = {name for statement in inside for node in ast.walk(statement) if isinstance(node, ast.Global) for name in node.names}
    above = previous(source, inside[0]) if inside else None
    if above is not None and assigned_names(above) & declared:
        return Span(span.path, above.lineno, span.end)
    return span


def find_semaphore_limit(project: Project) -> Span | None:
    """The outermost function around an `async with` on an asyncio (or anyio) Semaphore, which caps
    how many tasks run at once; or else the statement that makes the semaphore."""
    makers = ("asyncio.Semaphore", "asyncio.BoundedSemaphore", "anyio.Semaphore", "anyio.CapacityLimiter")
    made = list(calls_named(project.app_sources, *makers))
    semaphores = {name for source, call in made for name in assigned_names(statement_of(source, call))}
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            local = semaphores | {
                name
                for node in ast.walk(function)
                if isinstance(node, ast.Assign) and terminal(node.value) in semaphores
                for name in assigned_names(node)
            }
            for node in ast.walk(function):
                if isinstance(node, ast.AsyncWith) and any(
                    terminal(item.context_expr) in local or mentions_call(source, item.context_expr, *makers) for item in node.items
                ):
                    candidates.append(Candidate(span_of(source, outermost_function(source, node)), 1))
    candidates += [Candidate(span_of(source, statement_of(source, call))) for source, call in made]
    return best(candidates)


# --- tests --------------------------------------------------------------------------------------


def find_dependency_overrides_test(project: Project) -> Span | None:
    """The test or fixture that sets app.dependency_overrides[...]; more if it also restores them."""
    candidates = []
    for source in project.test_sources:
        for node in ast.walk(source.tree):
            sets = (
                isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and terminal(node.value) == "dependency_overrides"
            ) or (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update"
                and terminal(node.func.value) == "dependency_overrides"
            )
            function = outermost_function(source, node) if sets else None
            if function is not None:
                restores = any(
                    terminal(call.func.value) == "dependency_overrides" for call in method_calls(function, "clear", "pop")
                )
                candidates.append(Candidate(span_of(source, function), restores))
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


# --- deployment files ---------------------------------------------------------------------------

SERVER = re.compile(r"\b(uvicorn|gunicorn|hypercorn|granian|daphne)\b|\bfastapi\s+run\b")
WORKERS = re.compile(r"--workers\b|(^|\s)-w\s*\d|WEB_CONCURRENCY|--processes\b")


def instructions(lines: list[str]) -> list[tuple[str, int, int, str]]:
    """A Dockerfile's instructions: (keyword, first line, last line, text), following `\\` continuations."""
    found, current = [], None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if current is None:
            if not stripped or stripped.startswith("#"):
                continue
            current = [stripped.split()[0].upper(), number, number, stripped]
        else:
            current[2], current[3] = number, current[3] + " " + stripped
        if not stripped.endswith("\\"):
            found.append(tuple(current))
            current = None
    return found


def command_words(text: str) -> str:
    """An instruction's command as words, whether written as a shell line or as a JSON array."""
    return " ".join(re.sub(r'[\[\]",]', " ", text).split())


def find_dockerfile(project: Project) -> Span | None:
    """A Dockerfile from its first FROM to its last instruction; one that starts a server first."""
    candidates = []
    for path, lines in project.texts.items():
        if is_dockerfile(path.rsplit("/", 1)[-1]):
            steps = instructions(lines)
            starts = [start for keyword_, start, _, _ in steps if keyword_ == "FROM"]
            if starts:
                serves = any(SERVER.search(command_words(text)) for keyword_, _, _, text in steps if keyword_ in {"CMD", "ENTRYPOINT"})
                candidates.append(Candidate(Span(path, starts[0], steps[-1][2]), serves))
    return best(candidates)


def find_production_command(project: Project) -> Span | None:
    """The command that starts the server in production (uvicorn, gunicorn, fastapi run, ...): a
    Dockerfile CMD or ENTRYPOINT, a Procfile, compose or shell line, or else uvicorn.run(workers=...);
    features: it is in a Dockerfile, it runs several workers."""
    candidates = []
    for path, lines in project.texts.items():
        name = path.rsplit("/", 1)[-1]
        if is_dockerfile(name):
            for keyword_, start, end, text in instructions(lines):
                if keyword_ in {"CMD", "ENTRYPOINT"} and SERVER.search(command_words(text)):
                    candidates.append(Candidate(Span(path, start, end), 1 + bool(WORKERS.search(command_words(text)))))
        else:
            for number, line in enumerate(lines, start=1):
                if SERVER.search(line) and not line.lstrip().startswith("#") and (name == "Procfile" or "command" in line or name.endswith(".sh")):
                    candidates.append(Candidate(Span(path, number, number), bool(WORKERS.search(line))))
    for source, call in calls_named(project.app_sources, "uvicorn.run"):
        if keyword(call, "workers") is not None:  # without workers it is the development server
            candidates.append(Candidate(span_of(source, statement_of(source, call)), 1))
    return best(candidates)


# --- the table ----------------------------------------------------------------------------------

DETECTORS: dict[str, Detector] = {
    "alembic-migration": Detector(find_alembic_migration, "an Alembic migration whose upgrade() calls op.create_table (alembic revision)"),
    "annotated-validator": Detector(find_annotated_validator, "a reusable type: Annotated[str, AfterValidator(check)] used by several models"),
    "app-factory": Detector(find_app_factory, "a create_app() function that builds, configures and returns the FastAPI app"),
    "async-client-test": Detector(find_async_client_test, "a test that calls the app with httpx.AsyncClient(transport=ASGITransport(app=app))"),
    "async-endpoint": Detector(find_async_endpoint, "an async def route handler that awaits the database or another service"),
    "background-task": Detector(find_background_task, "a route that takes BackgroundTasks and calls tasks.add_task(...) for work after the response"),
    "cache-aside": Detector(find_cache_aside, "a read route that tries the cache, else reads the database and fills the cache with a TTL"),
    "cors": Detector(middleware_added("CORSMiddleware"), "app.add_middleware(CORSMiddleware, allow_origins=[...]) with explicit origins"),
    "csv-upload": Detector(find_csv_upload, "a route that takes an UploadFile, checks its type and size, and reads it"),
    "current-user-dependency": Detector(find_current_user_dependency, "a get_current_user dependency reading the token via Depends(OAuth2PasswordBearer(...))"),
    "cursor-pagination": Detector(find_cursor_pagination, "a list route with a cursor parameter that filters WHERE id > last id and returns next_cursor"),
    "db-session-dependency": Detector(find_db_session_dependency, "a get_session dependency that yields a session from `with SessionLocal() as session`"),
    "dependencies": Detector(find_dependencies, "reusable dependencies: SessionDep = Annotated[Session, Depends(get_session)]"),
    "dependency-overrides-test": Detector(find_dependency_overrides_test, "a test that swaps a dependency with app.dependency_overrides[...] and clears it after"),
    "dockerfile": Detector(find_dockerfile, "a Dockerfile: slim base, requirements copied before the code, a non-root user"),
    "eager-loading": Detector(find_eager_loading, "a query with .options(selectinload(Model.children)) so related rows are not loaded one by one (N+1)"),
    "error-handlers": Detector(find_error_handlers, "@app.exception_handler(...) functions that turn errors into one JSON error body"),
    "gzip-middleware": Detector(middleware_added("GZipMiddleware"), "app.add_middleware(GZipMiddleware, minimum_size=1000)"),
    "health-checks": Detector(find_health_checks, "/health/live and /health/ready routes (ready checks the database)"),
    "idempotency-key": Detector(find_idempotency_key, "a POST that reads an Idempotency-Key header and replays the stored response on a retry"),
    "jwt-tokens": Detector(find_jwt_tokens, "create and decode access tokens with jwt.encode / jwt.decode and an exp claim"),
    "lifespan": Detector(find_lifespan, "an @asynccontextmanager lifespan(app) passed as FastAPI(lifespan=...) for startup and shutdown"),
    "optimistic-locking": Detector(find_optimistic_locking, "an update WHERE version = :read_version that bumps the version and answers 409 when no row matched"),
    "orm-query": Detector(find_orm_query, "a function that runs select(Model).where(Model.col == param) through the session"),
    "password-hashing": Detector(find_password_hashing, "hash_password / verify_password with pwdlib (Argon2) or passlib's CryptContext"),
    "path-and-query-params": Detector(find_path_and_query_params, "a list route with Annotated[int, Query(ge=1, le=100)] limit and offset parameters"),
    "process-pool-ranking": Detector(find_process_pool, "CPU-bound work in a ProcessPoolExecutor, awaited with loop.run_in_executor(pool, work, ...)"),
    "production-command": Detector(find_production_command, "a CMD that runs uvicorn or gunicorn with several workers (--workers 4)"),
    "prometheus-metrics": Detector(find_prometheus_metrics, "prometheus_client Counter and Histogram metrics and a /metrics route"),
    "ranking-index-singleton": Detector(find_startup_singleton, "an expensive object (model, index) built once in the lifespan and kept on app.state"),
    "rate-limit-dependency": Detector(find_rate_limit_dependency, "a rate_limit dependency that answers 429 with Retry-After, added with dependencies=[Depends(...)]"),
    "rate-limiter": Detector(find_rate_limiter, "a sliding-window or token-bucket limiter class (in memory, or Redis for several workers)"),
    "request-models": Detector(find_request_models, "a Pydantic request model with Field constraints, a validator and extra='forbid'"),
    "response-cache": Detector(find_response_cache, "a small cache class with get/set and a TTL (in memory, or Redis)"),
    "response-model": Detector(find_response_model, "a response model with from_attributes=True used as response_model= on a route"),
    "role-check": Detector(find_role_check, "a require_role(...) dependency that raises 403 when the user's role is too low"),
    "semaphore-limit": Detector(find_semaphore_limit, "an asyncio.Semaphore(n) and `async with semaphore:` around a limited resource"),
    "settings": Detector(find_settings, "a Settings(BaseSettings) class read from the environment, with a cached get_settings()"),
    "soft-delete": Detector(find_soft_delete, "a deleted_at column set by DELETE, and reads filtered with Model.deleted_at.is_(None)"),
    "streaming-export": Detector(find_streaming_export, "an export route that returns StreamingResponse over an async generator of rows"),
    "structured-logging": Detector(find_structured_logging, "JSON log lines: a logging.Formatter that json.dumps each record, or structlog"),
    "sync-endpoint": Detector(find_sync_endpoint, "a plain def route handler (FastAPI runs it in its thread pool)"),
    "task-group": Detector(find_task_group, "run independent awaits together with async with asyncio.TaskGroup() as group"),
    "timing-middleware": Detector(find_timing_middleware, "a pure ASGI middleware class that times each request and adds a Server-Timing header"),
    "token-endpoint": Detector(find_token_endpoint, "a POST /token route that takes OAuth2PasswordRequestForm and returns an access token"),
    "transaction": Detector(find_transaction, "writes grouped in `async with session.begin():` so they commit or roll back together"),
    "unique-conflict": Detector(find_unique_conflict, "an `except IntegrityError:` that turns a duplicate into a 409 Conflict"),
    "versioned-routers": Detector(find_versioned_routers, "APIRouter(prefix='/api/v1') and a /api/v2 router side by side"),
    "websocket-stream": Detector(find_websocket_stream, "a @router.websocket route that sends results as they are produced"),
}
