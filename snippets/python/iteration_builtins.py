from itertools import islice

names = ["ana", "eli", "vic"]
scores = [90, 75, 82]

print(list(enumerate(names, start=1)))
#> [(1, 'ana'), (2, 'eli'), (3, 'vic')]
print(dict(zip(names, scores)))
#> {'ana': 90, 'eli': 75, 'vic': 82}
print(max(zip(scores, names)))  # best (score, name) pair
#> (90, 'ana')
print(sum(scores), min(scores), list(islice(reversed(scores), 2)))
#> 247 75 [82, 75]

checked = []


def is_passing(score):
    checked.append(score)
    return score >= 80


print(any(is_passing(s) for s in scores), checked)  # stopped at the 1st True
#> True [90]
checked.clear()
print(all(is_passing(s) for s in scores), checked)  # stopped at 1st False
#> False [90, 75]
print(any([]), all([]))  # empty: nothing true / nothing false
#> False True
