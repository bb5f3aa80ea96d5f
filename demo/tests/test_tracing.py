"""OpenTelemetry tracing: a request makes a server span whose children are the SQL statements it
ran, a caller's traceparent header makes that span part of the caller's trace, and an outbound
call makes a client span and passes its traceparent on."""

import asyncio
import importlib.util

import httpx2
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from startups_api.settings import Settings
from startups_api.tracing import RecentSpans, TracedTransport, make_tracer_provider

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN_ID = "00f067aa0ba902b7"


@pytest.fixture(scope="module")
def spans(app):
    """Every span the app under test finishes, next to the exporter its settings chose."""
    exporter = InMemorySpanExporter()
    app.state.tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


def server_span(exporter, route):
    found = [span for span in exporter.get_finished_spans() if span.kind is SpanKind.SERVER]
    assert [span.attributes["http.route"] for span in found] == [route]
    return found[0]


def test_a_request_span_has_the_database_spans_as_children(client, spans, backend):
    spans.clear()
    response = client.get("/api/v2/startups", params={"limit": 2, "sector": "fintech"})
    assert response.status_code == 200

    request = server_span(spans, "/api/v2/startups")
    assert request.name == "GET /api/v2/startups" and request.parent is None
    assert request.attributes["http.request.method"] == "GET"
    assert request.attributes["http.response.status_code"] == 200
    queries = [span for span in spans.get_finished_spans() if span.kind is SpanKind.CLIENT]
    assert len(queries) >= 2  # the count and the page (and the page's funding rounds)
    system = "postgresql" if backend == "services" else "sqlite"
    for query in queries:
        assert query.parent.span_id == request.context.span_id
        assert query.context.trace_id == request.context.trace_id
        assert query.attributes["db.system.name"] == system
        assert request.start_time <= query.start_time <= query.end_time <= request.end_time
    assert any(query.attributes["db.query.text"].startswith("SELECT count(*)") for query in queries)


def test_an_incoming_traceparent_makes_the_request_span_its_child(client, spans):
    spans.clear()
    traceparent = f"00-{TRACE_ID}-{CALLER_SPAN_ID}-01"
    assert client.get("/api/v2/startups/1", headers={"traceparent": traceparent}).status_code == 200

    request = server_span(spans, "/api/v2/startups/{startup_id}")
    assert format(request.context.trace_id, "032x") == TRACE_ID  # the caller's trace
    assert format(request.parent.span_id, "016x") == CALLER_SPAN_ID and request.parent.is_remote
    for span in spans.get_finished_spans():  # the database spans join the same trace
        assert format(span.context.trace_id, "032x") == TRACE_ID


def test_a_malformed_traceparent_starts_a_new_trace(client, spans):
    spans.clear()
    assert client.get("/api/v2/startups/1", headers={"traceparent": "00-not-a-trace-01"}).status_code == 200
    request = server_span(spans, "/api/v2/startups/{startup_id}")
    assert request.parent is None and format(request.context.trace_id, "032x") != TRACE_ID


def test_a_server_error_marks_the_request_span_as_an_error(client, spans):
    spans.clear()
    # a 404 is the client's mistake: the span stays unset; only 5xx are errors of the server
    assert client.get("/api/v2/startups/999999").status_code == 404
    assert server_span(spans, "/api/v2/startups/{startup_id}").status.status_code is StatusCode.UNSET


def test_an_outbound_call_is_a_client_span_that_passes_its_traceparent_on():
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    seen = {}

    def partner(request: httpx2.Request) -> httpx2.Response:
        seen["traceparent"] = request.headers.get("traceparent")
        return httpx2.Response(503)

    async def call() -> int:
        transport = TracedTransport(provider, inner=httpx2.MockTransport(partner))
        async with httpx2.AsyncClient(base_url="http://registry.test", transport=transport) as client:
            with provider.get_tracer("test").start_as_current_span("request"):
                return (await client.get("/companies/Acme")).status_code

    assert asyncio.run(call()) == 503
    outbound, request = exporter.get_finished_spans()
    assert outbound.kind is SpanKind.CLIENT and outbound.parent.span_id == request.context.span_id
    assert outbound.attributes["url.full"] == "http://registry.test/companies/Acme"
    assert outbound.attributes["http.response.status_code"] == 503 and outbound.status.status_code is StatusCode.ERROR
    trace_id, span_id = format(outbound.context.trace_id, "032x"), format(outbound.context.span_id, "016x")
    version, sent_trace, parent, flags = seen["traceparent"].split("-")
    assert (sent_trace, parent) == (trace_id, span_id)  # the partner's spans continue this trace
    assert version == "00" and int(flags, 16) & 1  # sampled


def test_by_default_the_last_spans_stay_in_memory():
    recent = RecentSpans(size=2)
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(recent))
    for name in ["one", "two", "three"]:
        provider.get_tracer("test").start_span(name).end()
    assert [span.name for span in recent.spans] == ["two", "three"]  # bounded: the oldest go


def test_an_otlp_endpoint_without_the_exporter_package_is_a_clear_error():
    settings = Settings(otlp_endpoint="http://collector:4318")
    # uv.lock leaves the exporter out on purpose; if it ever comes in, this test must change
    assert importlib.util.find_spec("opentelemetry.exporter") is None, "the OTLP exporter is installed now"
    with pytest.raises(RuntimeError, match="pip install opentelemetry-exporter-otlp-proto-http"):
        make_tracer_provider(settings)
