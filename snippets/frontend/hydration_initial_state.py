import json
from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

STARTUP = {"id": 7, "name": "Evil</script><script>alert(1)</script>"}


def embedded_state(data: dict) -> str:
    # "<" becomes \u003c, so a "</script>" in the data cannot end the tag
    payload = json.dumps(data).replace("<", "\\u003c")
    return f'<script id="state" type="application/json">{payload}</script>'


app = FastAPI()


@app.get("/startups/7", response_class=HTMLResponse)
async def startup_page() -> str:
    # the HTML React rendered on the server, plus the data it rendered from
    markup = f'<div id="root"><h1>{escape(STARTUP["name"])}</h1></div>'
    bundle = '<script type="module" src="/assets/app.js"></script>'
    return markup + embedded_state(STARTUP) + bundle


html = TestClient(app).get("/startups/7").text
print("script tags:", html.count("<script"))  # state + bundle, none injected
#> script tags: 2
# in the browser: JSON.parse(state.textContent), then hydrateRoot(root, <App/>)
state = html.split('type="application/json">')[1].split("</script>")[0]
print("client data == server data:", json.loads(state) == STARTUP)
#> client data == server data: True
