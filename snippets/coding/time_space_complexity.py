# --8<-- [start:show]
def has_duplicate_pairs(items: list) -> tuple[bool, int]:
    """O(n^2) time, O(1) extra space: compare every pair."""
    steps = 0
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            steps += 1
            if items[i] == items[j]:
                return True, steps
    return False, steps


def has_duplicate_set(items: list) -> tuple[bool, int]:
    """O(n) time, O(n) extra space: remember what was seen."""
    seen, steps = set(), 0
    for item in items:
        steps += 1
        if item in seen:
            return True, steps
        seen.add(item)
    return False, steps


def halvings(n: int) -> int:
    """O(log n): how often n halves, like binary search."""
    steps = 0
    while n > 1:
        n, steps = n // 2, steps + 1
    return steps
# --8<-- [end:show]


for n in (10, 100, 1000):  # worst case: no duplicate at all
    items = list(range(n))
    print(n, has_duplicate_pairs(items)[1], has_duplicate_set(items)[1],
          halvings(n))
    #> 10 45 10 3
    #> 100 4950 100 6
    #> 1000 499500 1000 9
