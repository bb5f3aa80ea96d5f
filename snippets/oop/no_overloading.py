import inspect

# --8<-- [start:show]
from functools import singledispatchmethod


class Shapes:
    def area(self, side: float) -> float:
        return side * side

    # replaces the first
    def area(self, width: float, height: float) -> float:
        return width * height


# defaults
def page(items: list, limit: int = 2, offset: int = 0) -> list:
    return items[offset:offset + limit]


class Exporter:
    @singledispatchmethod
    def export(self, value: object) -> str:
        raise TypeError(f"cannot export {type(value).__name__}")

    @export.register
    # chosen by the type of `value`
    def _(self, value: dict) -> str:
        return ",".join(f"{key}={val}" for key, val in value.items())

    @export.register
    def _(self, value: list) -> str:
        return ";".join(map(str, value))
# --8<-- [end:show]


# only the last def is left
print(inspect.signature(Shapes.area))
#> (self, width: float, height: float) -> float
print(page([1, 2, 3, 4]), page([1, 2, 3, 4], limit=3, offset=1))
#> [1, 2] [2, 3, 4]
print(Exporter().export({"a": 1, "b": 2}), Exporter().export([1, 2, 3]))
#> a=1,b=2 1;2;3
