# --8<-- [start:show]
import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """At most `limit` calls in any `window` seconds (a sliding log)."""

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.calls: deque[float] = deque()  # timestamps, oldest first
        self.lock = threading.Lock()  # check-and-append must be atomic

    def allow(self) -> bool:
        with self.lock:
            now = self.clock()
            while self.calls and self.calls[0] <= now - self.window:
                self.calls.popleft()  # drop calls that left the window
            if len(self.calls) >= self.limit:
                return False
            self.calls.append(now)
            return True
# --8<-- [end:show]


now = 0.0
limiter = SlidingWindowLimiter(3, window=10, clock=lambda: now)  # fake clock
for now in [0, 1, 2, 3, 9.9, 10, 11.5]:
    print(f"t={now:>4}: {'allowed' if limiter.allow() else 'rejected'}")
    #> t=   0: allowed
    #> t=   1: allowed
    #> t=   2: allowed
    #> t=   3: rejected
    #> t= 9.9: rejected
    #> t=  10: allowed
    #> t=11.5: allowed
