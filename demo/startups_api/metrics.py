"""Prometheus metrics: requests counted and timed by route template, served at /metrics."""

import time

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# --8<-- [start:prometheus-metrics]
registry = CollectorRegistry()
REQUESTS = Counter("http_requests_total", "Requests served", ["method", "route", "status"], registry=registry)
LATENCY = Histogram("http_request_duration_seconds", "Time to serve a request", ["method", "route"], registry=registry)


class MetricsMiddleware:
    """Labels by route template (/api/v2/startups/{startup_id}), never by raw path: bounded labels."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)


router = APIRouter(tags=["health"])


@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    # with several worker processes, each has its own registry: use prometheus_client's
    # multiprocess mode (PROMETHEUS_MULTIPROC_DIR) or scrape each worker
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
# --8<-- [end:prometheus-metrics]
