from typing import Annotated

from fastapi import FastAPI, Query
from fastapi.testclient import TestClient


def create_app(bounded: bool) -> FastAPI:
    app = FastAPI()
    Limit = Annotated[int, Query(ge=1, le=100)] if bounded else int

    @app.get("/api/startups")
    async def list_startups(limit: Limit = 20) -> dict[str, int]:
        return {"limit": limit}  # real code: LIMIT in the SQL query

    return app


# study case: an assistant drafted these from the signature, and each
# expected status was checked against the spec before it was kept
CASES = [("20", 200), ("0", 422), ("-1", 422), ("101", 422), ("abc", 422),
         ("1000000", 422)]

for bounded in (False, True):
    client = TestClient(create_app(bounded))
    answers = {limit: client.get(f"/api/startups?limit={limit}").status_code
               for limit, _ in CASES}
    failing = [limit for limit, status in CASES if answers[limit] != status]
    print(f"bounded={bounded}: failing limits={failing}")
    #> bounded=False: failing limits=['0', '-1', '101', '1000000']
    #> bounded=True: failing limits=[]
