from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient

app = FastAPI()
rows_made = 0


# --8<-- [start:show]
async def csv_rows(count: int) -> AsyncIterator[str]:
    global rows_made
    yield "id,name\n"
    for n in range(count):
        rows_made += 1
        yield f"{n},startup {n}\n"  # one row at a time


@app.get("/export.csv")
async def export(count: int) -> StreamingResponse:
    return StreamingResponse(
        csv_rows(count),
        media_type="text/csv",
        headers={"Content-Disposition": "attachment"},
    )
# --8<-- [end:show]


client = TestClient(app)
with client.stream("GET", "/export.csv", params={"count": 100_000}) as response:
    print(response.headers["content-type"])
    #> text/csv; charset=utf-8
    print(f"content-length: {response.headers.get('content-length')}")
    #> content-length: None
    first_lines = []
    for line in response.iter_lines():
        first_lines.append(line)
        if len(first_lines) == 2:
            break
    print(first_lines)
    #> ['id,name', '0,startup 0']
    print(f"rows made so far < 10: {rows_made < 10}")
    #> rows made so far < 10: True
