# --8<-- [start:show]
from collections.abc import Callable, Iterable


def unique(items: Iterable, key: Callable = lambda x: x):
    """First-seen order, each key once: O(n) time and space."""
    seen: set = set()
    result = []
    for item in items:
        marker = key(item)
        if marker not in seen:  # O(1) average set lookup
            seen.add(marker)
            result.append(item)
    return result


items = [3, 1, 3, 2, 1]
print(list(dict.fromkeys(items)), unique(items))  # one-liner, loop
#> [3, 1, 2] [3, 1, 2]
# --8<-- [end:show]


cases = [
    ([3, 1, 3, 2, 1], [3, 1, 2]),
    ([], []),  # empty
    ([7, 7, 7], [7]),  # all the same
    ([1, 2, 3], [1, 2, 3]),  # nothing to remove
]
for items, expected in cases:
    assert unique(items) == expected == list(dict.fromkeys(items))
    print(items, "->", unique(items))
    #> [3, 1, 3, 2, 1] -> [3, 1, 2]
    #> [] -> []
    #> [7, 7, 7] -> [7]
    #> [1, 2, 3] -> [1, 2, 3]
print(unique(["Nova", "nova", "Orbit"], key=str.lower))  # by a key
#> ['Nova', 'Orbit']
