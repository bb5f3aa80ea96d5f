import json
import struct

startup = {"id": 7, "name": "Acme", "city": "Oslo", "founded": 2019,
           "employees": 42, "description": "Search for logistics teams"}
rounds = [{"stage": "seed", "year": 2020}, {"stage": "A", "year": 2022}]
# the screen needs the name and the years of the funding rounds

# REST: GET /startups/7 and GET /startups/7/rounds, every field of each
rest = [json.dumps(startup), json.dumps(rounds)]
# GraphQL: one POST /graphql whose query names just those fields
years = [{"year": r["year"]} for r in rounds]
graphql = [json.dumps({"data": {"startup": {"name": "Acme", "rounds": years}}})]
# gRPC: one call, a typed .proto message in binary (struct stands in)
grpc = [struct.pack("<4sHH", b"Acme", 2020, 2022)]

for style, bodies in [("REST", rest), ("GraphQL", graphql), ("gRPC", grpc)]:
    size = sum(len(body) for body in bodies)
    print(f"{style}: round_trips={len(bodies)} bytes={size}")
    #> REST: round_trips=2 bytes=183
    #> GraphQL: round_trips=1 bytes=83
    #> gRPC: round_trips=1 bytes=8
