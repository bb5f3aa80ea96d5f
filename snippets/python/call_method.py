class RateLimit:  # a callable object that keeps state between calls
    def __init__(self, limit):
        self.limit = limit
        self.hits = {}

    def __call__(self, client):  # limiter(client) runs this
        self.hits[client] = self.hits.get(client, 0) + 1
        return self.hits[client] <= self.limit


limiter = RateLimit(limit=2)
print([limiter("10.0.0.1") for _ in range(3)], limiter("10.0.0.2"))
#> [True, True, False] True
print(callable(limiter), callable(RateLimit), callable("text"))
#> True True False


class Middleware:  # the ASGI shape: wrap an app, be called like one
    def __init__(self, app):
        self.app = app

    def __call__(self, request):
        return self.app(request) + " +timing"


app = Middleware(lambda request: f"200 for {request}")
print(app("/health"))
#> 200 for /health +timing
