a = [1, 2]
b = [1, 2]
print(a == b, a is b)  # equal values, two objects
#> True False
c = a
print(c is a, id(c) == id(a))  # one object, two names
#> True True

class Anything:  # a sloppy __eq__ that equals everything
    def __eq__(self, other):
        return True


print(Anything() == None, Anything() is None)  # noqa: E711
#> True False

small = int("7")
print(small is int("7"))  # CPython caches small ints
#> True
big = int("100000")
print(big == int("100000"), big is int("100000"))  # equal, not the same
#> True False
word = "api"
print(word == "".join(["a", "pi"]), word is "".join(["a", "pi"]))
#> True False
