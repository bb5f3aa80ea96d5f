"""Detectors for tracing and live events: OpenTelemetry setup and spans, Redis pub/sub fan-out.
"""

from __future__ import annotations

import ast

from project_code import (
    DEFINITIONS,
    Candidate,
    Project,
    Span,
    best,
    calls_in,
    calls_named,
    identifiers,
    method_calls,
    named,
    outermost_function,
    span_of,
    statement_of,
    with_helpers_above,
)

from .app import middlewares
from .shared import mentions_call, statement_candidates, strings_in


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
