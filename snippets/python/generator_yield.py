import sys

events = []


def read_rows(count):
    events.append("started")  # runs only on the first next()
    for number in range(count):
        yield f"row {number}"  # pause here, hand back one value
    events.append("finished")


rows = read_rows(3)
print(type(rows).__name__, events)  # calling it ran nothing yet
#> generator []
print(next(rows), events)
#> row 0 ['started']
print(list(rows), events)  # resumes after the yield each time
#> ['row 1', 'row 2'] ['started', 'finished']

as_list = [n * n for n in range(100_000)]
as_generator = (n * n for n in range(100_000))  # lazy: no list built
print(sys.getsizeof(as_generator) < 1_000 < sys.getsizeof(as_list))
#> True
print(sum(as_generator) == sum(as_list))
#> True
