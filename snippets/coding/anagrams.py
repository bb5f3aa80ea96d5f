# --8<-- [start:show]
from collections import Counter, defaultdict
from collections.abc import Iterator


def normalize(word: str) -> Iterator[str]:
    """The letters and digits, lower-cased, one at a time."""
    return (char.lower() for char in word if char.isalnum())


def are_anagrams(a: str, b: str) -> bool:
    """Same letters, same counts: O(n) time, O(k) space."""
    return Counter(normalize(a)) == Counter(normalize(b))


def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        key = "".join(sorted(normalize(word)))  # the sorted letters
        groups[key].append(word)
    return list(groups.values())
# --8<-- [end:show]


cases = [("listen", "silent", True), ("Dormitory", "dirty room", True),
         ("aab", "abb", False), ("", "", True), ("a", "", False)]
for a, b, expected in cases:
    assert are_anagrams(a, b) == expected, (a, b)
    by_sorting = sorted(normalize(a)) == sorted(normalize(b))  # O(n log n)
    assert by_sorting == expected
    print(f"{a!r} {b!r} -> {are_anagrams(a, b)}")
    #> 'listen' 'silent' -> True
    #> 'Dormitory' 'dirty room' -> True
    #> 'aab' 'abb' -> False
    #> '' '' -> True
    #> 'a' '' -> False
print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))
#> [['eat', 'tea', 'ate'], ['tan', 'nat'], ['bat']]
