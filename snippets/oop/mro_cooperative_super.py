class Handler:
    def handle(self, request: str) -> list[str]:
        return [f"handle {request}"]


class LoggingMixin(Handler):
    def handle(self, request: str) -> list[str]:
        return ["log"] + super().handle(request)  # next class in the MRO


class AuthMixin(Handler):
    def handle(self, request: str) -> list[str]:
        return ["auth"] + super().handle(request)


class Endpoint(LoggingMixin, AuthMixin):  # a diamond: both share Handler
    pass


print([cls.__name__ for cls in Endpoint.__mro__])
#> ['Endpoint', 'LoggingMixin', 'AuthMixin', 'Handler', 'object']
print(Endpoint().handle("GET /"))  # Handler.handle runs once, last
#> ['log', 'auth', 'handle GET /']
print([cls.__name__ for cls in LoggingMixin.__mro__])  # alone: no AuthMixin
#> ['LoggingMixin', 'Handler', 'object']

try:
    class Broken(Handler, LoggingMixin):  # base listed before its subclass
        pass
except TypeError:
    print("no consistent MRO -> TypeError at class creation")
    #> no consistent MRO -> TypeError at class creation
