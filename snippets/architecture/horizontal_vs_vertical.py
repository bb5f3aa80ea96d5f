import itertools
from collections import Counter

from fastapi import FastAPI
from fastapi.testclient import TestClient


def create_replica(name: str) -> TestClient:
    app = FastAPI()

    @app.get("/")
    def hello() -> dict:
        return {"served_by": name}

    return TestClient(app)


# --8<-- [start:show]
def send(replicas: dict[str, TestClient], down: set[str], requests=6):
    """A load balancer: round robin over replicas that pass health checks."""
    healthy = [client for name, client in replicas.items() if name not in down]
    if not healthy:
        return f"0 of {requests} served"
    balancer = itertools.cycle(healthy)
    return Counter(next(balancer).get("/").json()["served_by"]
                   for _ in range(requests))


vertical = {"big-box": create_replica("big-box")}  # scale up: one bigger box
pods = ("pod-1", "pod-2", "pod-3")  # scale out: more copies
horizontal = {name: create_replica(name) for name in pods}
print(send(vertical, down=set()))
#> Counter({'big-box': 6})
print(send(vertical, down={"big-box"}))
#> 0 of 6 served
print(send(horizontal, down=set()))
#> Counter({'pod-1': 2, 'pod-2': 2, 'pod-3': 2})
print(send(horizontal, down={"pod-2"}))
#> Counter({'pod-1': 3, 'pod-3': 3})
# --8<-- [end:show]
