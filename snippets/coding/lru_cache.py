# --8<-- [start:show]
from collections import OrderedDict


class LRUCache:
    """At most `capacity` entries; evicts the least recent."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.items: OrderedDict = OrderedDict()  # oldest first

    def get(self, key: str, default: object = None) -> object:
        if key not in self.items:
            return default
        self.items.move_to_end(key)  # O(1): now the newest
        return self.items[key]

    def put(self, key: str, value: object) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        if len(self.items) > self.capacity:
            self.items.popitem(last=False)  # O(1): drop the oldest
# --8<-- [end:show]


cache = LRUCache(capacity=2)
cache.put("a", 1)
cache.put("b", 2)
cache.get("a")  # "a" is now more recent than "b"
cache.put("c", 3)  # evicts "b"
print(list(cache.items), cache.get("b", "miss"))
#> ['a', 'c'] miss
cache.put("a", 10)  # updating a key never evicts
print(dict(cache.items))
#> {'c': 3, 'a': 10}
assert list(cache.items) == ["c", "a"] and cache.get("a") == 10
try:
    LRUCache(0)
except ValueError as error:
    print(f"ValueError: {error}")
    #> ValueError: capacity must be at least 1
