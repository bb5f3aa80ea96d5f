"""Detectors for endpoints: async and sync handlers, parameters, request and response models,
dependencies, uploads, streams, token routes, conditional GET and Server-Sent Events.
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
    calls_named,
    constant_str,
    definition_span,
    dotted,
    identifiers,
    is_true,
    keyword,
    method_calls,
    named,
    parameter_names,
    parameters,
    previous,
    span_of,
    statement_of,
    terminal,
    with_helpers_above,
)

from .shared import (
    count,
    has_await,
    has_yield,
    mentions_call,
    names_outside_calls,
    pydantic_models,
    stretches,
    strings_in,
)


def awaits_own_code(function: Function, own_async: set[str]) -> bool:
    """Whether a handler awaits an async function or method of the app (`await answer_query(...)`,
    `await repository.get_all()`): it hands its I/O to the app's service code, not one library call."""
    return any(
        isinstance(node, ast.Await) and isinstance(node.value, ast.Call) and terminal(node.value.func) in own_async
        for node in ast.walk(function)
    )


def find_async_endpoint(project: Project) -> Span | None:
    """An `async def` route handler that awaits; features: it is public (not deprecated), it awaits
    the app's own async code; then the shortest."""
    own_async = {
        function.name
        for source in project.app_sources
        for function in source.functions
        if isinstance(function, ast.AsyncFunctionDef) and not project.route_for(function)
    }
    return best(
        Candidate(route.span, route.public + awaits_own_code(route.function, own_async))
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
    returns it (response_model= or the return annotation), it nests another such model for related
    rows (then shown with the nested models right above it)."""
    returned = set()
    for route in project.routes:
        returned |= names_outside_calls(keyword(route.call, "response_model")) | names_outside_calls(
            route.function.returns
        )
    models = pydantic_models(project)
    orm_readers = {cls.name for _, cls in models if reads_orm(cls)}
    candidates = []
    for source, cls in models:
        nests = any(  # funding_rounds: list[FundingRoundOut], the related rows read too
            name in orm_readers and name != cls.name
            for item in cls.body
            if isinstance(item, ast.AnnAssign)
            for name in names_outside_calls(item.annotation)
        )
        score = (cls.name in orm_readers) + (cls.name in returned) + nests
        if score:
            span = definition_span(source, cls) if nests else span_of(source, cls)
            candidates.append(Candidate(span, score))
    return best(candidates)


def reads_orm(cls: ast.ClassDef) -> bool:
    """Whether a model reads attributes of ORM objects: from_attributes=True (or v1's orm_mode)."""
    return any(
        (isinstance(node, ast.keyword) and node.arg == "from_attributes" and is_true(node.value))
        or (
            isinstance(node, ast.Assign)
            and assigned_names(node) & {"orm_mode", "from_attributes"}
            and is_true(node.value)
        )
        for node in ast.walk(cls)
    )


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
