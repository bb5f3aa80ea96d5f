def make_max_length_check(limit):  # the enclosing function
    def check(text):  # the closure: uses `limit` from the outer scope
        return len(text) <= limit

    return check


short_name = make_max_length_check(5)
tweet = make_max_length_check(280)
print(short_name("Nova"), short_name("NovaFintech"), tweet("NovaFintech"))
#> True False True
print(short_name.__closure__[0].cell_contents)  # the captured value
#> 5


def make_counter():
    count = 0

    def increment():
        nonlocal count  # rebinding a captured name needs nonlocal
        count += 1
        return count

    return increment


counter = make_counter()
print(counter(), counter(), counter())  # state survives between calls
#> 1 2 3
