import sys

print(sys.getrecursionlimit())  # CPython's default
#> 1000


def depth(node):  # recursive: one frame per level
    return 0 if node is None else 1 + depth(node["child"])


def depth_iterative(node):  # a loop: no frames pile up
    count = 0
    while node is not None:
        count, node = count + 1, node["child"]
    return count


chain = None
for _ in range(5_000):  # a linked structure 5,000 levels deep
    chain = {"child": chain}

try:
    depth(chain)
except RecursionError as error:
    print(f"{type(error).__name__}: {error}")
    #> RecursionError: maximum recursion depth exceeded
print(depth_iterative(chain))
#> 5000
