from typing import Protocol


class VendorKeyValueClient:  # third-party: different names, bytes, ms
    def __init__(self) -> None:
        self.store: dict[bytes, bytes] = {}

    def fetch(self, raw_key: bytes) -> bytes | None:
        return self.store.get(raw_key)

    def put(self, raw_key: bytes, blob: bytes, expire_ms: int) -> None:
        self.store[raw_key] = blob


# --8<-- [start:show]
class Cache(Protocol):  # what our code expects
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str, ttl_seconds: int) -> None: ...


class VendorCacheAdapter:  # implements Cache by translating each call
    def __init__(self, client: VendorKeyValueClient):
        self.client, self.prefix = client, "cache:"

    def get(self, key: str) -> str | None:
        blob = self.client.fetch(f"{self.prefix}{key}".encode())
        return None if blob is None else blob.decode()

    def set(self, key: str, value: str, ttl_seconds: int) -> None:
        raw_key = f"{self.prefix}{key}".encode()
        expire_ms = ttl_seconds * 1000  # the vendor counts ms
        self.client.put(raw_key, value.encode(), expire_ms)


def cached_greeting(cache: Cache, name: str) -> str:  # knows only Cache
    if (hit := cache.get(name)) is not None:
        return f"{hit} (hit)"
    cache.set(name, f"hello {name}", ttl_seconds=60)
    return f"hello {name} (miss)"
# --8<-- [end:show]


client = VendorKeyValueClient()
cache = VendorCacheAdapter(client)
print(cached_greeting(cache, "ana"), "|", cached_greeting(cache, "ana"))
#> hello ana (miss) | hello ana (hit)
print(client.store)
#> {b'cache:ana': b'hello ana'}
