# --8<-- [start:show]
import random
from collections import Counter


def shuffle(items: list, rng: random.Random) -> None:
    """Fisher-Yates in place: O(n) time, every order equal."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.randrange(i + 1)  # 0 <= j <= i: i itself included
        items[i], items[j] = items[j], items[i]
# --8<-- [end:show]


rng = random.Random(42)  # seeded, so the output is reproducible
deck = list(range(10))
shuffle(deck, rng)
print(deck)
#> [7, 3, 2, 8, 5, 6, 9, 4, 0, 1]
assert sorted(deck) == list(range(10))  # same items, new order
for edge in ([], [1]):
    shuffle(edge, rng)  # nothing to do, no error
    print(edge)
    #> []
    #> [1]

counts = Counter()
for _ in range(60_000):
    order = [1, 2, 3]
    shuffle(order, rng)
    counts[tuple(order)] += 1
print(len(counts), max(counts.values()) / min(counts.values()) < 1.1)
#> 6 True


def biased_shuffle(items: list, rng: random.Random) -> None:
    for i in range(len(items)):  # the classic bug: any index, every time
        j = rng.randrange(len(items))
        items[i], items[j] = items[j], items[i]


biased = Counter()
for _ in range(60_000):
    order = [1, 2, 3]
    biased_shuffle(order, rng)
    biased[tuple(order)] += 1
# 3**3 = 27 equally likely paths cannot split evenly over 3! = 6 orders
print(len(biased), max(biased.values()) / min(biased.values()) > 1.1)
#> 6 True
