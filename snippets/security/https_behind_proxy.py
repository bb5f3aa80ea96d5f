# --8<-- [start:show]
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

app = FastAPI()


@app.middleware("http")
async def hsts(request: Request, call_next):
    response = await call_next(request)  # browsers: HTTPS only from now on
    response.headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


app.add_middleware(HTTPSRedirectMiddleware)  # plain http -> 307 to https
# what `uvicorn --proxy-headers --forwarded-allow-ips=10.0.0.2` does;
# added last, so it runs first
app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=["10.0.0.2"])


@app.get("/whoami")
async def whoami(request: Request):
    return {"scheme": request.url.scheme, "client": request.client.host}
# --8<-- [end:show]


# the TLS-terminating proxy (nginx, an ALB) forwards plain HTTP from 10.0.0.2
proxy = TestClient(app, client=("10.0.0.2", 40000))
forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
reply = proxy.get("/whoami", headers=forwarded)
print(reply.json(), reply.headers["strict-transport-security"])
#> {'scheme': 'https', 'client': '203.0.113.9'} max-age=31536000

stranger = TestClient(app, client=("198.51.100.7", 40000))
reply = stranger.get("/whoami", headers=forwarded, follow_redirects=False)
print(reply.status_code, reply.headers["location"])  # headers not trusted
#> 307 https://testserver/whoami
