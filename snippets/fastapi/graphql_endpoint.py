from fastapi import FastAPI
from fastapi.testclient import TestClient
from graphql import build_schema, graphql  # graphql-core, under Strawberry
from pydantic import BaseModel

schema = build_schema("""
    type Startup { name: String!  city: String!  staff: Int! }
    type Query { startup(name: String!): Startup }
""")
STARTUPS = {"Acme": {"name": "Acme", "city": "Berlin", "staff": 40}}


def resolve_startup(info, name: str) -> dict | None:
    return STARTUPS.get(name)  # a real resolver calls the service layer


class GraphQLRequest(BaseModel):
    query: str


app = FastAPI()


@app.post("/graphql")  # one endpoint; the query picks the fields
async def graphql_endpoint(body: GraphQLRequest) -> dict:
    result = await graphql(
        schema, body.query, root_value={"startup": resolve_startup}
    )
    return {"data": result.data}


client = TestClient(app)
for query in ['{ startup(name: "Acme") { name } }',
              '{ startup(name: "Acme") { name city staff } }']:
    print(client.post("/graphql", json={"query": query}).json())
    #> {'data': {'startup': {'name': 'Acme'}}}
    #> {'data': {'startup': {'name': 'Acme', 'city': 'Berlin', 'staff': 40}}}
