import hashlib
from collections import Counter

USERS = [f"user-{number}" for number in range(1000)]


def bucket(user_id: str) -> int:
    """0-99 and stable per user, so a user never flips between versions."""
    return int(hashlib.sha256(user_id.encode()).hexdigest(), 16) % 100


def canary(user_id: str, percent: int) -> str:
    return "v2" if bucket(user_id) < percent else "v1"


for percent in (5, 25, 100):  # raised step by step while error rates stay flat
    share = Counter(canary(user, percent) for user in USERS)
    print(f"canary at {percent}%: {dict(sorted(share.items()))}")
    #> canary at 5%: {'v1': 960, 'v2': 40}
    #> canary at 25%: {'v1': 741, 'v2': 259}
    #> canary at 100%: {'v2': 1000}
print({canary("user-7", 25) for _ in range(10)})  # sticky per user
#> {'v1'}

# blue-green: two full environments, the load balancer points at one
environments = {"blue": "v1", "green": "v2"}
router = {"live": "blue"}


def blue_green(user_id: str) -> str:
    return environments[router["live"]]


print(Counter(map(blue_green, USERS)))
#> Counter({'v1': 1000})
router["live"] = "green"  # one switch moves everyone; switching back = rollback
print(Counter(map(blue_green, USERS)))
#> Counter({'v2': 1000})
