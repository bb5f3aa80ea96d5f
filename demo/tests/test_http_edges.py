"""HTTP at the edges of the service: conditional GET with ETags, Server-Sent Events, and the
outbound call to the partner company registry behind a circuit breaker.

The partner is a real HTTP server on 127.0.0.1 whose behaviour each test sets."""

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import httpx2
import pytest

from startups_api.main import create_app
from startups_api.registry import (
    CircuitBreaker,
    CircuitOpen,
    CompanyRegistry,
    PartnerDown,
    RegistryFailed,
    RegistryTimedOut,
    RegistryUnavailable,
)
from startups_api.settings import get_settings

TIMEOUT_SECONDS = 0.5
COOLDOWN_SECONDS = 2.0
NAMES = ["NovaFintech1", "HarborFintech5", "CedarFintech6"]


class Partner:
    """A company registry on a local port: `mode` is "ok", "down" (500) or "slow" (past the timeout)."""

    def __init__(self) -> None:
        self.mode, self.hits = "ok", 0
        partner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                partner.hits += 1
                name = unquote(self.path.removeprefix("/companies/"))
                if partner.mode == "slow":
                    time.sleep(TIMEOUT_SECONDS * 3)
                if partner.mode == "down":
                    status, body = 500, b"internal error"
                elif name.startswith("Unregistered"):
                    status, body = 404, b"{}"
                else:
                    record = {"name": name, "registration_number": "HRB 4711", "status": "active",
                              "incorporated": "2019-05-01"}
                    status, body = 200, json.dumps(record).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture(scope="module")
def partner():
    partner = Partner()
    thread = threading.Thread(target=partner.server.serve_forever, daemon=True)
    thread.start()
    yield partner
    partner.server.shutdown()
    partner.server.server_close()


