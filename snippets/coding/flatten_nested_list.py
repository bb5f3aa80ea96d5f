# --8<-- [start:show]
from collections.abc import Iterable, Iterator


def flatten(items: Iterable) -> Iterator:
    """The leaves of nested lists and tuples, in order."""
    for item in items:
        # a str is iterable too, but it is a leaf
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
# --8<-- [end:show]


cases = [
    ([1, [2, [3, [4]]], 5], [1, 2, 3, 4, 5]),
    ([], []),  # empty
    ([[], [[]]], []),  # only empty lists
    (["ab", ("c", ["d"])], ["ab", "c", "d"]),  # strings stay whole
    ([1, 2, 3], [1, 2, 3]),  # already flat
]
for nested, expected in cases:
    assert list(flatten(nested)) == expected
    print(nested, "->", list(flatten(nested)))
    #> [1, [2, [3, [4]]], 5] -> [1, 2, 3, 4, 5]
    #> [] -> []
    #> [[], [[]]] -> []
    #> ['ab', ('c', ['d'])] -> ['ab', 'c', 'd']
    #> [1, 2, 3] -> [1, 2, 3]

one_level = [[1, 2], [3], []]
print([x for sub in one_level for x in sub])  # one level: a comprehension
#> [1, 2, 3]
