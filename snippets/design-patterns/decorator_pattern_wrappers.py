class PriceApi:
    def __init__(self) -> None:
        self.calls = 0

    def fetch(self, symbol: str) -> float:
        self.calls += 1  # stands in for a slow HTTP call
        return {"ACME": 12.5, "NOVA": 7.0}[symbol]


# --8<-- [start:show]
class Logged:  # same fetch() interface, adds logging, then delegates
    def __init__(self, inner, log: list[str]) -> None:
        self.inner, self.log = inner, log

    def fetch(self, symbol: str) -> float:
        self.log.append(f"fetch {symbol}")
        return self.inner.fetch(symbol)


class Cached:  # same interface, adds a cache in front
    def __init__(self, inner) -> None:
        self.inner, self.memo = inner, {}

    def fetch(self, symbol: str) -> float:
        if symbol not in self.memo:
            self.memo[symbol] = self.inner.fetch(symbol)
        return self.memo[symbol]


api, log = PriceApi(), []
client = Cached(Logged(api, log))  # layers stack; order matters
print([client.fetch(s) for s in ["ACME", "NOVA", "ACME", "ACME"]])
#> [12.5, 7.0, 12.5, 12.5]
print(log, f"api_calls={api.calls}")
#> ['fetch ACME', 'fetch NOVA'] api_calls=2
# --8<-- [end:show]
outer_log = []
uncached = Logged(Cached(api), outer_log)  # logging outside the cache
[uncached.fetch("ACME") for _ in range(3)]
print(outer_log, f"api_calls={api.calls}")
#> ['fetch ACME', 'fetch ACME', 'fetch ACME'] api_calls=3
