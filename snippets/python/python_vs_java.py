import sysconfig


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

# 1 only on a free-threaded build such as python3.14t
no_gil_build = sysconfig.get_config_var("Py_GIL_DISABLED")
print(f"free_threaded_build={bool(no_gil_build)}")
#> free_threaded_build=False
