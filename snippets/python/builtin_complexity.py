import timeit

sizes = (1_000, 100_000)  # 100x more items


def seconds(statement, n):
    setup = f"items = list(range({n})); lookup = set(items); last = {n - 1}"
    return min(timeit.repeat(statement, setup, number=100, repeat=5))


for label, statement in [
    ("list index  O(1)", "items[last]"),
    ("x in list   O(n)", "last in items"),
    ("x in set    O(1)", "last in lookup"),
]:
    small, large = (seconds(statement, n) for n in sizes)
    print(f"{label}: grows with n = {large / small > 20}")
    #> list index  O(1): grows with n = False
    #> x in list   O(n): grows with n = True
    #> x in set    O(1): grows with n = False
