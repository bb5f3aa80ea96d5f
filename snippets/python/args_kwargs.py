def describe(name, *args, level="info", **kwargs):
    return f"{name=} {args=} {level=} {kwargs=}"


print(describe("login"))
#> name='login' args=() level='info' kwargs={}
print(describe("login", "ana", 42, level="warn", ip="10.0.0.1"))
#> name='login' args=('ana', 42) level='warn' kwargs={'ip': '10.0.0.1'}

values = ["query", "tea"]
options = {"level": "debug", "page": 2}
print(describe(*values, **options))  # in a call: unpack into arguments
#> name='query' args=('tea',) level='debug' kwargs={'page': 2}


def create_user(name, /, *, admin=False):  # / positional-only, * kw-only
    return name, admin


print(create_user("eli", admin=True))
#> ('eli', True)
try:
    create_user("eli", True)
except TypeError as error:
    print(error)
    #> create_user() takes 1 positional argument but 2 were given
