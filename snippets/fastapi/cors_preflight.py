from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient

# --8<-- [start:show]
app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com"],  # explicit, never "*"
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)


@app.post("/query")
async def query() -> dict[str, bool]:
    return {"ok": True}


client = TestClient(app)
for origin in ["https://app.example.com", "https://evil.example"]:
    # the browser asks before a cross-origin JSON POST
    preflight = client.options(
        "/query",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    allowed = preflight.headers.get("access-control-allow-origin")
    print(preflight.status_code, "allow-origin:", allowed)
    #> 200 allow-origin: https://app.example.com
    #> 400 allow-origin: None
# --8<-- [end:show]
