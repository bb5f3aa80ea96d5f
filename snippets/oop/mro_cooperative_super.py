class Handler:
    def handle(self, request: str) -> list[str]:
        return [f"handle {request}"]


class LoggingMixin(Handler):
    def handle(self, request: str) -> list[str]:
        return ["log"] + super().handle(request)  # next in MRO


class AuthMixin(Handler):
    def handle(self, request: str) -> list[str]:
        return ["auth"] + super().handle(request)


class Endpoint(LoggingMixin, AuthMixin):  # a diamond
    pass


print([cls.__name__ for cls in Endpoint.__mro__])
#> ['Endpoint', 'LoggingMixin', 'AuthMixin', 'Handler', 'object']
print(Endpoint().handle("GET /"))  # Handler runs once
#> ['log', 'auth', 'handle GET /']
print([c.__name__ for c in LoggingMixin.__mro__])  # alone
#> ['LoggingMixin', 'Handler', 'object']

try:
    class Broken(Handler, LoggingMixin):  # base first
        pass
except TypeError as error:  # raised when the class is created
    print(f"TypeError: {error}")
    #> TypeError: Cannot create a consistent method resolution
    #> order (MRO) for bases Handler, LoggingMixin
