import hashlib

from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient

app = FastAPI()
CATALOG = b'{"sectors": ["fintech", "health"]}'


# --8<-- [start:show]
@app.get("/api/v2/sectors")
def sectors(request: Request) -> Response:
    etag = '"' + hashlib.sha256(CATALOG).hexdigest()[:16] + '"'
    headers = {  # browsers keep it 60 s, CloudFront (shared) 1 h
        "Cache-Control": "public, max-age=60, s-maxage=3600",
        "ETag": etag,
    }
    if request.headers.get("If-None-Match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(CATALOG, media_type="application/json",
                    headers=headers)
# --8<-- [end:show]


client = TestClient(app)
first = client.get("/api/v2/sectors")
print(first.status_code, first.headers["Cache-Control"])
#> 200 public, max-age=60, s-maxage=3600
again = client.get("/api/v2/sectors",
                   headers={"If-None-Match": first.headers["ETag"]})
print(again.status_code, "body bytes:", len(again.content))
#> 304 body bytes: 0
