"""Faults inflicted on the demo run as deployed: a real uvicorn process in front of a private
PostgreSQL cluster and a private Redis (scripts/private_services.py), which these tests stop,
restart and kill without touching the shared servers other tests use.

- Redis stops: the cache misses to the database, the limiter fails open (both logged),
  readiness is 503 naming Redis, and requests keep getting 2xx; when Redis is back, both resume.
- PostgreSQL restarts: the pool recovers without restarting the app; during the outage a request
  gets a quick 503 with the usual error body, never a hang or a 500.
- A worker is killed: the other worker keeps answering, and uvicorn's supervisor replaces it.
- Slow clients trickling request bodies do not hold up other requests; an upload over the limit
  is a 413 with or without a Content-Length.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import threading
import time
from collections import Counter
from types import SimpleNamespace

import httpx2
import pytest

from private_services import DemoServer, PrivatePostgres, PrivateRedis, postgres_bin, prepare_database, wait_for
from sqlalchemy.exc import DBAPIError, IntegrityError

from startups_api.data import startup_rows
from startups_api.errors import is_database_outage

NAMES = [row["name"] for row in startup_rows()]
RATE_LIMIT = 30  # per client per minute, low enough to cross in a test
UPLOAD_LIMIT = 200_000  # bytes; the CSV import's limit in these tests
CLIENT_TIMEOUT = 8.0  # seconds: longer than any answer may take, so a hang shows as an error


@pytest.fixture(scope="module")
def services():
    if not shutil.which("redis-server"):
        pytest.fail("the fault tests need redis-server (Debian: apt-get install redis-server)")
    try:
        postgres_bin()
    except FileNotFoundError as error:
        pytest.fail(f"the fault tests need PostgreSQL's server binaries: {error}")
    with PrivatePostgres() as postgres, PrivateRedis() as redis:
        prepare_database(postgres.url)
        yield SimpleNamespace(postgres=postgres, redis=redis)


def app_env(services) -> dict[str, str]:
    return {
        "DATABASE_URL": services.postgres.url,
        "REDIS_URL": services.redis.url,
        "RANK_WORKERS": "0",
        "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
        "UPLOAD_MAX_BYTES": str(UPLOAD_LIMIT),
    }


@pytest.fixture(scope="module")
def server(services):
    """One uvicorn worker: what one worker does is not hidden by a second one answering."""
    with DemoServer(app_env(services), workers=1) as demo:
        form = {"username": "eli", "password": "demo-password"}
        token = httpx2.post(f"{demo.base_url}/api/v2/auth/token", data=form, timeout=CLIENT_TIMEOUT)
        demo.editor = {"Authorization": f"Bearer {token.json()['access_token']}"}
        yield demo


def is_up(base_url: str) -> bool:
    try:
        return httpx2.get(f"{base_url}/health/ready", timeout=2).status_code == 200
    except httpx2.HTTPError:
        return False


async def run_requests(base_url: str, calls: list[tuple[str, str, dict]], concurrency: int = 8) -> list:
    """Sends the calls, `concurrency` at a time; returns (status or exception name, seconds, response)."""
    limit = asyncio.Semaphore(concurrency)

    async def one(client: httpx2.AsyncClient, method: str, path: str, kwargs: dict):
        async with limit:
            started = time.perf_counter()
            try:
                response = await client.request(method, path, **kwargs)
            except httpx2.HTTPError as error:
                return type(error).__name__, time.perf_counter() - started, None
            return response.status_code, time.perf_counter() - started, response

    async with httpx2.AsyncClient(base_url=base_url, timeout=CLIENT_TIMEOUT) as client:
        return await asyncio.gather(*(one(client, *call) for call in calls))


def query(name: str) -> tuple[str, str, dict]:
    return "POST", "/api/v2/query", {"json": {"query": "payments", "startups": [name]}}


def test_only_lost_connections_count_as_a_database_outage():
    """The 503 handler answers for these; anything else stays a 500 (or the endpoint's own 409)."""
    lost = DBAPIError("SELECT 1", None, ConnectionResetError(), connection_invalidated=True)
    assert is_database_outage(lost)
    assert is_database_outage(ConnectionRefusedError(111, "Connect call failed"))
    assert is_database_outage(ExceptionGroup("task group", [ConnectionRefusedError(), TimeoutError()]))
    assert not is_database_outage(IntegrityError("INSERT", None, ValueError("duplicate key")))
    assert not is_database_outage(ExceptionGroup("task group", [ConnectionRefusedError(), ValueError()]))
    assert not is_database_outage(ValueError("a bug"))


# --- Redis stops mid-run -------------------------------------------------------------------------

def test_redis_down_cache_and_limiter_degrade_to_the_database(services, server):
    warm = [httpx2.get(f"{server.base_url}/api/v2/startups/7", timeout=CLIENT_TIMEOUT) for _ in range(2)]
    assert [r.headers["x-cache"] for r in warm] == ["miss", "hit"]

    services.redis.stop()
    try:
        ready = httpx2.get(f"{server.base_url}/health/ready", timeout=CLIENT_TIMEOUT)
        assert ready.status_code == 503
        assert ready.json()["checks"] == {"database": "ok", "redis": "down", "error": "ConnectionError"}

        # more rate-limited requests than the limit allows, and cached reads: all 2xx from the database
        calls = [query(NAMES[n % 10]) for n in range(RATE_LIMIT + 10)]
        calls += [("GET", f"/api/v2/startups/{n}", {}) for n in range(1, 21)]
        results = asyncio.run(run_requests(server.base_url, calls))
        statuses = Counter(status for status, _, _ in results)
        assert statuses == {200: len(calls)}, statuses
        assert max(seconds for _, seconds, _ in results) < 3.0  # no waiting on a Redis that is gone
        reads = [response for _, _, response in results if response.request.method == "GET"]
        assert {response.headers["x-cache"] for response in reads} == {"miss"}  # even id 7, cached before
        log = server.log()
        assert "Redis is unavailable (ConnectionError): request allowed without a rate limit check (fail open)" in log
        assert "Redis is unavailable (ConnectionError): cache miss, read the database" in log
    finally:
        services.redis.start()

    # Redis is back (empty): the same client reconnects, caching and limiting resume
    wait_for(lambda: is_up(server.base_url), 10, "readiness after Redis came back")
    again = [httpx2.get(f"{server.base_url}/api/v2/startups/7", timeout=CLIENT_TIMEOUT) for _ in range(2)]
    assert [r.headers["x-cache"] for r in again] == ["miss", "hit"]
    results = asyncio.run(run_requests(server.base_url, [query(NAMES[0]) for _ in range(RATE_LIMIT + 5)]))
    statuses = Counter(status for status, _, _ in results)
    assert statuses == {200: RATE_LIMIT, 429: 5}, statuses
    services.redis.stop()  # an empty window for the tests that follow
    services.redis.start()


# --- PostgreSQL restarts -------------------------------------------------------------------------

def test_postgres_restart_pool_recovers_and_outage_is_a_quick_503(services, server):
    list_page = ("GET", "/api/v2/startups?limit=5", {})
    assert [status for status, _, _ in asyncio.run(run_requests(server.base_url, [list_page] * 12))] == [200] * 12

    # a restart while the app holds pooled connections: the next requests get fresh ones
    services.postgres.restart()
    after_restart = asyncio.run(run_requests(server.base_url, [list_page] * 12))
    assert [status for status, _, _ in after_restart] == [200] * 12

    # an outage: quick 503s with the one error body, readiness says the database is down
    services.postgres.stop()
    try:
        during = asyncio.run(run_requests(server.base_url, [list_page, ("GET", "/api/v2/startups/3", {})] * 10))
        assert {status for status, _, _ in during} == {503}
        assert max(seconds for _, seconds, _ in during) < 6.0  # the connect timeout is 5 s; here refused at once
        body = during[0][2].json()
        assert body["error"]["code"] == "service_unavailable" and body["error"]["request_id"]
        assert during[0][2].headers["retry-after"] == "5"
        ready = httpx2.get(f"{server.base_url}/health/ready", timeout=CLIENT_TIMEOUT)
        assert ready.status_code == 503 and ready.json()["checks"]["database"] == "down"
    finally:
        services.postgres.start()

    # back: reads and an idempotent write succeed, no restart of the app
    wait_for(lambda: is_up(server.base_url), 15, "readiness after PostgreSQL came back")
    startup = {"name": "Restart Proof", "sector": "devtools", "city": "Lisbon", "founded": 2024, "employees": 3}
    write = ("POST", "/api/v2/startups", {"json": startup, "headers": {**server.editor, "Idempotency-Key": "restart-proof-1"}})
    after = asyncio.run(run_requests(server.base_url, [list_page] * 10 + [write]))
    retried = asyncio.run(run_requests(server.base_url, [write]))  # the client's retry: replayed
    assert [status for status, _, _ in after + retried] == [200] * 10 + [201, 201]
    assert retried[0][2].headers.get("idempotent-replayed") == "true"


def test_postgres_restart_under_load_gives_200_or_503_never_500(services, server):
    """Requests in flight while the server restarts: each is answered, a 200 or a 503."""
    stop = threading.Event()
    results: list = []

    def load() -> None:
        deadline = time.monotonic() + 30
        while not stop.is_set() and time.monotonic() < deadline:
            calls = [("GET", "/api/v2/startups?limit=5", {}), ("GET", f"/api/v2/startups/{len(results) % 40 + 1}", {})]
            results.extend(asyncio.run(run_requests(server.base_url, calls * 4)))

    thread = threading.Thread(target=load)
    thread.start()
    try:
        time.sleep(0.3)
        services.postgres.restart()
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(40)
    statuses = Counter(status for status, _, _ in results)
    assert set(statuses) <= {200, 503}, statuses
    assert statuses[200] > 0
    assert max(seconds for _, seconds, _ in results) < 6.0
    assert [s for s, _, _ in asyncio.run(run_requests(server.base_url, [("GET", "/api/v2/startups/1", {})] * 5))] == [200] * 5


# --- a worker is killed --------------------------------------------------------------------------

def test_killed_worker_the_other_answers_and_the_supervisor_replaces_it(services):
    with DemoServer(app_env(services), workers=2) as demo:
        first, second = demo.worker_pids()
        os.kill(first, signal.SIGKILL)
        wait_for(lambda: first not in demo.worker_pids(), 5, f"worker {first} to die")
        # new connections each time, so none is tied to the dead worker
        answered = [
            httpx2.get(f"{demo.base_url}/api/v2/startups/{n}", headers={"Connection": "close"}, timeout=CLIENT_TIMEOUT)
            for n in range(1, 31)
        ]
        assert [r.status_code for r in answered] == [200] * 30
        wait_for(lambda: len(demo.worker_pids()) == 2, 30, "uvicorn to start a replacement worker", interval=0.2)
        workers = demo.worker_pids()
        assert second in workers and first not in workers
        assert f"Child process [{first}] died" in demo.log()
        results = asyncio.run(run_requests(demo.base_url, [("GET", "/api/v2/startups?limit=3", {})] * 20))
        assert [status for status, _, _ in results] == [200] * 20


# --- slow clients and oversized uploads ----------------------------------------------------------

def test_slow_clients_trickling_bodies_do_not_block_others(server):
    """Five connections send a body a few bytes at a time; meanwhile other requests are fast."""
    trickling: list[socket.socket] = []
    stop = threading.Event()
    head = (
        "POST /api/v2/startups/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: {server.editor['Authorization']}\r\n"
        "Content-Type: multipart/form-data; boundary=slow\r\nContent-Length: 100000\r\n\r\n"
    ).encode()
    for _ in range(5):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        sock.sendall(head + b"--slow\r\n")
        trickling.append(sock)

    def trickle() -> None:
        for _ in range(100):  # at most ~10 s
            if stop.wait(0.1):
                return
            for sock in trickling:
                sock.sendall(b"x")

    thread = threading.Thread(target=trickle)
    thread.start()
    try:
        results = asyncio.run(run_requests(server.base_url, [("GET", f"/api/v2/startups/{n}", {}) for n in range(1, 41)]))
        assert thread.is_alive()  # the slow bodies were still arriving throughout
    finally:
        stop.set()
        thread.join(15)
        for sock in trickling:
            sock.close()
    assert [status for status, _, _ in results] == [200] * 40
    assert max(seconds for _, seconds, _ in results) < 3.0  # blocked, they would wait ~10 s for the trickle


def csv_body(size: int) -> bytes:
    header = b"name,sector,city,founded,employees\n"
    row = b"Bulk Row,devtools,Lisbon,2020,5\n"
    return header + row * ((size - len(header)) // len(row) + 1)


def test_upload_over_the_limit_is_413_with_or_without_content_length(server):
    url = f"{server.base_url}/api/v2/startups/import"
    big = csv_body(UPLOAD_LIMIT * 3)
    with httpx2.Client(timeout=CLIENT_TIMEOUT, headers=server.editor) as client:
        sized = client.post(url, files={"file": ("big.csv", big, "text/csv")})
        assert sized.request.headers["content-length"]
        assert sized.status_code == 413 and sized.json()["error"]["code"] == "payload_too_large"

        multipart = client.build_request("POST", url, files={"file": ("big.csv", big, "text/csv")})
        body = multipart.read()

        def chunks():
            for start in range(0, len(body), 16_384):
                yield body[start:start + 16_384]

        chunked = client.post(url, content=chunks(), headers={"Content-Type": multipart.headers["content-type"]})
        assert chunked.request.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in chunked.request.headers
        assert chunked.status_code == 413 and chunked.json()["error"]["code"] == "payload_too_large"

        small = "name,sector,city,founded,employees\nUnder Limit Co,devtools,Lisbon,2021,4\n"
        accepted = client.post(url, files={"file": ("small.csv", small.encode(), "text/csv")})
        assert accepted.status_code == 200 and accepted.json() == {"created": 1, "skipped_existing": 0}
        assert client.get(f"{server.base_url}/health/ready").status_code == 200
