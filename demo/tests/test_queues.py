"""The transactional outbox, its relay, the Redis lock and the Celery task, on both backends;
the lock and a real Celery worker against the real Redis."""

import asyncio
import json
import secrets
import threading
import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from service_env import service_urls
from startups_api import tasks
from startups_api.db import OutboxEvent, Startup, new_event_id
from startups_api.outbox import MemoryLock, OutboxRelay, RedisLock, relay_outbox
from startups_api.settings import Settings
from startups_api.tasks import NOTIFY_STARTUP_CREATED, make_celery


def new_startup(name: str) -> dict:
    return {
        "name": name,
        "sector": "fintech",
        "city": "Lisbon",
        "founded": 2021,
        "employees": 4,
        "description": "Queues and outboxes for small lenders.",
    }


def run(client, function, *args):
    return client.portal.call(function, *args)


async def outbox_rows(app, name: str) -> list[OutboxEvent]:
    async with app.state.sessions() as session:
        return list(await session.scalars(select(OutboxEvent).where(OutboxEvent.payload.contains(f'"{name}"'))))


async def startups_named(app, name: str) -> int:
    async with app.state.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Startup).where(Startup.name == name))


def test_a_new_startup_commits_its_event_and_the_relay_hands_it_to_celery(app, client, auth_headers, backend):
    name = f"Outbox {backend} {secrets.token_hex(3)}"
    response = client.post("/api/v2/startups", json=new_startup(name), headers=auth_headers["editor"])
    assert response.status_code == 201
    [event] = run(client, outbox_rows, app, name)  # the relay ran after the response, in the background
    assert json.loads(event.payload) == {"startup_id": response.json()["id"], "name": name}
    assert event.sent_at is not None
    assert run(client, app.state.outbox_relay.run_once) == 0  # nothing left to send
    if backend == "embedded":  # no broker: the task ran inline and delivered the notification
        assert app.state.celery.notifications.delivered().count(event.payload) == 1
    else:  # the message waits in the Redis broker's queue for a worker
        queued = client.portal.call(app.state.redis.lrange, "celery", 0, -1)
        bodies = [json.loads(message)["headers"]["argsrepr"] for message in queued]
        assert sum(str(event.id) in body and name in body for body in bodies) == 1


def test_an_error_after_the_insert_rolls_back_the_startup_and_its_event(app, client, auth_headers):
    def fail_after_the_inserts(session, flush_context):
        if any(isinstance(row, OutboxEvent) for row in session.new):  # the INSERTs have run
            raise RuntimeError("planted: the process fails after the INSERTs, before the commit")

    name = f"Rolled back {secrets.token_hex(3)}"
    event.listen(Session, "after_flush", fail_after_the_inserts)
    try:
        with pytest.raises(RuntimeError, match="planted"):
            client.post("/api/v2/startups", json=new_startup(name), headers=auth_headers["editor"])
    finally:
        event.remove(Session, "after_flush", fail_after_the_inserts)
    assert run(client, startups_named, app, name) == 0
    assert run(client, outbox_rows, app, name) == []


def test_racing_relays_send_each_event_once(app, client, backend):
    published: list[uuid.UUID] = []

    async def publish(event: OutboxEvent) -> None:
        await asyncio.sleep(0.01)  # a broker round trip: the other relays run meanwhile
        published.append(event.id)

    async def scenario() -> list[int]:
        async with app.state.sessions() as session, session.begin():
            events = [OutboxEvent(topic="test.race", payload=json.dumps({"n": n})) for n in range(30)]
            session.add_all(events)
        ours = [event.id for event in events]
        relays = [OutboxRelay(app.state.sessions, publish, app.state.outbox_relay.lock) for _ in range(3)]
        await asyncio.gather(*(relay.run_once() for relay in relays))  # one holds the lock, two skip
        if backend == "services":  # no lock: FOR UPDATE SKIP LOCKED alone keeps them apart
            async with app.state.sessions() as session:
                session.add_all(OutboxEvent(topic="test.race", payload="{}") for _ in range(30))
                await session.commit()

            async def bare_relay() -> int:
                async with app.state.sessions() as session:
                    return await relay_outbox(session, publish, batch=10)

            await asyncio.gather(*(bare_relay() for _ in range(6)))
            while await bare_relay():
                pass
        await OutboxRelay(app.state.sessions, publish, MemoryLock()).run_once()  # a later run: nothing new
        return ours

    ours = run(client, scenario)
    assert set(ours) <= set(published)  # every event of ours was sent
    assert len(published) == len(set(published)), "an event was published twice"


