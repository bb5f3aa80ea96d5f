import sys


def combine(a, b):  # no declared types: anything that supports +
    return a + b


print(combine(2, 3), combine("ab", "cd"), combine([1], [2]))
#> 5 abcd [1, 2]


def report(items):
    if not items:
        return "empty"
    return items.summary()  # a bug no compiler flags


print(report([]))  # the broken line never ran, so no error yet
#> empty
try:
    report([1])
except AttributeError as error:
    print(f"found only at run time: {error}")
    #> found only at run time: 'list' object has no attribute 'summary'

print(f"gil_enabled={getattr(sys, '_is_gil_enabled', lambda: True)()}")
#> gil_enabled=True
