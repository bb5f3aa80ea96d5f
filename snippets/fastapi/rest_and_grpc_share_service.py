import asyncio

import grpc
from fastapi import FastAPI
from fastapi.testclient import TestClient
from google.protobuf.json_format import MessageToDict
from google.protobuf.struct_pb2 import Struct
from google.protobuf.wrappers_pb2 import StringValue

# --8<-- [start:show]
async def find_startup(name: str) -> dict:  # the service layer
    return {"name": name, "employees": 40}

app = FastAPI()

@app.get("/startups/{name}")  # REST + JSON, in FastAPI
async def read_startup(name: str) -> dict:
    return await find_startup(name)

async def get_startup(request: StringValue, context) -> Struct:
    reply = Struct()  # Protobuf; codegen would give a typed one
    reply.update(await find_startup(request.value))
    return reply

handler = grpc.method_handlers_generic_handler("startups.Startups", {
    "GetStartup": grpc.unary_unary_rpc_method_handler(
        get_startup, StringValue.FromString, Struct.SerializeToString),
})
# --8<-- [end:show]


async def main() -> None:
    server = grpc.aio.server()  # its own server, its own port
    server.add_generic_rpc_handlers([handler])
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        call = channel.unary_unary(
            "/startups.Startups/GetStartup",
            request_serializer=StringValue.SerializeToString,
            response_deserializer=Struct.FromString,
        )
        grpc_reply = await call(StringValue(value="Acme"), timeout=5)
        missing = channel.unary_unary("/startups.Startups/Delete")
        try:
            await missing(b"Acme", timeout=5)
        except grpc.aio.AioRpcError as error:
            status = error.code()
    await server.stop(grace=None)
    rest_reply = TestClient(app).get("/startups/Acme").json()
    grpc_dict = MessageToDict(grpc_reply)  # a map: key order varies
    print("grpc:", sorted(grpc_dict.items()))  # numbers are doubles
    #> grpc: [('employees', 40.0), ('name', 'Acme')]
    print("rest:", sorted(rest_reply.items()))
    #> rest: [('employees', 40), ('name', 'Acme')]
    print("unknown method:", status)
    #> unknown method: StatusCode.UNIMPLEMENTED


asyncio.run(main())
