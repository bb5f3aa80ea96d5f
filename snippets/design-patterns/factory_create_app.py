from fastapi import FastAPI
from fastapi.testclient import TestClient


class MemoryCache:
    kind = "memory"


class NoCache:
    kind = "none"


# --8<-- [start:show]
# the registry: config name -> class
CACHES = {"memory": MemoryCache, "none": NoCache}


def make_cache(name: str):  # callers never name a class
    try:
        return CACHES[name]()
    except KeyError:
        raise ValueError(f"unknown cache {name!r}") from None


def create_app(cache: str = "memory", debug: bool = False) -> FastAPI:
    app = FastAPI(debug=debug)  # a fresh app per call
    app.state.cache = make_cache(cache)

    @app.get("/info")
    async def info() -> dict:
        return {"cache": app.state.cache.kind, "debug": app.debug}

    return app


production = create_app()
for_tests = create_app(cache="none", debug=True)
print(TestClient(production).get("/info").json())
#> {'cache': 'memory', 'debug': False}
print(TestClient(for_tests).get("/info").json())
#> {'cache': 'none', 'debug': True}
# --8<-- [end:show]
try:
    make_cache("memcached")
except ValueError as error:
    print(error)
    #> unknown cache 'memcached'
