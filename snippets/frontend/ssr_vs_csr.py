# --8<-- [start:show]
from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

STARTUPS = [{"id": 1, "name": "Acme Pay"},
            {"id": 2, "name": "Fleetly"}]
BUNDLE = '<script type="module" src="/assets/app.js"></script>'
app = FastAPI()


@app.get("/api/startups")  # CSR fetches this after the bundle
async def api_startups() -> list[dict]:
    return STARTUPS


@app.get("/csr/startups", response_class=HTMLResponse)
async def client_rendered() -> str:
    return f'<div id="root"></div>{BUNDLE}'  # an empty shell


@app.get("/ssr/startups", response_class=HTMLResponse)
async def server_rendered() -> str:  # per request
    names = [escape(s["name"]) for s in STARTUPS]
    items = "".join(f"<li>{name}</li>" for name in names)
    return f'<div id="root"><ul>{items}</ul></div>{BUNDLE}'
# --8<-- [end:show]


client = TestClient(app)
for page in ["/csr/startups", "/ssr/startups"]:
    html = client.get(page).text
    print(f"{page}: names in first HTML response={'Acme Pay' in html}")
    #> /csr/startups: names in first HTML response=False
    #> /ssr/startups: names in first HTML response=True
# what the CSR page still has to do: download app.js, run it, then this call
print(client.get("/api/startups").json()[0])
#> {'id': 1, 'name': 'Acme Pay'}
