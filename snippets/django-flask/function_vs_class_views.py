# Starlette's HTTPEndpoint dispatches by HTTP method the way Django's View does.
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def startup_function(request: Request):  # function-based: you branch
    if request.method == "GET":
        return PlainTextResponse("read")
    return PlainTextResponse("deleted")


class StartupView(HTTPEndpoint):  # class-based: one method per HTTP verb
    async def get(self, request: Request):
        return PlainTextResponse("read")

    async def delete(self, request: Request):
        return PlainTextResponse("deleted")


class AuditedStartupView(StartupView):  # reuse by inheritance (like mixins)
    async def delete(self, request: Request):
        return PlainTextResponse("deleted + audited")


app = Starlette(routes=[
    Route("/fbv", startup_function, methods=["GET", "DELETE"]),
    Route("/cbv", StartupView),
    Route("/audited", AuditedStartupView),
])
client = TestClient(app)
for url in ["/fbv", "/cbv", "/audited"]:
    get, delete, post = client.get(url), client.delete(url), client.post(url)
    print(url, get.text, "|", delete.text, "|", post.status_code)
    #> /fbv read | deleted | 405
    #> /cbv read | deleted | 405
    #> /audited read | deleted + audited | 405
