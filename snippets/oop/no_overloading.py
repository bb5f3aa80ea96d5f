from functools import singledispatchmethod


class Shapes:
    def area(self, side: float) -> float:
        return side * side

    def area(self, width: float, height: float) -> float:  # replaces the first
        return width * height


try:
    Shapes().area(3)
except TypeError:
    print("area(side) is gone: the second def replaced it")
    #> area(side) is gone: the second def replaced it


def page(items: list, limit: int = 2, offset: int = 0) -> list:  # defaults
    return items[offset:offset + limit]


print(page([1, 2, 3, 4]), page([1, 2, 3, 4], limit=3, offset=1))
#> [1, 2] [2, 3, 4]


class Exporter:
    @singledispatchmethod
    def export(self, value: object) -> str:
        raise TypeError(f"cannot export {type(value).__name__}")

    @export.register
    def _(self, value: dict) -> str:  # chosen by the type of `value`
        return ",".join(f"{key}={val}" for key, val in value.items())

    @export.register
    def _(self, value: list) -> str:
        return ";".join(map(str, value))


print(Exporter().export({"a": 1, "b": 2}), Exporter().export([1, 2, 3]))
#> a=1,b=2 1;2;3
