import re
from collections import Counter


def word_counts(text: str) -> Counter:
    """Words, case-insensitive, punctuation ignored: O(n) time."""
    return Counter(re.findall(r"[a-z0-9']+", text.lower()))


text = "The API is fast. The API is async, and async is the point!"
counts = word_counts(text)
print(counts.most_common(3))  # ties keep first-seen order
#> [('the', 3), ('is', 3), ('api', 2)]
print(counts["api"], counts["missing"])  # a missing word counts 0
#> 2 0
assert word_counts("") == Counter()
assert word_counts("Don't stop, don't!")["don't"] == 2

manual: dict[str, int] = {}
for word in re.findall(r"[a-z0-9']+", text.lower()):
    manual[word] = manual.get(word, 0) + 1  # the same without Counter
assert manual == dict(counts)
print(len(manual), sorted(manual)[:3])
#> 7 ['and', 'api', 'async']
