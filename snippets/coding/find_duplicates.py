from collections import Counter


def duplicates(items: list) -> list:
    """Values seen more than once, each once, first-seen order."""
    counts = Counter(items)  # one O(n) pass; keeps first-seen order
    return [value for value, count in counts.items() if count > 1]


cases = [
    ([1, 2, 3, 2, 1, 2], [1, 2]),
    ([], []),  # empty
    ([1, 2, 3], []),  # no duplicates
    (["a", "A", "a"], ["a"]),  # case matters
    ([0, 0, False], [0]),  # 0 == False: same dict key
]
for items, expected in cases:
    result = duplicates(items)
    assert result == expected, (items, result)
    print(items, "->", result)
    #> [1, 2, 3, 2, 1, 2] -> [1, 2]
    #> [] -> []
    #> [1, 2, 3] -> []
    #> ['a', 'A', 'a'] -> ['a']
    #> [0, 0, False] -> [0]
print(Counter([1, 2, 3, 2, 1, 2]).most_common(1))  # and how often
#> [(2, 3)]
