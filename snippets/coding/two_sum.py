# --8<-- [start:show]
def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Indices of two positions whose values sum to target."""
    seen: dict[int, int] = {}  # value -> index where it was seen
    for index, value in enumerate(nums):
        partner = target - value
        if partner in seen:  # O(1) average dict lookup
            return seen[partner], index
        seen[value] = index  # after the check: no self-pair
    return None

# --8<-- [end:show]

cases = [
    (([2, 7, 11, 15], 9), (0, 1)),
    (([3, 3], 6), (0, 1)),  # duplicates: two positions
    (([3], 6), None),  # one element cannot pair with itself
    (([], 1), None),  # empty input
    (([-4, 1, 9, 5], 5), (0, 2)),  # negatives
    (([1, 2], 7), None),  # no answer
]
for (nums, target), expected in cases:
    result = two_sum(nums, target)
    assert result == expected, (nums, target, result)
    print(f"{nums} target={target} -> {result}")
    #> [2, 7, 11, 15] target=9 -> (0, 1)
    #> [3, 3] target=6 -> (0, 1)
    #> [3] target=6 -> None
    #> [] target=1 -> None
    #> [-4, 1, 9, 5] target=5 -> (0, 2)
    #> [1, 2] target=7 -> None
