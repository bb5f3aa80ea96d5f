import asyncio
import inspect

from fastapi import FastAPI


# --8<-- [start:show]
def wsgi_app(environ, start_response):  # one call per request
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]  # the whole response is the return value


async def asgi_app(scope, receive, send):  # awaited, sends events
    await send({"type": "http.response.start", "status": 200})
    await send({"type": "http.response.body", "body": b"hello"})
# --8<-- [end:show]


async def call_asgi(app) -> list[str]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message["type"])

    scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
    await app(scope, receive, send)
    return sent


print(wsgi_app({}, lambda status, headers: None))
#> [b'hello']
print(asyncio.run(call_asgi(asgi_app)))
#> ['http.response.start', 'http.response.body']
fastapi_app = FastAPI()  # a FastAPI app is the same kind of ASGI callable
print(inspect.iscoroutinefunction(fastapi_app.__call__))
#> True
print(asyncio.run(call_asgi(fastapi_app)))  # no route here: a 404
#> ['http.response.start', 'http.response.body']
