import gc
import weakref


class Report:
    def __init__(self, name):
        self.name = name


report = Report("q1")
ref = weakref.ref(report)  # does not add to the reference count
print(ref() is report)
#> True
del report
gc.collect()
print(ref())  # the object is gone, the weak reference says so
#> None

cache = weakref.WeakValueDictionary()  # entries vanish with their values
kept = Report("kept")
cache["kept"] = kept
cache["temp"] = Report("temp")  # nothing else holds this one
gc.collect()
print(sorted(cache))
#> ['kept']
