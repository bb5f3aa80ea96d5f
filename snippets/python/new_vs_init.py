class Celsius(float):  # an immutable base: the value is set in __new__
    def __new__(cls, degrees):
        print(f"__new__ creates the object from {degrees!r}")
        #> __new__ creates the object from '21.456'
        return super().__new__(cls, round(float(degrees), 1))

    def __init__(self, degrees):
        print(f"__init__ sets up the object, now {float(self)}")
        #> __init__ sets up the object, now 21.5
        self.unit = "C"


reading = Celsius("21.456")
print(reading, reading.unit, isinstance(reading, float))
#> 21.5 C True


class Currency:
    _cache = {}

    def __new__(cls, code):  # return an existing instance instead
        if code not in cls._cache:
            cls._cache[code] = super().__new__(cls)
        return cls._cache[code]


print(Currency("EUR") is Currency("EUR"), Currency("EUR") is Currency("USD"))
#> True False
