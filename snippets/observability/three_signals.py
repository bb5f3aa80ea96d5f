import io
import json
import logging
import time

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)
from prometheus_client import CollectorRegistry, Histogram, generate_latest

# --8<-- [start:show]
registry = CollectorRegistry()
LATENCY = Histogram("http_request_duration_seconds", "Request time",
                    ["route", "status"], registry=registry)
spans = InMemorySpanExporter()  # in production: an OTLP exporter
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(spans))
tracer = provider.get_tracer("shop")
log_output = io.StringIO()  # in production: JSON lines on stdout
log = logging.getLogger("access")
log.addHandler(logging.StreamHandler(log_output))
log.setLevel(logging.INFO)
app = FastAPI()


@app.middleware("http")
async def observe(request: Request, call_next):
    started = time.perf_counter()
    with tracer.start_as_current_span("request") as span:
        response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        span.update_name(f"{request.method} {route}")  # template
    status = response.status_code
    LATENCY.labels(route, status).observe(time.perf_counter() - started)
    log.info(json.dumps({"route": route, "status": status}))
    return response
# --8<-- [end:show]


@app.get("/orders/{order_id}")
async def read_order(order_id: int) -> dict[str, int]:
    return {"order_id": order_id}


TestClient(app).get("/orders/42")
print("log:", log_output.getvalue().strip())
#> log: {"route": "/orders/{order_id}", "status": 200}
scrape = generate_latest(registry).decode().splitlines()
print("metric:", next(line for line in scrape if "_count{" in line))
#> metric: http_request_duration_seconds_count{route="/orders/{order_id}",status="200"} 1.0
print("trace:", [span.name for span in spans.get_finished_spans()])
#> trace: ['GET /orders/{order_id}']
