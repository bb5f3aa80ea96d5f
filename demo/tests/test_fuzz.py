"""Schemathesis fuzzes every operation of the demo's own OpenAPI schema over real HTTP:
whatever it sends, the service answers with a documented shape or a 4xx, never a 5xx."""

import socket
import threading
import time

import httpx2
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from startups_api.main import create_app
from startups_api.settings import get_settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served_app(backend):
    """The demo on a real local port, with a rate limit high enough not to hide other bugs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RATE_LIMIT_PER_MINUTE", "100000")
        get_settings.cache_clear()
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "the demo did not start"
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        checks = httpx2.get(f"{url}/health/ready").json()["checks"]
        assert ("redis" in checks) == (backend == "services"), f"{backend} run, readiness checks {checks}"
        yield url
        server.should_exit = True
        thread.join(timeout=10)
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def api_schema(served_app):
    return schemathesis.openapi.from_url(f"{served_app}/openapi.json")


@pytest.fixture(scope="module")
def admin_token(served_app):
    import requests

    form = {"username": "ana", "password": get_settings().demo_password.get_secret_value()}
    return requests.post(f"{served_app}/api/v2/auth/token", data=form, timeout=10).json()["access_token"]


def test_no_input_makes_the_service_fail(api_schema, admin_token):
    headers = {"Authorization": f"Bearer {admin_token}"}  # as admin, so every code path is reachable
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def never_a_server_error(case):
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        try:
            never_a_server_error()
        except Exception as error:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
