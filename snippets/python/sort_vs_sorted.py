scores = [75, 90, 82]
result = scores.sort()  # in place, on lists only
print(result, scores)
#> None [75, 82, 90]

names = ("vic", "Bo", "ana")  # any iterable, here a tuple
print(sorted(names), names)  # a new list; the input is untouched
#> ['Bo', 'ana', 'vic'] ('vic', 'Bo', 'ana')
print(sorted(names, key=str.lower))  # key= computes the sort key once each
#> ['ana', 'Bo', 'vic']

people = [("ana", 30), ("eli", 25), ("bo", 30)]
by_age = sorted(people, key=lambda person: person[1], reverse=True)
print(by_age)  # stable: equal ages keep their original order
#> [('ana', 30), ('bo', 30), ('eli', 25)]
