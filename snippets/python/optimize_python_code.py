import time

# --8<-- [start:show]
import cProfile
import pstats

emails = [f" User{n % 4_000}@example.com" for n in range(8_000)]


def unique_slow(items):
    seen = []
    for item in items:
        if item not in seen:  # O(n) scan in a loop: O(n^2)
            seen.append(item)
    return seen


def build_report(items):
    cleaned = [item.strip().lower() for item in items]
    return unique_slow(cleaned)


# 1. measure: which function holds the time?
profile = cProfile.Profile()
profile.runcall(build_report, emails)
stats = pstats.Stats(profile).stats  # (file, line, name) -> row
tottime = {key[2]: row[2] for key, row in stats.items()}
hottest = max(tottime, key=tottime.get)
share = tottime[hottest] / sum(tottime.values())
print(hottest, "holds over 80%:", share > 0.8)
#> unique_slow holds over 80%: True
# --8<-- [end:show]


def unique_fast(items):
    return list(dict.fromkeys(items))  # 2. fix: O(n), keeps order


cleaned = [item.strip().lower() for item in emails]
started = time.perf_counter()
slow = unique_slow(cleaned)
middle = time.perf_counter()
fast = unique_fast(cleaned)
ended = time.perf_counter()
print("same result:", slow == fast)
#> same result: True
print("fix 10x faster:", (middle - started) > 10 * (ended - middle))
#> fix 10x faster: True
