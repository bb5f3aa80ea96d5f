import json
from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

STARTUP = {"id": 7, "name": "</script><script>alert(1)"}


def embedded_state(data: dict) -> str:
    # "<" becomes \u003c: data cannot close the tag
    payload = json.dumps(data).replace("<", "\\u003c")
    tag = '<script id="state" type="application/json">'
    return f"{tag}{payload}</script>"


app = FastAPI()


@app.get("/startups/7", response_class=HTMLResponse)
async def startup_page() -> str:
    # the server-rendered HTML, plus the data behind it
    markup = f'<div id="root"><h1>{escape(STARTUP["name"])}</h1></div>'
    bundle = '<script type="module" src="/assets/app.js"></script>'
    return markup + embedded_state(STARTUP) + bundle


html = TestClient(app).get("/startups/7").text
print("script tags:", html.count("<script"))  # none injected
#> script tags: 2
state = html.split('type="application/json">')[1].split("</script>")[0]
print("client data == server data:", json.loads(state) == STARTUP)
#> client data == server data: True
