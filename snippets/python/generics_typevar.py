from typing import Generic, TypeVar, get_args

# Python 3.12+ spells these without TypeVar or Generic:
#   def first[T](items: list[T]) -> T: ...
#   class Page[T]: ...
# This file uses the older form so it also runs on 3.11.
T = TypeVar("T")


def first(items: list[T]) -> T:  # the return type follows the input
    return items[0]


class Page(Generic[T]):
    def __init__(self, items: list[T], total: int) -> None:
        self.items = items
        self.total = total


names = first(["ana", "eli"])  # a checker infers str
page: Page[int] = Page([1, 2, 3], total=10)  # items: list[int]
print(names.upper(), sum(page.items))
#> ANA 6
print(get_args(Page[int]), get_args(dict[str, list[int]]))
#> (<class 'int'>,) (<class 'str'>, list[int])
