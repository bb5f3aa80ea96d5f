point = (3, 4)  # tuple: ordered, immutable
path = [point, (5, 6)]  # list: ordered, mutable
path.append((7, 8))
print(len(path), path[0])
#> 3 (3, 4)

tags = {"api", "python", "api"}  # set: unique, hashable items
print(sorted(tags), "python" in tags)
#> ['api', 'python'] True

prices = {"tea": 2.5, "coffee": 3.0}  # dict: key -> value, keeps order
prices["cake"] = 4.0
print(list(prices))
#> ['tea', 'coffee', 'cake']

visits = {point: 1}  # a tuple can be a key: it is hashable
try:
    visits[[3, 4]] = 1  # a list cannot
except TypeError as error:
    print(error)
    #> unhashable type: 'list'
