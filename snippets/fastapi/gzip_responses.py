from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.testclient import TestClient

app = FastAPI()
app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)


@app.get("/startups")
async def startups(count: int) -> list[dict[str, str]]:
    names = (f"startup {n}" for n in range(count))
    return [{"name": name, "sector": "fintech"} for name in names]


client = TestClient(app)
for count, accepts in [(200, "gzip"), (3, "gzip"), (200, "identity")]:
    response = client.get(
        "/startups",
        params={"count": count},
        headers={"Accept-Encoding": accepts},
    )
    encoding = response.headers.get("content-encoding", "none")
    on_the_wire = response.num_bytes_downloaded  # .content is decompressed
    print(
        f"{count} rows, accepts {accepts}: {encoding}, "
        f"sent {on_the_wire} of {len(response.content)} bytes"
    )
    #> 200 rows, accepts gzip: gzip, sent 552 of 8291 bytes
    #> 3 rows, accepts gzip: none, sent 121 of 121 bytes
    #> 200 rows, accepts identity: none, sent 8291 of 8291 bytes
