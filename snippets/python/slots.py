# --8<-- [start:show]
import tracemalloc
from dataclasses import dataclass


class PointDict:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointSlots:
    __slots__ = ("x", "y")  # fixed attributes, no per-instance __dict__

    def __init__(self, x, y):
        self.x, self.y = x, y


def memory_for(cls):
    tracemalloc.start()
    points = [cls(i, i) for i in range(10_000)]  # noqa: F841  kept alive
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return used


print(memory_for(PointSlots) < memory_for(PointDict))
#> True
point = PointSlots(1, 2)
try:
    point.z = 3  # no __dict__ to put it in
except AttributeError as error:
    print(type(error).__name__, hasattr(point, "__dict__"))
    #> AttributeError False
# --8<-- [end:show]


@dataclass(slots=True)  # Python 3.10+: the dataclass writes __slots__
class Reading:
    sensor: str
    value: float


print(Reading.__slots__)
#> ('sensor', 'value')
