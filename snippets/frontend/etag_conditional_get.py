# --8<-- [start:show]
import hashlib
import json
from typing import Annotated

from fastapi import FastAPI, Header, Response
from fastapi.testclient import TestClient

SECTORS = ["climate", "fintech", "health", "logistics"] * 50
app = FastAPI()


@app.get("/api/sectors")
async def sectors(
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    body = json.dumps(SECTORS)
    digest = hashlib.sha256(body.encode()).hexdigest()
    etag = f'"{digest[:16]}"'
    # no-cache: keep the copy, but ask "still this one?"
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if if_none_match == etag:
        return Response(status_code=304, headers=headers)  # no body
    return Response(body, headers=headers,
                    media_type="application/json")
# --8<-- [end:show]


client = TestClient(app)
first = client.get("/api/sectors")
print(first.status_code, f"{len(first.content)} bytes")
#> 200 2250 bytes
# fetch() sends If-None-Match itself when the browser has a cached copy
etag = first.headers["etag"]
again = client.get("/api/sectors", headers={"If-None-Match": etag})
print(again.status_code, f"{len(again.content)} bytes")
#> 304 0 bytes
