import time

from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient
from prometheus_client import (
    CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest,
)

# --8<-- [start:show]
registry = CollectorRegistry()
REQUESTS = Counter("http_requests", "Requests served",
                   ["method", "route", "status"], registry=registry)
LATENCY = Histogram("http_request_duration_seconds", "Time to serve",
                    ["route"], buckets=[0.05, 0.25, 1.0], registry=registry)
app = FastAPI()


@app.middleware("http")
async def measure(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    route = getattr(request.scope.get("route"), "path", "unmatched")
    REQUESTS.labels(request.method, route, response.status_code).inc()
    LATENCY.labels(route).observe(time.perf_counter() - started)
    return response


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int) -> dict[str, int]:
    return {"id": startup_id}


@app.get("/metrics", include_in_schema=False)
def metrics() -> Response:  # scraped every 15 s or so
    body = generate_latest(registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
# --8<-- [end:show]


client = TestClient(app)
for path in ["/startups/1", "/startups/2", "/startups/abc", "/nope"]:
    client.get(path)
scrape = client.get("/metrics").text
shown = ("http_requests_total", "http_request_duration_seconds_count")
for line in scrape.splitlines():
    if line.startswith(shown):
        print(line)
        #> http_requests_total{method="GET",route="/startups/{startup_id}",status="200"} 2.0
        #> http_requests_total{method="GET",route="/startups/{startup_id}",status="422"} 1.0
        #> http_requests_total{method="GET",route="unmatched",status="404"} 1.0
        #> http_request_duration_seconds_count{route="/startups/{startup_id}"} 3.0
        #> http_request_duration_seconds_count{route="unmatched"} 1.0
