"""Schemathesis fuzzes every operation of the demo's own OpenAPI schema over real HTTP, with valid
and invalid data and all of its default checks: every answer is documented (status, content type,
body and headers), valid requests are accepted, invalid ones are rejected, and none is a 5xx.
The run is seeded, so CI sends the same requests every time, and every operation must reach its
success path (a 2xx) at least once, so ranking, login and the CSV parser are really exercised."""

import socket
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import httpx2
import pytest
import schemathesis
import uvicorn
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from hypothesis import HealthCheck, example, settings
from schemathesis.config import SchemathesisConfig

# what Schemathesis' own pytest plugin builds each operation's test with: its schema examples, then generated cases
from schemathesis.generation.hypothesis.builder import HypothesisTestConfig, HypothesisTestMode, create_test

from startups_api.main import create_app
from startups_api.settings import get_settings

# Some of Schemathesis' strategies draw from `random`, which Hypothesis seeds: the run stays deterministic
pytestmark = pytest.mark.filterwarnings("ignore:Do not use the `random` module inside strategies")

# Both generation modes. The schema cannot say which cursors the API issued, nor which uploads are
# valid CSV rows, so there a schema-valid request may get the documented 422 the code sends.
CONFIG = """
[generation]
mode = "all"  # positive and negative

[[operations]]
include-path-regex = "^/api/v2/startups/(scroll|import)$"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]

# nor which Idempotency-Keys were used: a key sent again with another body is a 422 (as the IETF draft says)
[[operations]]
include-path = "/api/v2/startups"
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]
"""
FUZZ_SETTINGS = settings(
    max_examples=30,  # per operation, after the schema's examples, half of them invalid on purpose
    derandomize=True,  # the same requests on every run: a CI failure is reproducible
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(app: FastAPI, log_level: str = "warning") -> Iterator[str]:
    """The app on a real local port, in a thread; yields its URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the demo did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def served_app(backend):
    """The demo on a real local port, with a rate limit high enough not to hide other bugs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RATE_LIMIT_PER_MINUTE", "100000")
        get_settings.cache_clear()
        with serve(create_app()) as url:
            checks = httpx2.get(f"{url}/health/ready").json()["checks"]
            assert ("redis" in checks) == (backend == "services"), f"{backend} run, readiness checks {checks}"
            yield url
    get_settings.cache_clear()


def load_schema(url: str):
    return schemathesis.openapi.from_url(f"{url}/openapi.json", config=SchemathesisConfig.from_str(CONFIG))


def sign_in(url: str) -> dict:
    form = {"username": "ana", "password": get_settings().demo_password.get_secret_value()}
    return httpx2.post(f"{url}/api/v2/auth/token", data=form, timeout=10).json()


def checked_call(statuses: Counter, headers: dict):
    """The test body: send the case, count its status, then run every check on the response."""

    @FUZZ_SETTINGS
    def call_and_check(case):
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, headers=headers, transport_kwargs={"headers": headers})

    return call_and_check


def fuzz(schema, headers: dict, explicit: dict | None = None, only: str = "") -> tuple[dict, dict]:
    """Runs each operation's schema examples, then positive and negative cases, through every default
    check. Returns the statuses each operation got, and each failing operation's report: a failure
    stops only its own operation, and all of them are reported together."""
    statuses: dict[str, Counter] = defaultdict(Counter)
    failures: dict[str, str] = {}
    modes = [HypothesisTestMode.EXAMPLES, HypothesisTestMode.FUZZING]
    for result in schema.get_all_operations():
        operation = result.ok()
        if only not in operation.label:
            continue

        test = create_test(
            operation=operation,
            test_func=checked_call(statuses[operation.label], headers),
            config=HypothesisTestConfig(project=schema.config, modes=modes, settings=FUZZ_SETTINGS),
        )
        for case_of in (explicit or {}).get(operation.label, []):
            test = example(case=case_of(operation))(test)
        try:
            test()
        except (Exception, BaseExceptionGroup) as error:  # FailureGroup is a BaseExceptionGroup
            if isinstance(error, BaseExceptionGroup) and error.subgroup((KeyboardInterrupt, SystemExit)):
                raise
            failures[operation.label] = f"{type(error).__name__}: {error}"
    return statuses, failures


def test_every_operation_answers_as_documented_and_reaches_its_success_path(served_app):
    tokens = sign_in(served_app)
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}  # as admin: every operation is allowed
    password = get_settings().demo_password.get_secret_value()
    explicit = {  # values the schema cannot hold: the demo credentials and a live refresh token
        "POST /api/v2/auth/token": [
            lambda op: op.Case(
                body={"username": "ana", "password": password}, media_type="application/x-www-form-urlencoded"
            )
        ],
        "POST /api/v2/auth/refresh": [lambda op: op.Case(body={"refresh_token": tokens["refresh_token"]})],
    }
    schema = load_schema(served_app)
    statuses, failures = fuzz(schema, headers, explicit)
    report = "\n".join(f"{label}: {dict(sorted(counts.items()))}" for label, counts in sorted(statuses.items()))
    print(report)
    assert not failures, "\n\n".join(f"== {label}\n{text}" for label, text in failures.items())
    labels = {result.ok().label for result in schema.get_all_operations()}
    unreached = sorted(label for label in labels if not any(200 <= code < 300 for code in statuses[label]))
    assert not unreached, f"never answered 2xx: {unreached}\n{report}"


def test_the_fuzzer_catches_a_500_on_a_malformed_path_parameter():
    """A bug planted in a throwaway app (never the shared one): a malformed path parameter crashes.
    The same fuzzing must report it on each operation that has one, and only there."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DATABASE_URL", "REDIS_URL"):  # embedded, whichever backend module is active
            patch.delenv(name, raising=False)
        patch.setenv("RANK_WORKERS", "0")
        patch.setenv("RATE_LIMIT_PER_MINUTE", "100000")
        get_settings.cache_clear()
        app = create_app()
        answer_invalid = app.exception_handlers[RequestValidationError]

        async def crash_on_path(request, error):
            if any(item["loc"][0] == "path" for item in error.errors()):
                raise RuntimeError("planted: a malformed path parameter crashes")
            return await answer_invalid(request, error)

        app.exception_handlers[RequestValidationError] = crash_on_path
        with serve(app, log_level="critical") as url:  # the crash is expected: no tracebacks in the output
            headers = {"Authorization": f"Bearer {sign_in(url)['access_token']}"}
            statuses, failures = fuzz(load_schema(url), headers, only="/api/v2/startups")
    get_settings.cache_clear()
    with_path_parameter = {f"{method} /api/v2/startups/{{startup_id}}" for method in ("GET", "PATCH", "DELETE")}
    assert with_path_parameter < set(statuses), statuses
    assert set(failures) == with_path_parameter, failures
    assert all("Server error" in text for text in failures.values()), failures
