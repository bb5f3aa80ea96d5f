# --8<-- [start:show]
import hashlib
import itertools

PODS = ["pod-a", "pod-b", "pod-c"]

# round robin: each pod in turn; fine when requests cost about the same
turn = itertools.cycle(PODS)
print([next(turn) for _ in range(6)])
#> ['pod-a', 'pod-b', 'pod-c', 'pod-a', 'pod-b', 'pod-c']

# weighted round robin: pod-c is twice as big, so it gets twice the share
weighted = itertools.cycle(["pod-a", "pod-b", "pod-c", "pod-c"])
print([next(weighted) for _ in range(8)].count("pod-c"))
#> 4

# least connections: the pod with the fewest requests in flight
open_connections = {"pod-a": 12, "pod-b": 3, "pod-c": 7}
print(min(open_connections, key=open_connections.get))
#> pod-b


def ip_hash(client_ip: str, pods: list[str]) -> str:
    """Sticky: the same client always lands on the same pod."""
    digest = int(hashlib.sha256(client_ip.encode()).hexdigest(), 16)
    return pods[digest % len(pods)]


print({ip_hash("203.0.113.9", PODS) for _ in range(5)})
#> {'pod-a'}
# --8<-- [end:show]
clients = [f"10.0.{n // 256}.{n % 256}" for n in range(1000)]
bigger = PODS + ["pod-d"]
moved = sum(ip_hash(ip, PODS) != ip_hash(ip, bigger) for ip in clients)
print(f"adding a pod moves {moved / len(clients):.0%} of clients")
#> adding a pod moves 76% of clients
