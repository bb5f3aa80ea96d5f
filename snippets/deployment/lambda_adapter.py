import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int) -> dict:
    return {"id": startup_id}


def to_scope(event: dict) -> dict:
    """An API Gateway (HTTP API) event as an ASGI HTTP scope."""
    http, headers = event["requestContext"]["http"], event["headers"]
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": http["method"], "scheme": "https",
        "path": event["rawPath"], "root_path": "",
        "query_string": event["rawQueryString"].encode(),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": (http["sourceIp"], 0), "server": (headers["host"], 443),
    }


# --8<-- [start:show]
async def call_app(event: dict) -> dict:
    response = {"statusCode": 500, "body": b""}

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            response["statusCode"] = message["status"]
        else:
            response["body"] += message.get("body", b"")

    await app(to_scope(event), receive, send)  # one ASGI request
    return {**response, "body": response["body"].decode()}


def handler(event: dict, context: object) -> dict:  # Mangum(app)
    return asyncio.run(call_app(event))
# --8<-- [end:show]


event = {
    "rawPath": "/startups/7", "rawQueryString": "",
    "headers": {"host": "abc123.execute-api.eu-west-1.amazonaws.com"},
    "requestContext": {"http": {"method": "GET",
                                "sourceIp": "203.0.113.9"}},
}
print(handler(event, context=None))
#> {'statusCode': 200, 'body': '{"id":7}'}
