# --8<-- [start:show]
class DomainError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        # Exception keeps the message too
        super().__init__(message)
        self.message = message

    def to_body(self) -> dict:
        return {"code": self.code, "message": self.message}


class NotFound(DomainError):  # inherits __init__ and to_body
    status_code = 404
    code = "not_found"


class RateLimited(DomainError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        # reuse the base set-up, then extend it
        super().__init__(message)
        self.retry_after = retry_after

    # override: base body plus one field
    def to_body(self) -> dict:
        return super().to_body() | {"retry_after": self.retry_after}
# --8<-- [end:show]


for error in [NotFound("no startup 7"), RateLimited("too fast", 30)]:
    try:
        raise error
    # one handler catches every subclass
    except DomainError as caught:
        print(caught.status_code, caught.to_body())
        #> 404 {'code': 'not_found', 'message': 'no startup 7'}
        #> 429 {'code': 'rate_limited', 'message': 'too fast', 'retry_after': 30}
print(isinstance(NotFound("x"), DomainError), issubclass(NotFound, Exception))
#> True True
print([cls.__name__ for cls in RateLimited.__mro__])
#> ['RateLimited', 'DomainError', 'Exception', 'BaseException', 'object']
