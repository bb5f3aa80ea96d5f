import asyncio


# --8<-- [start:show]
class AppError(Exception):  # one base class for the whole family
    status_code = 400


class NotFound(AppError):
    status_code = 404


class Conflict(AppError):
    status_code = 409


def handle(error: Exception) -> str:
    try:
        raise error
    except NotFound:  # most specific first
        return "404 not found"
    except AppError as caught:  # the rest of the family
        return f"{caught.status_code} {type(caught).__name__}"


print(handle(NotFound("no startup 7")))
#> 404 not found
print(handle(Conflict("name taken")))
#> 409 Conflict
print([cls.__name__ for cls in NotFound.__mro__])
#> ['NotFound', 'AppError', 'Exception', 'BaseException', 'object']
for cls in (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
    print(cls.__name__, issubclass(cls, Exception))
    #> KeyboardInterrupt False
    #> SystemExit False
    #> CancelledError False
# --8<-- [end:show]
print(issubclass(ValueError, Exception), issubclass(KeyError, LookupError))
#> True True
