from collections.abc import Callable, Hashable, Iterable


def unique(items: Iterable, key: Callable[[object], Hashable] = lambda x: x):
    """Items in first-seen order, each key once: O(n) time, O(n) extra space."""
    seen: set = set()
    result = []
    for item in items:
        marker = key(item)
        if marker not in seen:  # O(1) average set lookup
            seen.add(marker)
            result.append(item)
    return result


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
