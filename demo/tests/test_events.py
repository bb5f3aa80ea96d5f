"""Live startup events over a WebSocket: in process on the embedded backend; on the services
backend through Redis pub/sub, so a client connected to one app instance hears a write that
another instance handled."""

import json
import uuid

import anyio
import pytest
from fastapi.testclient import TestClient

from startups_api.events import MemoryBroadcaster, RedisBroadcaster
from startups_api.main import create_app
from startups_api.settings import get_settings


@pytest.fixture(scope="module")
def app(backend):
    """This module's instances share a channel of their own, so other test runs on the same Redis
    neither hear these events nor add to them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVENTS_CHANNEL", f"startups:events:test-{uuid.uuid4().hex}")
        get_settings.cache_clear()
        yield create_app()
    get_settings.cache_clear()


def next_message(websocket, seconds: float = 10.0) -> dict:
    """The next JSON message, or a failure after `seconds` instead of a hang."""

    async def receive():
        with anyio.fail_after(seconds):
            return await websocket._send_rx.receive()

    return json.loads(websocket.portal.call(receive)["text"])


def new_startup() -> dict:
    return {"name": f"Event Labs {uuid.uuid4().hex[:8]}", "sector": "devtools", "city": "Lisbon",
            "founded": 2021, "employees": 7}


def test_a_client_hears_the_writes_of_its_own_instance(client, app, backend, auth_headers):
    expected = RedisBroadcaster if backend == "services" else MemoryBroadcaster
    assert type(app.state.events) is expected
    with client.websocket_connect("/api/v2/ws/events") as websocket:
        assert next_message(websocket) == {"type": "subscribed"}
        created = client.post("/api/v2/startups", json=new_startup(), headers=auth_headers["editor"]).json()
        assert next_message(websocket) == {"type": "startup.created", "id": created["id"], "name": created["name"]}
        patch = {"version": created["version"], "employees": 8}
        assert client.patch(f"/api/v2/startups/{created['id']}", json=patch, headers=auth_headers["editor"]).is_success
        assert next_message(websocket) == {"type": "startup.updated", "id": created["id"], "version": 2}


def test_an_event_from_one_instance_reaches_a_client_of_another(client, backend, auth_headers):
    if backend != "services":  # embedded: each instance broadcasts in its own memory, by design
        with TestClient(create_app()) as other:
            assert other.app.state.events is not client.app.state.events
        return
    with TestClient(create_app()) as other, other.websocket_connect("/api/v2/ws/events") as websocket:
        assert next_message(websocket) == {"type": "subscribed"}
        created = client.post("/api/v2/startups", json=new_startup(), headers=auth_headers["editor"]).json()
        assert next_message(websocket) == {"type": "startup.created", "id": created["id"], "name": created["name"]}


def test_two_clients_on_one_instance_both_hear_an_event(client, auth_headers):
    with client.websocket_connect("/api/v2/ws/events") as first, client.websocket_connect("/api/v2/ws/events") as second:
        assert next_message(first) == next_message(second) == {"type": "subscribed"}
        created = client.post("/api/v2/startups", json=new_startup(), headers=auth_headers["editor"]).json()
        event = {"type": "startup.created", "id": created["id"], "name": created["name"]}
        assert next_message(first) == next_message(second) == event
    assert client.app.state.events.queues == set()  # both left: their queues are gone
