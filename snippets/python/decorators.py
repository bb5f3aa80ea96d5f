import functools
import time


def timed(func):  # takes a function, returns a replacement
    @functools.wraps(func)  # keep the name, docstring and signature
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            timings[func.__name__] = time.perf_counter() - started

    return wrapper


timings = {}


@timed  # the same as: total = timed(total)
def total(prices, tax=0.0):
    """Sum the prices and add tax."""
    time.sleep(0.05)  # stands in for a slow pricing call
    return round(sum(prices) * (1 + tax), 2)


print(total([10, 20], tax=0.2))
#> 36.0
print(timings["total"] >= 0.05)  # the wrapper measured the call
#> True
print(total.__name__, total.__doc__)  # wraps copied these
#> total Sum the prices and add tax.
print(total.__wrapped__([10, 20]))  # the original, undecorated function
#> 30.0
