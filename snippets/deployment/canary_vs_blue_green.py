import hashlib
from collections import Counter

USERS = [f"user-{number}" for number in range(1000)]


# --8<-- [start:show]
def bucket(user_id: str) -> int:
    """0-99, stable per user: nobody flips between versions."""
    digest = hashlib.sha256(user_id.encode()).hexdigest()
    return int(digest, 16) % 100


def canary(user_id: str, percent: int) -> str:
    return "v2" if bucket(user_id) < percent else "v1"


environments = {"blue": "v1", "green": "v2"}
router = {"live": "blue"}  # the load balancer points at one


def blue_green(user_id: str) -> str:
    return environments[router["live"]]
# --8<-- [end:show]


for percent in (5, 25, 100):  # raised while error rates stay flat
    share = Counter(canary(user, percent) for user in USERS)
    print(f"canary at {percent}%: {dict(sorted(share.items()))}")
    #> canary at 5%: {'v1': 960, 'v2': 40}
    #> canary at 25%: {'v1': 741, 'v2': 259}
    #> canary at 100%: {'v2': 1000}
print("user-7 always gets", {canary("user-7", 25) for _ in range(10)})
#> user-7 always gets {'v1'}
print("blue-green:", dict(Counter(map(blue_green, USERS))))
#> blue-green: {'v1': 1000}
router["live"] = "green"  # one switch moves everyone; back = rollback
print("after the switch:", dict(Counter(map(blue_green, USERS))))
#> after the switch: {'v2': 1000}
