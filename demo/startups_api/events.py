"""Live startup events ("startup.created", "startup.updated") pushed to WebSocket clients on every
worker: with Redis, each worker publishes to one pub/sub channel and forwards what it hears to its
own sockets; embedded (no REDIS_URL), one process delivers in memory."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, Depends, FastAPI, WebSocket
from redis.asyncio import Redis
from redis.exceptions import RedisError
from starlette.requests import HTTPConnection

from .settings import get_settings

log = logging.getLogger("startups_api")


class Broadcaster(Protocol):
    async def publish(self, event: dict[str, Any]) -> None: ...

    def subscribe(self) -> Any: ...


# --8<-- [start:pubsub-fanout]
class LocalFanOut:
    """This process's WebSocket clients, one bounded queue each: a client too slow to keep up
    loses events instead of holding up the others."""

    def __init__(self, queue_size: int = 100) -> None:
        self.queues: set[asyncio.Queue[dict[str, Any]]] = set()
        self.queue_size = queue_size

    @contextmanager
    def subscribe(self) -> Iterator[asyncio.Queue[dict[str, Any]]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(self.queue_size)
        self.queues.add(queue)
        try:
            yield queue
        finally:
            self.queues.discard(queue)

    def deliver(self, event: dict[str, Any]) -> None:
        for queue in self.queues:
            with suppress(asyncio.QueueFull):
                queue.put_nowait(event)


class MemoryBroadcaster(LocalFanOut):
    """Embedded default, one process: publishing is delivering. Behind several workers a client
    would only hear the events of the worker it happens to be connected to."""

    async def publish(self, event: dict[str, Any]) -> None:
        self.deliver(event)


class RedisBroadcaster(LocalFanOut):
    """Every worker publishes to one Redis channel and runs one listener that forwards each message
    to its own clients, so an event reaches clients on every worker. Pub/sub keeps nothing: a
    client that is not connected when an event is published never sees it."""

    def __init__(self, redis: Redis, channel: str) -> None:
        super().__init__()
        self.redis, self.channel = redis, channel
        self.subscribed = asyncio.Event()
        self.listener: asyncio.Task[None] | None = None

    async def publish(self, event: dict[str, Any]) -> None:
        try:
            await self.redis.publish(self.channel, json.dumps(event))
        except RedisError as error:  # the write is committed; a live update is best effort
            log.warning("event %s not published: %s", event.get("type"), error)

    async def listen(self) -> None:
        failing = False
        while True:
            try:
                async with self.redis.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    async for message in pubsub.listen():
                        if message["type"] == "subscribe":
                            self.subscribed.set()
                            failing = False
                        elif message["type"] == "message":
                            self.deliver(json.loads(message["data"]))
            except (RedisError, OSError) as error:  # Redis went away: subscribe again when it is back
                self.subscribed.clear()
                if not failing:
                    log.warning("events: lost the subscription to %s (%s); retrying", self.channel, error)
                failing = True
                await asyncio.sleep(1)

    async def start(self, wait_seconds: float = 5.0) -> None:
        self.listener = asyncio.create_task(self.listen())
        try:  # serve only once subscribed, so no event published after startup is missed
            await asyncio.wait_for(self.subscribed.wait(), wait_seconds)
        except TimeoutError:
            log.warning("events: not subscribed to %s yet; starting anyway", self.channel)

    async def stop(self) -> None:
        if self.listener:
            self.listener.cancel()
            with suppress(asyncio.CancelledError):
                await self.listener
# --8<-- [end:pubsub-fanout]


@asynccontextmanager
async def events_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Merged into the app's lifespan by include_router, after it has made app.state.redis."""
    if app.state.redis:
        broadcaster = RedisBroadcaster(app.state.redis, get_settings().events_channel)
        await broadcaster.start()
    else:
        broadcaster = MemoryBroadcaster()
    app.state.events = broadcaster
    try:
        yield
    finally:
        if isinstance(broadcaster, RedisBroadcaster):
            await broadcaster.stop()


router = APIRouter(tags=["realtime"], lifespan=events_lifespan)


async def forward(queue: asyncio.Queue[dict[str, Any]], websocket: WebSocket) -> None:
    while True:
        await websocket.send_json(await queue.get())


@router.websocket("/api/v2/ws/events")
async def startup_events(websocket: WebSocket) -> None:
    """Sends {"type": "subscribed"}, then every startup event as it happens, whichever worker
    handled the write. The client sends nothing; the loop below only notices when it leaves."""
    await websocket.accept()
    with websocket.app.state.events.subscribe() as queue:
        await websocket.send_json({"type": "subscribed"})
        sender = asyncio.create_task(forward(queue, websocket))
        try:
            while (await websocket.receive())["type"] != "websocket.disconnect":
                pass
        finally:
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)


def get_events(connection: HTTPConnection) -> Broadcaster:
    return connection.app.state.events


EventsDep = Annotated[Broadcaster, Depends(get_events)]
