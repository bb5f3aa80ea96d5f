import gc
import weakref


class Node:
    def __init__(self):
        self.other = None


gc.disable()  # only to make the demo deterministic

plain = Node()
probe = weakref.ref(plain)
del plain  # last reference gone: freed at once by reference counting
print("freed by refcount:", probe() is None)
#> freed by refcount: True

a, b = Node(), Node()
a.other, b.other = b, a  # a cycle keeps both counts above zero
probe = weakref.ref(a)
del a, b
print("freed by refcount:", probe() is None)
#> freed by refcount: False
print("unreachable found:", gc.collect() > 0)  # the cycle collector
#> unreachable found: True
print("freed by gc:", probe() is None)
#> freed by gc: True
gc.enable()
