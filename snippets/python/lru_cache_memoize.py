from functools import lru_cache

calls = 0


@lru_cache(maxsize=2)  # keeps the 2 most recently used results
def exchange_rate(currency):
    global calls
    calls += 1  # stands in for a slow API call
    return {"EUR": 1.08, "GBP": 1.27, "JPY": 0.0064}[currency]


for currency in ["EUR", "EUR", "GBP", "EUR", "JPY", "GBP"]:
    exchange_rate(currency)
print(f"calls={calls}")  # GBP was evicted when JPY arrived
#> calls=4
print(exchange_rate.cache_info())
#> CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)
exchange_rate.cache_clear()


@lru_cache  # maxsize 128; arguments must be hashable
def fibonacci(n):
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


print(fibonacci(90))  # instant: each n is computed once
#> 2880067194370816120