@pytest.fixture(scope="module")
def app(backend, partner):
    """This module's app talks to the local partner, with a short timeout and cool-down."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REGISTRY_URL", partner.url)
        patch.setenv("REGISTRY_TIMEOUT_SECONDS", str(TIMEOUT_SECONDS))
        patch.setenv("REGISTRY_FAILURES_TO_OPEN", "2")
        patch.setenv("REGISTRY_COOLDOWN_SECONDS", str(COOLDOWN_SECONDS))
        get_settings.cache_clear()
        yield create_app()
    get_settings.cache_clear()


# --- conditional GET ----------------------------------------------------------------------------


def test_a_matching_if_none_match_is_a_304_until_an_update(client, auth_headers):
    first = client.get("/api/v2/startups/5")
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"

    again = client.get("/api/v2/startups/5", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    strong_form = etag.removeprefix("W/")  # If-None-Match compares weakly
    listed = client.get("/api/v2/startups/5", headers={"If-None-Match": f'"other", {strong_form}'})
    assert listed.status_code == 304

    patch = {"version": first.json()["version"], "employees": first.json()["employees"] + 1}
    assert client.patch("/api/v2/startups/5", json=patch, headers=auth_headers["editor"]).status_code == 200
    after = client.get("/api/v2/startups/5", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["etag"] != etag
    assert after.json()["version"] == first.json()["version"] + 1


def test_a_different_etag_gets_the_body(client):
    response = client.get("/api/v2/startups/6", headers={"If-None-Match": 'W/"not-the-current-one"'})
    assert response.status_code == 200 and response.json()["id"] == 6


# --- Server-Sent Events -------------------------------------------------------------------------


def read_events(text: str) -> list[dict[str, str]]:
    """The wire format: fields as `name: value` lines, events separated by a blank line."""
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if not line.startswith(":"))
        events.append(fields)
    return events


def test_the_answer_streams_as_server_sent_events(client):
    params = {"query": "payments software", "startups": NAMES}
    with client.stream("GET", "/api/v2/answer/stream", params=params) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = read_events("".join(response.iter_text()))
    tokens = [event for event in events if event["event"] == "token"]
    words = [json.loads(event["data"]) for event in tokens]
    assert " ".join(words) == client.post("/api/v2/query", json=params).json()["answer"]
    assert [event["id"] for event in tokens] == [str(number) for number in range(len(tokens))]
    assert events[-1]["event"] == "done" and len(events) == len(tokens) + 1
    assert sorted(row["name"] for row in json.loads(events[-1]["data"])) == sorted(NAMES)


def test_an_unknown_startup_is_a_404_before_the_stream_starts(client):
    response = client.get("/api/v2/answer/stream", params={"query": "payments", "startups": ["NoSuchStartup"]})
    assert response.status_code == 404 and response.json()["error"]["code"] == "unknown_startup"


# --- the partner registry behind a circuit breaker ----------------------------------------------


def test_the_registry_record_comes_from_the_partner(client, partner):
    partner.mode = "ok"
    record = client.get("/api/v2/startups/1/registry")
    assert record.status_code == 200, record.text
    assert record.json()["registration_number"] == "HRB 4711"
    assert record.json()["name"] == client.get("/api/v2/startups/1").json()["name"]
    assert client.get("/api/v2/startups/999999/registry").status_code == 404


def test_a_failing_partner_opens_the_circuit_then_a_trial_closes_it(client, partner):
    partner.mode, partner.hits = "down", 0
    failed = [client.get("/api/v2/startups/2/registry") for _ in range(2)]
    assert [response.status_code for response in failed] == [502, 502]
    assert failed[0].json()["error"]["code"] == "registry_failed" and partner.hits == 2

    open_ = client.get("/api/v2/startups/2/registry")  # open: answered without asking the partner
    assert open_.status_code == 503 and open_.json()["error"]["code"] == "registry_unavailable"
    assert 1 <= int(open_.headers["retry-after"]) <= COOLDOWN_SECONDS and partner.hits == 2

    partner.mode = "ok"
    time.sleep(COOLDOWN_SECONDS + 0.1)  # half-open: the next call is a trial
    assert client.get("/api/v2/startups/2/registry").status_code == 200 and partner.hits == 3
    assert client.get("/api/v2/startups/2/registry").status_code == 200  # closed again


def test_a_slow_partner_is_a_504_after_the_timeout(client, partner):
    partner.mode = "slow"
    started = time.monotonic()
    response = client.get("/api/v2/startups/3/registry")
    assert response.status_code == 504 and response.json()["error"]["code"] == "registry_timeout"
    assert time.monotonic() - started < TIMEOUT_SECONDS * 3  # gave up before the partner answered
    partner.mode = "ok"


def test_without_a_registry_url_the_route_is_off(backend):
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("REGISTRY_URL", raising=False)
        get_settings.cache_clear()
        paths = set(create_app().openapi()["paths"])
    get_settings.cache_clear()
    assert "/api/v2/startups/{startup_id}/registry" not in paths and "/api/v2/startups/{startup_id}" in paths


# --- the breaker and the client on their own (a fake clock, httpx2.MockTransport) ----------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_goes_closed_open_half_open_closed():
    clock = Clock()
    breaker = CircuitBreaker(failures_to_open=3, cooldown=30, counts=(PartnerDown,), clock=clock)
    calls = []

    async def fails():
        calls.append("fail")
        raise PartnerDown("500")

    async def works():
        calls.append("ok")
        return "record"

    async def scenario():
        for _ in range(2):
            with pytest.raises(PartnerDown):
                await breaker.call(fails)
        assert breaker.state == "closed" and await breaker.call(works) == "record"  # a success resets
        for _ in range(3):
            with pytest.raises(PartnerDown):
                await breaker.call(fails)
        assert breaker.state == "open"
        with pytest.raises(CircuitOpen) as opened:
            await breaker.call(works)  # fails fast: `works` is not called
        assert opened.value.retry_after == 30
        clock.now += 30
        assert breaker.state == "half-open"
        with pytest.raises(PartnerDown):
            await breaker.call(fails)  # the trial fails: open for another cool-down
        assert breaker.state == "open"
        clock.now += 30
        assert await breaker.call(works) == "record" and breaker.state == "closed"

    asyncio.run(scenario())
    assert calls == ["fail", "fail", "ok", "fail", "fail", "fail", "fail", "ok"]


def test_half_open_lets_one_trial_through_at_a_time():
    clock = Clock()
    breaker = CircuitBreaker(failures_to_open=1, cooldown=10, counts=(PartnerDown,), clock=clock)

    async def fails():
        raise PartnerDown("500")

    async def scenario():
        with pytest.raises(PartnerDown):
            await breaker.call(fails)
        clock.now += 10
        release = asyncio.Event()

        async def slow_trial():
            await release.wait()
            return "record"

        trial = asyncio.create_task(breaker.call(slow_trial))
        await asyncio.sleep(0)
        with pytest.raises(CircuitOpen):
            await breaker.call(slow_trial)  # a second caller while the trial runs fails fast
        release.set()
        assert await trial == "record" and breaker.state == "closed"

    asyncio.run(scenario())


def test_what_the_breaker_counts_and_what_the_client_answers():
    replies = iter([httpx2.Response(500), httpx2.Response(404), httpx2.Response(200, json={"name": "x"})])

    def partner(request: httpx2.Request) -> httpx2.Response:
        assert request.url.raw_path == b"/companies/Fjord%20Robotics%2F2"  # the name, quoted
        return next(replies)

    breaker = CircuitBreaker(failures_to_open=5, cooldown=30, counts=(httpx2.TransportError, PartnerDown))

    async def scenario():
        transport = httpx2.MockTransport(partner)
        async with httpx2.AsyncClient(transport=transport, base_url="http://registry.test") as client:
            registry = CompanyRegistry(client, breaker)
            with pytest.raises(RegistryFailed):
                await registry.lookup("Fjord Robotics/2")  # a 500 counts
            assert breaker.failures == 1
            with pytest.raises(Exception) as missing:
                await registry.lookup("Fjord Robotics/2")  # a 404 is an answer: resets the count
            assert missing.value.status_code == 404 and breaker.failures == 0
            with pytest.raises(RegistryFailed):
                await registry.lookup("Fjord Robotics/2")  # a body that is not a record counts
            assert breaker.failures == 1

        def times_out(request):
            raise httpx2.ReadTimeout("slow", request=request)

        async with httpx2.AsyncClient(transport=httpx2.MockTransport(times_out), base_url="http://r.test") as client:
            with pytest.raises(RegistryTimedOut):
                await CompanyRegistry(client, breaker).lookup("Fjord Robotics/2")
        assert breaker.failures == 2
        breaker.opened_at = breaker.clock()
        with pytest.raises(RegistryUnavailable) as unavailable:
            await CompanyRegistry(client, breaker).lookup("Fjord Robotics/2")
        assert unavailable.value.headers == {"Retry-After": "30"}

    asyncio.run(scenario())


# --- bodies that would exhaust the recursion limit ------------------------------------------------


# --8<-- [start:deep-json-body]
def test_a_body_nested_past_the_recursion_limit_is_a_400_not_a_crash(client):
    """json's C parser recurses once per nesting level, and CPython stops it with RecursionError
    before the C stack overflows (Python 3.11 at sys.getrecursionlimit(); from 3.12 a separate guard
    for C code); FastAPI answers a parse that raises with a 400 (invalid JSON is a 422), and the
    worker lives on."""
    depth = 100_000
    response = client.post(
        "/api/v2/query", content="[" * depth + "]" * depth, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "there_was_an_error_parsing_the_body"
    assert client.get("/health/live").status_code == 200  # the same app answers the next request
# --8<-- [end:deep-json-body]
