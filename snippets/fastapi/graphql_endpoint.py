import strawberry
from fastapi import FastAPI
from fastapi.testclient import TestClient
from strawberry.fastapi import GraphQLRouter

# --8<-- [start:show]
STARTUPS = {"Acme": {"name": "Acme", "city": "Berlin", "staff": 40}}


@strawberry.type
class Startup:
    name: str
    city: str
    staff: int


@strawberry.type
class Query:
    @strawberry.field
    def startup(self, name: str) -> Startup | None:
        row = STARTUPS.get(name)  # really: the service layer
        return Startup(**row) if row else None


app = FastAPI()
schema = strawberry.Schema(query=Query)
app.include_router(GraphQLRouter(schema), prefix="/graphql")
# --8<-- [end:show]

client = TestClient(app)
for query in ['{ startup(name: "Acme") { name } }',
              '{ startup(name: "Acme") { name city staff } }',
              '{ startup(name: "Acme") { founded } }']:
    reply = client.post("/graphql", json={"query": query})
    body = reply.json()
    print(reply.status_code, body.get("data"), len(body.get("errors", [])))
    #> 200 {'startup': {'name': 'Acme'}} 0
    #> 200 {'startup': {'name': 'Acme', 'city': 'Berlin', 'staff': 40}} 0
    #> 200 None 1
