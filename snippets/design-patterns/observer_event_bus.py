from collections import defaultdict
from collections.abc import Callable

# --8<-- [start:show]
Handler = Callable[[dict], None]


class EventBus:
    def __init__(self) -> None:
        self.subscribers: dict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, event: str, handler: Handler) -> None:
        self.subscribers[event].append(handler)

    def unsubscribe(self, event: str, handler: Handler) -> None:
        self.subscribers[event].remove(handler)

    def publish(self, event: str, payload: dict) -> None:
        for handler in list(self.subscribers[event]):
            handler(payload)


bus, log = EventBus(), []


def audit(payload: dict) -> None:
    log.append(f"audit: created {payload['id']}")


bus.subscribe("startup.created", audit)
bus.subscribe(
    "startup.created", lambda p: log.append(f"cache: drop {p['id']}")
)
bus.subscribe(
    "startup.deleted", lambda p: log.append(f"email: {p['id']} gone")
)

bus.publish("startup.created", {"id": 7})
bus.unsubscribe("startup.created", audit)
bus.publish("startup.created", {"id": 8})
bus.publish("startup.ignored", {"id": 9})  # no subscribers
# --8<-- [end:show]
for line in log:
    print(line)
    #> audit: created 7
    #> cache: drop 7
    #> cache: drop 8
