# --8<-- [start:show]
def linear_search(items: list, target) -> tuple[int, int]:
    """Any list. Returns (index or -1, comparisons)."""
    for index, item in enumerate(items):
        if item == target:
            return index, index + 1
    return -1, len(items)


def binary_search(items: list, target) -> tuple[int, int]:
    """Sorted list only: halve the range each step."""
    low, high, steps = 0, len(items) - 1, 0
    while low <= high:
        steps += 1
        middle = (low + high) // 2
        if items[middle] == target:
            return middle, steps
        if items[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return -1, steps
# --8<-- [end:show]


numbers = list(range(0, 2_000_000, 2))  # one million sorted even numbers
for target in [0, 999_998, 1_999_998, 7]:  # first, middle, last, missing
    print(target, linear_search(numbers, target),
          binary_search(numbers, target))
    #> 0 (0, 1) (0, 19)
    #> 999998 (499999, 500000) (499999, 1)
    #> 1999998 (999999, 1000000) (999999, 20)
    #> 7 (-1, 1000000) (-1, 20)
for items in ([], [5]):  # edges: empty, one item
    assert binary_search(items, 5)[0] == linear_search(items, 5)[0]
assert binary_search([1, 3, 5], 4) == (-1, 2)

import bisect  # noqa: E402  the standard library's binary search

for target in (999_998, 7):
    i = bisect.bisect_left(numbers, target)  # the insertion point
    print(target, i, i < len(numbers) and numbers[i] == target)
    #> 999998 499999 True
    #> 7 4 False
