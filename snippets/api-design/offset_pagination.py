from typing import Annotated

from fastapi import FastAPI, Query
from fastapi.testclient import TestClient
from sqlalchemy import Column, Integer, MetaData, String, Table
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import StaticPool

engine = create_engine("sqlite://", poolclass=StaticPool,  # one shared DB
                       connect_args={"check_same_thread": False})
id_column = Column("id", Integer, primary_key=True)
startups = Table("startups", MetaData(), id_column, Column("name", String))
startups.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(startups.insert(), [{"name": f"S{i}"} for i in range(1, 26)])

# --8<-- [start:show]
app = FastAPI()


@app.get("/startups")
def list_startups(limit: Annotated[int, Query(ge=1, le=100)] = 10,
                  offset: Annotated[int, Query(ge=0)] = 0) -> dict:
    page = (select(startups.c.name).order_by(startups.c.id)  # stable order
            .limit(limit).offset(offset))
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(startups))
        items = list(conn.scalars(page))
    return {"items": items, "total": total, "limit": limit, "offset": offset}


client = TestClient(app)
print(client.get("/startups?limit=3&offset=20").json())
#> {'items': ['S21', 'S22', 'S23'], 'total': 25, 'limit': 3, 'offset': 20}
print(client.get("/startups?limit=500").status_code)  # capped at 100
#> 422
# --8<-- [end:show]
