# --8<-- [start:show]
class CircuitOpen(Exception):
    pass


class CircuitBreaker:
    def __init__(self, max_failures: int, reset_after: float, clock):
        self.max_failures, self.reset_after, self.clock = (
            max_failures, reset_after, clock)
        self.state, self.failures, self.opened_at = "closed", 0, 0.0

    def call(self, fn):
        if self.state == "open":
            if self.clock() - self.opened_at < self.reset_after:
                raise CircuitOpen("failing fast")  # partner not called
            self.state = "half-open"  # let one trial call through
        try:
            result = fn()
        except ConnectionError:
            self.failures += 1
            if self.state == "half-open" or self.failures >= self.max_failures:
                self.state, self.opened_at = "open", self.clock()
            raise
        self.state, self.failures = "closed", 0
        return result
# --8<-- [end:show]


def partner() -> str:
    if partner_down:
        raise ConnectionError("partner timed out")
    return "ok"


now, partner_down = 0.0, True
breaker = CircuitBreaker(max_failures=3, reset_after=30, clock=lambda: now)
for now, partner_down in [(1, True), (2, True), (3, True), (4, True),
                          (35, False), (36, False)]:
    try:
        outcome = breaker.call(partner)
    except (ConnectionError, CircuitOpen) as error:
        outcome = f"{type(error).__name__}: {error}"
    print(f"t={now:>2} {outcome:<36} state={breaker.state}")
    #> t= 1 ConnectionError: partner timed out   state=closed
    #> t= 2 ConnectionError: partner timed out   state=closed
    #> t= 3 ConnectionError: partner timed out   state=open
    #> t= 4 CircuitOpen: failing fast            state=open
    #> t=35 ok                                   state=closed
    #> t=36 ok                                   state=closed
