# --8<-- [start:show]
import gc
import weakref

events = []


class Connection:
    def __init__(self, name):
        self.name = name

    def __del__(self):  # runs when the object is destroyed
        events.append(f"__del__ {self.name}")


conn = Connection("a")
del conn  # refcount hit zero: __del__ runs at once
print(events)
#> ['__del__ a']

first, second = Connection("b"), Connection("c")
first.peer, second.peer = second, first  # a cycle
del first, second
print(events)  # not yet: the counts never reach zero
#> ['__del__ a']
gc.collect()  # the cycle collector finalizes and frees them
print(sorted(events))
#> ['__del__ a', '__del__ b', '__del__ c']
# --8<-- [end:show]


class Pool:
    pass


pool = Pool()
weakref.finalize(pool, events.append, "finalize: pool closed")  # safer hook
del pool
print(events[-1])
#> finalize: pool closed
