import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int) -> dict:
    return {"id": startup_id}


async def call_app(event: dict) -> dict:
    """Turn an API Gateway (HTTP API) event into one ASGI request."""
    headers = event["headers"]
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": event["requestContext"]["http"]["method"],
        "scheme": "https", "path": event["rawPath"], "root_path": "",
        "query_string": event["rawQueryString"].encode(),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": (event["requestContext"]["http"]["sourceIp"], 0),
        "server": (headers["host"], 443),
    }
    response = {"statusCode": 500, "body": b""}

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            response["statusCode"] = message["status"]
        else:
            response["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return {**response, "body": response["body"].decode()}


def handler(event: dict, context: object) -> dict:  # Mangum(app) in real life
    return asyncio.run(call_app(event))


event = {
    "rawPath": "/startups/7", "rawQueryString": "",
    "headers": {"host": "abc123.execute-api.eu-west-1.amazonaws.com"},
    "requestContext": {"http": {"method": "GET", "sourceIp": "203.0.113.9"}},
}
print(handler(event, context=None))
#> {'statusCode': 200, 'body': '{"id":7}'}
