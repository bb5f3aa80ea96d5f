from collections.abc import Callable

Backoff = Callable[[int], float]  # attempt number -> seconds to wait


def fixed(attempt: int) -> float:
    return 1.0


def linear(attempt: int) -> float:
    return float(attempt)


def exponential(attempt: int) -> float:
    return min(2.0 ** attempt, 30.0)  # capped


STRATEGIES: dict[str, Backoff] = {
    "fixed": fixed, "linear": linear, "exponential": exponential,
}


class Retrier:
    def __init__(self, backoff: Backoff, attempts: int = 5) -> None:
        self.backoff = backoff  # the strategy, chosen by the caller
        self.attempts = attempts

    def schedule(self) -> list[float]:
        return [self.backoff(n) for n in range(1, self.attempts + 1)]


for name in ("fixed", "linear", "exponential"):  # say, from settings
    print(f"{name:>11}: {Retrier(STRATEGIES[name]).schedule()}")
    #>       fixed: [1.0, 1.0, 1.0, 1.0, 1.0]
    #>      linear: [1.0, 2.0, 3.0, 4.0, 5.0]
    #> exponential: [2.0, 4.0, 8.0, 16.0, 30.0]
print(Retrier(lambda attempt: 0.5).schedule())  # any callable fits
#> [0.5, 0.5, 0.5, 0.5, 0.5]
