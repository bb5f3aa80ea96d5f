import functools
import multiprocessing
import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")


# --8<-- [start:show]
def compute_rates() -> str:  # expensive; counts its runs
    redis.Redis.from_url(URL).incr("layers:computed")
    return "EUR=1.08"


@functools.lru_cache(maxsize=128)  # per process
def rates_in_memory() -> str:
    return compute_rates()


def rates_in_redis() -> str:  # shared: one copy for every worker
    r = redis.Redis.from_url(URL, decode_responses=True)
    if (value := r.get("layers:rates")) is None:
        value = compute_rates()
        r.set("layers:rates", value, ex=300, nx=True)
    return value
# --8<-- [end:show]


def worker(get_rates) -> None:  # one web worker serving 3 requests
    for _ in range(3):
        get_rates()


if __name__ == "__main__":
    r = redis.Redis.from_url(URL, socket_connect_timeout=2)
    try:
        r.delete("layers:computed", "layers:rates")
    except redis.ConnectionError:
        sys.exit("Redis is not reachable: start it with scripts/services")
    fork = multiprocessing.get_context("fork")
    for get_rates in (rates_in_memory, rates_in_redis):
        r.delete("layers:computed")
        for _ in range(2):  # two worker processes, one after the other
            process = fork.Process(target=worker, args=(get_rates,))
            process.start()
            process.join()
        computed = int(r.get("layers:computed"))
        print(f"{get_rates.__name__}: computed {computed}x for 6 requests")
        #> rates_in_memory: computed 2x for 6 requests
        #> rates_in_redis: computed 1x for 6 requests
    r.delete("layers:computed", "layers:rates")
