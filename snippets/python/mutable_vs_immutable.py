def add_item(cart, item):
    cart.append(item)  # mutates the caller's list


def add_one(count):
    count += 1  # int is immutable: rebinds the local name only
    return count


cart = ["apple"]
add_item(cart, "pear")
print(cart)
#> ['apple', 'pear']

count = 1
add_one(count)
print(count)
#> 1

name = "api"
before = id(name)
name += "-v2"  # a new str object; the old one is unchanged
print(id(name) == before)
#> False