# --- against the real Redis: the lock and a real Celery worker --------------------------------


@pytest.fixture
def redis_url():
    return service_urls()[1]


def test_a_second_holder_cannot_take_the_redis_lock(redis_url):
    async def scenario():
        redis = Redis.from_url(redis_url)
        name = f"test-{secrets.token_hex(4)}"
        first, second = RedisLock(redis, name), RedisLock(redis, name)
        token = await first.acquire()
        refused = await second.acquire()
        released = await first.release(token)
        after = await second.acquire()
        await second.release(after)
        await redis.aclose()
        return token is not None, refused, released, after is not None

    assert asyncio.run(scenario()) == (True, None, True, True)


def test_a_holder_whose_lock_expired_cannot_release_the_next_holder_s(redis_url):
    async def scenario():
        redis = Redis.from_url(redis_url)
        name = f"test-{secrets.token_hex(4)}"
        slow, next_holder = RedisLock(redis, name, ttl_ms=100), RedisLock(redis, name)
        slow_token = await slow.acquire()
        await asyncio.sleep(0.3)  # the slow holder's lock expires while it still works
        next_token = await next_holder.acquire()
        released_by_slow = await slow.release(slow_token)  # not its token any more: nothing deleted
        still_held = await redis.get(next_holder.key) == next_token.encode()
        await next_holder.release(next_token)
        await redis.aclose()
        return released_by_slow, still_held

    assert asyncio.run(scenario()) == (False, True)


def plant_one_failure(monkeypatch, task, planted_id: str) -> list[int]:
    """The first delivery of one event fails like a dropped Redis connection; returns the list
    of the task's retry count at each delivery of that event."""
    calls, lock = [], threading.Lock()
    original = tasks.RedisNotifications.deliver_once

    def deliver_once(notifier, event_id, message):
        if event_id == planted_id:
            with lock:
                calls.append(task.request.retries)
                if len(calls) == 1:
                    raise RedisConnectionError("planted: connection reset")
        return original(notifier, event_id, message)

    monkeypatch.setattr(tasks.RedisNotifications, "deliver_once", deliver_once)
    return calls


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_real_worker_retries_a_transient_failure_and_delivers_once(redis_url, monkeypatch):
    celery = make_celery(Settings(redis_url=redis_url))
    task = celery.tasks[NOTIFY_STARTUP_CREATED]
    assert task.acks_late and task.reject_on_worker_lost and task.max_retries == 5
    event_id = str(new_event_id())
    message = json.dumps({"startup_id": event_id, "name": "Worker test"})
    calls = plant_one_failure(monkeypatch, task, event_id)
    feed = celery.notifications
    with start_worker(celery, pool="solo", perform_ping_check=False, shutdown_timeout=20):
        task.apply_async((event_id, message))
        wait_for(lambda: message in feed.delivered(), 20, "the task to deliver after its retry")
        assert calls == [0, 1]  # the first attempt failed; the retry (retries == 1) delivered
        task.apply_async((event_id, message))  # the broker delivers the same event again
        wait_for(lambda: len(calls) == 3, 20, "the worker to run the redelivered message")
    assert feed.delivered().count(message) == 1
    celery.close()


def test_without_redis_the_task_runs_inline_and_retries_there():
    celery = make_celery(Settings(redis_url=None))
    task = celery.tasks[NOTIFY_STARTUP_CREATED]
    calls = []
    original = tasks.MemoryNotifications.deliver_once

    def flaky(notifier, event_id, message):
        calls.append(event_id)
        if len(calls) == 1:
            raise RedisConnectionError("planted")
        return original(notifier, event_id, message)

    event_id = str(new_event_id())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tasks.MemoryNotifications, "deliver_once", flaky)
        first = task.delay(event_id, "inline").get()
        again = task.delay(event_id, "inline").get()
    assert (first, again, calls) == (True, False, [event_id] * 3)
