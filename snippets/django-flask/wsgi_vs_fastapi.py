import inspect
from wsgiref.util import setup_testing_defaults

from fastapi import FastAPI
from fastapi.testclient import TestClient


def wsgi_app(environ, start_response):  # the interface Flask and Django speak
    limit = environ["QUERY_STRING"].removeprefix("limit=")
    if not limit.isdigit():  # checking input is your own code
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [b"limit must be an integer"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"first {limit}".encode()]


environ = {"QUERY_STRING": "limit=abc"}
setup_testing_defaults(environ)
statuses = []
body = wsgi_app(environ, lambda status, headers: statuses.append(status))
print(statuses[0], b"".join(body))
#> 400 Bad Request b'limit must be an integer'

api = FastAPI()


@api.get("/startups")
async def startups(limit: int = 10) -> str:  # the hint validates and documents
    return f"first {limit}"


print(TestClient(api).get("/startups?limit=abc").status_code)
#> 422
print(api.openapi()["paths"]["/startups"]["get"]["parameters"][0]["schema"])
#> {'type': 'integer', 'default': 10, 'title': 'Limit'}
print(inspect.iscoroutinefunction(wsgi_app))  # WSGI: one blocking call
#> False
print(inspect.iscoroutinefunction(api.__call__))  # ASGI: a coroutine
#> True
