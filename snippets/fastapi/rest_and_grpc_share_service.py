import asyncio
from types import SimpleNamespace

from fastapi import FastAPI
from fastapi.testclient import TestClient


class StartupService:  # services/: knows nothing about HTTP or gRPC
    async def find(self, name: str) -> dict:
        return {"name": name, "employees": 40}


service = StartupService()
app = FastAPI()


@app.get("/startups/{name}")  # REST + JSON for browsers and partners
async def read_startup(name: str) -> dict:
    return await service.find(name)


# gRPC + Protobuf for internal callers. In production this class subclasses
# the generated startups_pb2_grpc.StartupsServicer, is registered on a
# grpc.aio.server() on its own port, and returns a StartupReply message.
class StartupsServicer:
    async def GetStartup(self, request, context) -> dict:
        return await service.find(request.name)


rest_answer = TestClient(app).get("/startups/Acme").json()
grpc_request = SimpleNamespace(name="Acme")  # a generated message in real use
grpc_answer = asyncio.run(StartupsServicer().GetStartup(grpc_request, None))
print(rest_answer)
#> {'name': 'Acme', 'employees': 40}
print(f"same_answer_both_protocols={rest_answer == grpc_answer}")
#> same_answer_both_protocols=True
