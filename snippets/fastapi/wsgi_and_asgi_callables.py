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


async def call_asgi(app, scope_type: str) -> list[str]:
    incoming = [f"{scope_type}.startup", f"{scope_type}.shutdown"]
    if scope_type == "http":
        incoming = [f"{scope_type}.request"]
    sent = []

    async def receive():
        return {"type": incoming.pop(0), "body": b""}

    async def send(message):
        sent.append(f"{message['type']} {message.get('status', '')}".strip())

    scope = {"type": scope_type, "method": "GET", "path": "/",
             "headers": [], "query_string": b"", "state": {}}
    await app(scope, receive, send)
    return sent


print("coroutine function? wsgi:", inspect.iscoroutinefunction(wsgi_app),
      "| asgi:", inspect.iscoroutinefunction(asgi_app))
#> coroutine function? wsgi: False | asgi: True
fastapi_app = FastAPI()  # a FastAPI app is an ASGI callable too
print(asyncio.run(call_asgi(fastapi_app, "http")))  # no route: 404
#> ['http.response.start 404', 'http.response.body']
print(asyncio.run(call_asgi(fastapi_app, "lifespan")))  # no WSGI twin
#> ['lifespan.startup.complete', 'lifespan.shutdown.complete']
