import strawberry
from fastapi import FastAPI
from fastapi.testclient import TestClient
from google.protobuf import descriptor_pb2 as pb
from google.protobuf import descriptor_pool, message_factory
from strawberry.fastapi import GraphQLRouter

STARTUP = {"id": 7, "name": "Acme", "city": "Oslo", "founded": 2019,
           "employees": 42, "description": "Search for logistics teams"}
ROUNDS = [{"stage": "seed", "year": 2020}, {"stage": "A", "year": 2022}]
# the screen needs only the name and the years of the funding rounds

# --8<-- [start:show]
app = FastAPI()


@app.get("/startups/{startup_id}")  # REST: fixed resources
def get_startup(startup_id: int) -> dict:
    return STARTUP


@app.get("/startups/{startup_id}/rounds")
def get_rounds(startup_id: int) -> list[dict]:
    return ROUNDS


@strawberry.type
class Round:
    stage: str
    year: int


@strawberry.type
class Startup:
    name: str
    city: str
    rounds: list[Round]


@strawberry.type
class Query:  # GraphQL: the client picks the fields
    @strawberry.field
    def startup(self, id: int) -> Startup:
        rounds = [Round(**r) for r in ROUNDS]
        return Startup(name=STARTUP["name"],
                       city=STARTUP["city"], rounds=rounds)


app.include_router(GraphQLRouter(strawberry.Schema(Query)),
                   prefix="/graphql")
# --8<-- [end:show]


def protobuf_card_class():
    """The .proto message `StartupCard { string name = 1;
    repeated int32 round_years = 2; }`, built without protoc."""
    file = pb.FileDescriptorProto(name="card.proto", package="demo",
                                  syntax="proto3")
    card = file.message_type.add(name="StartupCard")
    field = pb.FieldDescriptorProto
    card.field.add(name="name", number=1, type=field.TYPE_STRING,
                   label=field.LABEL_OPTIONAL)
    card.field.add(name="round_years", number=2, type=field.TYPE_INT32,
                   label=field.LABEL_REPEATED)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    descriptor = pool.FindMessageTypeByName("demo.StartupCard")
    return message_factory.GetMessageClass(descriptor)


client = TestClient(app)
rest = [client.get("/startups/7"), client.get("/startups/7/rounds")]
query = "{ startup(id: 7) { name rounds { year } } }"
graphql = [client.post("/graphql", json={"query": query})]
print(graphql[0].json()["data"])
#> {'startup': {'name': 'Acme', 'rounds': [{'year': 2020}, {'year': 2022}]}}

StartupCard = protobuf_card_class()
card = StartupCard(name="Acme", round_years=[2020, 2022])
protobuf_bytes = card.SerializeToString()
assert StartupCard.FromString(protobuf_bytes) == card

for style, replies in [("REST", rest), ("GraphQL", graphql)]:
    size = sum(len(reply.content) for reply in replies)
    print(f"{style}: requests={len(replies)} body_bytes={size}")
    #> REST: requests=2 body_bytes=165
    #> GraphQL: requests=1 body_bytes=75
print(f"Protobuf message: body_bytes={len(protobuf_bytes)}")
#> Protobuf message: body_bytes=12
