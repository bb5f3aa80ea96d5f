# --8<-- [start:show]
def second_largest(numbers: list[float]) -> float | None:
    """Second largest distinct value: O(n) time, O(1) space."""
    first = second = None
    for n in numbers:
        if first is None or n > first:
            first, second = n, first  # old maximum moves down
        elif n != first and (second is None or n > second):
            second = n
    return second
# --8<-- [end:show]


cases = [
    ([3, 9, 4, 7], 7),
    ([5, 5, 3], 3),  # the maximum repeated does not count twice
    ([-2, -8, -1], -2),  # negatives
    ([4, 4, 4], None),  # no second distinct value
    ([1], None),
    ([], None),
]
for numbers, expected in cases:
    result = second_largest(numbers)
    assert result == expected, (numbers, result)
    print(numbers, "->", result)
    #> [3, 9, 4, 7] -> 7
    #> [5, 5, 3] -> 3
    #> [-2, -8, -1] -> -2
    #> [4, 4, 4] -> None
    #> [1] -> None
    #> [] -> None
print(sorted(set([3, 9, 4, 7]))[-2])  # the short O(n log n) version
#> 7
