import sys
import timeit
from array import array

numbers = list(range(1_000_000))
packed = array("q", numbers)  # raw 8-byte ints side by side, like NumPy

per_item_list = (sys.getsizeof(numbers) + sys.getsizeof(10**6)
                 * len(numbers)) / len(numbers)  # pointer + int object
print(f"bytes/item: array={packed.itemsize}, list over 30={per_item_list > 30}")
#> bytes/item: array=8, list over 30=True


def python_loop():
    total = 0
    for n in numbers:  # each step: dispatch bytecode, check types, box ints
        total += n
    return total


loop = min(timeit.repeat(python_loop, number=3, repeat=3))
builtin = min(timeit.repeat(lambda: sum(numbers), number=3, repeat=3))
print(f"built-in sum (a C loop) at least 2x faster: {loop > 2 * builtin}")
#> built-in sum (a C loop) at least 2x faster: True
