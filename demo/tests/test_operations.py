"""Running the service: health, metrics, logs with request ids, rate limits, the WebSocket,
compression, migrations, and an async client."""

import asyncio
import io
import json
import logging

import httpx2
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from sqlalchemy import text

from service_env import service_urls
from startups_api.data import startup_rows
from startups_api.db import Base, make_engine
from startups_api.dependencies import get_rate_limiter
from startups_api.limits import MemorySlidingWindow
from startups_api.logging_setup import JsonFormatter
from startups_api.main import create_app

NAMES = [row["name"] for row in startup_rows()][:5]


def test_liveness_and_readiness(client, backend):
    assert client.get("/health/live").json() == {"status": "ok"}
    ready = client.get("/health/ready").json()
    expected = {"database": "ok", "redis": "ok"} if backend == "services" else {"database": "ok"}
    assert ready == {"status": "ready", "checks": expected}


def test_readiness_is_503_when_the_database_is_gone(app, client):
    sessions = app.state.sessions
    app.state.sessions = lambda: (_ for _ in ()).throw(ConnectionError("database down"))
    try:
        response = client.get("/health/ready")
    finally:
        app.state.sessions = sessions
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


def test_metrics_count_requests_by_route_template(client):
    client.get("/api/v2/startups/2")
    text = client.get("/metrics").text
    assert 'http_requests_total{method="GET",route="/api/v2/startups/{startup_id}",status="200"}' in text
    assert "http_request_duration_seconds_bucket" in text


def test_log_lines_are_json_with_the_request_id(client):
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        response = client.get("/health/live", headers={"X-Request-ID": "req-42"})
    finally:
        handler.setStream(previous)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    served = next(line for line in lines if line["logger"] == "startups_api")
    assert served["request_id"] == "req-42" == response.headers["x-request-id"]
    assert served["message"].startswith("GET /health/live -> 200") and served["level"] == "INFO"


def test_personal_data_is_masked_in_logs(client):
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        logging.getLogger("startups_api").warning("login failed for %s with Bearer abc.def.ghi", "ana@example.com")
    finally:
        handler.setStream(previous)
    message = json.loads(stream.getvalue().splitlines()[-1])["message"]
    assert message == "login failed for <email> with Bearer <token>"


def test_every_response_carries_the_security_headers(client):
    headers = client.get("/health/live").headers
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert headers["strict-transport-security"].startswith("max-age=")


def test_large_responses_are_gzipped(client):
    response = client.get("/api/v2/startups", params={"limit": 50}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"


def test_rate_limit_answers_429_with_retry_after(app, client):
    app.dependency_overrides[get_rate_limiter] = lambda: tight_limiter
    tight_limiter = MemorySlidingWindow(limit=2, window=60)
    try:
        statuses = [client.post("/api/v2/query", json={"query": "solar", "startups": NAMES}).status_code for _ in range(3)]
        limited = client.post("/api/v2/query", json={"query": "solar", "startups": NAMES})
    finally:
        app.dependency_overrides.clear()
    assert statuses == [200, 200, 429]
    assert 1 <= int(limited.headers["retry-after"]) <= 60 and limited.json()["error"]["code"] == "rate_limited"


def test_the_shared_rate_limiter_refuses_past_the_limit(app, client, backend):
    limiter = type(app.state.rate_limiter)  # Redis-backed on the services backend
    tight = limiter(app.state.redis, 3, 60) if backend == "services" else limiter(3, 60)
    results = [client.portal.call(tight.hit, "client-x") for _ in range(4)]
    assert results[:3] == [None, None, None] and 0 < results[3] <= 60


def test_websocket_streams_the_answer_word_by_word(client):
    with client.websocket_connect("/api/v2/ws/answer") as socket:
        socket.send_json({"query": "payments software", "startups": NAMES})
        words = []
        while "done" not in (message := socket.receive_json()):
            words.append(message["token"])
        answer = " ".join(words)
        assert answer.startswith("Best match for 'payments software': ") and "Fintech" in answer, answer
        assert len(message["rows"]) == len(NAMES)
        socket.send_json({"query": "x"})
        assert "error" in socket.receive_json()


def migration_database(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'migrated.db'}"
    database_url, _ = service_urls()
    return database_url.rsplit("/", 1)[0] + "/stc_migrations"  # created empty by scripts/services


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_migrations_build_the_schema_the_models_describe(kind, tmp_path):
    url = migration_database(kind, tmp_path)

    async def run(check):
        engine = make_engine(url)
        async with engine.begin() as connection:
            found = await connection.run_sync(check)
        await engine.dispose()
        return found

    def drop_everything(sync):
        sync.execute(text("DROP TABLE IF EXISTS alembic_version"))
        Base.metadata.drop_all(sync)
        return sync.dialect.name

    assert asyncio.run(run(drop_everything)) == kind
    config = Config("demo/alembic.ini")
    config.set_main_option("script_location", "demo/migrations")
    config.attributes["database_url"] = url
    command.upgrade(config, "head")
    assert asyncio.run(run(lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata))) == []


# --8<-- [start:async-client-test]
def test_an_async_client_in_the_test_s_own_event_loop(backend):
    app = create_app()

    async def scenario():
        async with app.router.lifespan_context(app):  # ASGITransport does not run the lifespan
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(transport=transport, base_url="http://test") as client:
                responses = await asyncio.gather(
                    *(client.post("/api/v2/query", json={"query": "payments", "startups": NAMES}) for _ in range(5))
                )
        return [response.status_code for response in responses]

    assert asyncio.run(scenario()) == [200] * 5
# --8<-- [end:async-client-test]


def test_the_in_memory_limiter_forgets_idle_clients():
    now = [0.0]
    limiter = MemorySlidingWindow(limit=5, window=60, clock=lambda: now[0], max_keys=3)
    for client in ["a", "b", "c"]:
        asyncio.run(limiter.hit(client))
    now[0] = 61.0
    asyncio.run(limiter.hit("d"))
    assert set(limiter.hits) == {"d"}
