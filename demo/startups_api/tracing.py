"""OpenTelemetry tracing, with the SDK alone (no instrumentation packages): a server span per
request that continues the caller's W3C trace, a client span per SQL statement, and a client span
per outbound HTTP call that passes the trace on in a traceparent header.

The provider belongs to the app (app.state.tracer_provider), not to the process-wide global, so
two apps in one process (the tests) keep their spans apart."""

import collections
import importlib
from typing import Any

import httpx2
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .settings import Settings

TRACER_NAME = "startups_api"
propagator = TraceContextTextMapPropagator()  # the W3C traceparent / tracestate headers


# --8<-- [start:tracing-setup]
class RecentSpans(SpanExporter):
    """The default exporter: keeps the last `size` finished spans in memory, nothing leaves the process."""

    def __init__(self, size: int = 1000) -> None:
        self.spans: collections.deque[ReadableSpan] = collections.deque(maxlen=size)

    def export(self, spans) -> SpanExportResult:
        self.spans.extend(spans)
        return SpanExportResult.SUCCESS


def otlp_exporter(endpoint: str) -> SpanExporter:
    """OTLP over HTTP to a Collector; its package is optional, so it is imported only when configured."""
    try:
        module = importlib.import_module("opentelemetry.exporter.otlp.proto.http.trace_exporter")
    except ImportError:
        raise RuntimeError(
            "OTLP_ENDPOINT is set but opentelemetry-exporter-otlp-proto-http is not installed: "
            "pip install opentelemetry-exporter-otlp-proto-http, or unset OTLP_ENDPOINT"
        ) from None
    return module.OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")


def make_tracer_provider(settings: Settings) -> TracerProvider:
    """OTLP in batches when an endpoint is configured; else the console, or (default) memory."""
    provider = TracerProvider(resource=Resource.create({"service.name": settings.service_name}))
    if settings.otlp_endpoint:  # batches, exported by a background thread: requests never wait on it
        provider.add_span_processor(BatchSpanProcessor(otlp_exporter(settings.otlp_endpoint)))
    elif settings.trace_to_console:
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
    else:
        provider.add_span_processor(SimpleSpanProcessor(RecentSpans()))
    return provider
# --8<-- [end:tracing-setup]


# --8<-- [start:trace-propagation]
class TracingMiddleware:
    """Pure ASGI: one server span per HTTP request, a child of the caller's span when the request
    carries a traceparent header, named and labelled by the route template once routing is done."""

    def __init__(self, app: ASGIApp, tracer_provider: TracerProvider) -> None:
        self.app, self.tracer = app, tracer_provider.get_tracer(TRACER_NAME)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        parent = propagator.extract(headers)  # an empty context when there is no valid traceparent
        method = scope["method"]
        attributes = {"http.request.method": method, "url.path": scope["path"]}
        with self.tracer.start_as_current_span(
            method, context=parent, kind=SpanKind.SERVER, attributes=attributes
        ) as span:

            async def send_with_status(message: Message) -> None:
                if message["type"] == "http.response.start":
                    span.set_attribute("http.response.status_code", message["status"])
                    if message["status"] >= 500:
                        span.set_status(Status(StatusCode.ERROR))
                await send(message)

            try:
                await self.app(scope, receive, send_with_status)
            finally:
                if route := getattr(scope.get("route"), "path", None):  # set by the router on a match
                    span.set_attribute("http.route", route)
                    span.update_name(f"{method} {route}")


class TracedTransport(httpx2.AsyncBaseTransport):
    """Wraps a client's transport: a client span per outbound call, and the traceparent header
    that lets the partner's spans join this trace."""

    def __init__(self, tracer_provider: TracerProvider, inner: httpx2.AsyncBaseTransport | None = None) -> None:
        self.tracer = tracer_provider.get_tracer(TRACER_NAME)
        self.inner = inner or httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        attributes = {"http.request.method": request.method, "url.full": str(request.url)}
        with self.tracer.start_as_current_span(request.method, kind=SpanKind.CLIENT, attributes=attributes) as span:
            propagator.inject(request.headers)  # traceparent of this client span
            response = await self.inner.handle_async_request(request)
            span.set_attribute("http.response.status_code", response.status_code)
            if response.status_code >= 500:
                span.set_status(Status(StatusCode.ERROR))
            return response

    async def aclose(self) -> None:
        await self.inner.aclose()
# --8<-- [end:trace-propagation]


# --8<-- [start:database-spans]
def trace_queries(engine: AsyncEngine, tracer_provider: TracerProvider) -> None:
    """A client span around every statement the engine sends, a child of the request's span:
    the async engine runs these sync events in the calling task's context."""
    tracer: Tracer = tracer_provider.get_tracer(TRACER_NAME)
    system = engine.dialect.name

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def start_span(conn: Any, cursor: Any, statement: str, parameters: Any, ctx: Any, executemany: bool) -> None:
        operation = statement.split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer.start_span(
            operation,
            kind=SpanKind.CLIENT,
            attributes={"db.system.name": system, "db.operation.name": operation, "db.query.text": statement},
        )
        ctx._otel_span = span  # the execution context lives exactly as long as the statement

    @event.listens_for(engine.sync_engine, "after_cursor_execute")
    def end_span(conn: Any, cursor: Any, statement: str, parameters: Any, ctx: Any, executemany: bool) -> None:
        if span := getattr(ctx, "_otel_span", None):
            span.end()

    @event.listens_for(engine.sync_engine, "handle_error")
    def fail_span(exception_context: Any) -> None:
        ctx = exception_context.execution_context
        if span := getattr(ctx, "_otel_span", None):
            span.record_exception(exception_context.original_exception)
            span.set_status(Status(StatusCode.ERROR))
            span.end()
# --8<-- [end:database-spans]
