from fastapi import FastAPI
from fastapi.testclient import TestClient

app = FastAPI(title="Startups API")


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int, verbose: bool = False) -> dict:
    return {"id": startup_id, "verbose": verbose}


client = TestClient(app)
# the type hints convert the strings from the URL
print(client.get("/startups/7?verbose=yes").json())
#> {'id': 7, 'verbose': True}
# ...reject what does not fit, before the function runs
bad = client.get("/startups/seven")
print(bad.status_code, bad.json()["detail"][0]["type"])
#> 422 int_parsing
# ...and document the endpoint in the OpenAPI schema behind /docs
operation = app.openapi()["paths"]["/startups/{startup_id}"]["get"]
for param in operation["parameters"]:
    print(param["name"], param["in"], param["schema"]["type"])
    #> startup_id path integer
    #> verbose query boolean
