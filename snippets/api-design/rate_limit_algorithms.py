# --8<-- [start:show]
class FixedWindow:
    """At most `limit` requests per clock-aligned window of `window` s."""

    def __init__(self, limit: int, window: float):
        self.limit, self.window, self.counts = limit, window, {}

    def allow(self, now: float) -> bool:
        slot = int(now // self.window)  # 0-10 s is slot 0, 10-20 s slot 1
        self.counts[slot] = self.counts.get(slot, 0) + 1
        return self.counts[slot] <= self.limit


class TokenBucket:
    """Holds up to `capacity` tokens, refilled at `rate` per second."""

    def __init__(self, capacity: int, rate: float):
        self.capacity, self.rate = capacity, rate
        self.tokens, self.last = float(capacity), 0.0

    def allow(self, now: float) -> bool:
        elapsed, self.last = now - self.last, now
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
# --8<-- [end:show]


# 5 requests at 9.9 s and 5 more at 10.1 s: a burst across the boundary
burst = [9.9] * 5 + [10.1] * 5
for limiter in [FixedWindow(5, 10), TokenBucket(5, rate=0.5)]:
    allowed = sum(limiter.allow(now) for now in burst)
    print(f"{type(limiter).__name__}: {allowed} of 10 allowed in 0.2 s")
    #> FixedWindow: 10 of 10 allowed in 0.2 s
    #> TokenBucket: 5 of 10 allowed in 0.2 s
