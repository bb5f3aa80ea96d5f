import functools


def retry(times):  # the factory: runs first, with the arguments
    def decorator(func):  # the real decorator
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except ConnectionError:
                    if attempt == times:
                        raise
                    print(f"attempt {attempt} failed, retrying")
                    #> attempt 1 failed, retrying
                    #> attempt 2 failed, retrying

        return wrapper

    return decorator


responses = iter([ConnectionError(), ConnectionError(), "200 OK"])


@retry(times=3)  # the same as: fetch = retry(times=3)(fetch)
def fetch(url):
    response = next(responses)
    if isinstance(response, Exception):
        raise response
    return response


print(fetch("https://example.test"), fetch.__name__)
#> 200 OK fetch
