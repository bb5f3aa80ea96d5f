import cProfile
import io
import pstats
import time

emails = [f"user{n % 4_000}@example.com" for n in range(8_000)]


def unique_slow(items):
    seen = []
    for item in items:
        if item not in seen:  # O(n) scan inside a loop: O(n^2) total
            seen.append(item)
    return seen


def unique_fast(items):
    return list(dict.fromkeys(items))  # O(n): hashing, and keeps order


profile = cProfile.Profile()
profile.runcall(unique_slow, emails)  # 1. measure: where does time go?
out = io.StringIO()
pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(1)
print("unique_slow" in out.getvalue())
#> True

started = time.perf_counter()
slow = unique_slow(emails)
middle = time.perf_counter()
fast = unique_fast(emails)
ended = time.perf_counter()
print(slow == fast, (middle - started) > 10 * (ended - middle))  # 2. fix
#> True True
