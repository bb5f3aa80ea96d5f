from typing import Annotated

from fastapi import FastAPI, Query
from fastapi.testclient import TestClient

table: list[dict] = []  # the startups table, growing every month
app = FastAPI()


@app.get("/v1/startups")
def list_all() -> list[dict]:
    return table  # every row, every time: fine at launch, not a year later


@app.get("/v2/startups")
def list_page(limit: Annotated[int, Query(ge=1, le=100)] = 20,
              after_id: int = 0) -> dict:
    rows = [r for r in table if r["id"] > after_id][:limit]
    return {"items": rows, "next_after_id": rows[-1]["id"] if rows else None}


client = TestClient(app)
for size in [1_000, 20_000]:
    table[:] = [{"id": i, "name": f"Startup {i}", "city": "Oslo"}
                for i in range(1, size + 1)]
    everything = len(client.get("/v1/startups").content)
    one_page = len(client.get("/v2/startups").content)
    print(f"{size:>6} rows: all={everything // 1024} KB, page={one_page} B")
    #>   1000 rows: all=44 KB, page=892 B
    #>  20000 rows: all=954 KB, page=892 B
