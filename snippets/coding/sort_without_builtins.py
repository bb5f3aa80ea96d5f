import random


# --8<-- [start:show]
def merge_sort(items: list) -> list:
    """Stable, O(n log n); a new list, O(n) extra space."""
    if len(items) <= 1:
        return items[:]
    middle = len(items) // 2
    left = merge_sort(items[:middle])
    right = merge_sort(items[middle:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:  # <= on ties: stable
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]
# --8<-- [end:show]


rng = random.Random(7)
cases = [[], [1], [2, 1], [3, 1, 2, 1], [-5, 0, -5, 9], list(range(5))[::-1]]
cases += [[rng.randint(-50, 50) for _ in range(rng.randint(0, 30))]
          for _ in range(200)]
for case in cases:
    assert merge_sort(case) == sorted(case)  # built-in used only to check
print(merge_sort([5, 2, 9, 1, 5, 6]), merge_sort([]))
#> [1, 2, 5, 5, 6, 9] []
print(f"checked {len(cases)} lists")
#> checked 206 lists
