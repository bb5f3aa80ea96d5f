import random
from collections import Counter


def shuffle(items: list, rng: random.Random) -> None:
    """Fisher-Yates in place: O(n) time, O(1) space, all n! orders equal."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.randrange(i + 1)  # 0 <= j <= i: i itself included
        items[i], items[j] = items[j], items[i]


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
