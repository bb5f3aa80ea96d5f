# --8<-- [start:show]
import tempfile
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi.testclient import TestClient

folder = tempfile.TemporaryDirectory()  # the project folder
site = Path(folder.name)
(site / "static").mkdir()
(site / "static" / "style.css").write_text("h1 { color: teal; }")
(site / "templates").mkdir()
(site / "templates" / "startup.html").write_text(
    '<link href="{{ url_for(\'static\', path=\'style.css\') }}">'
    "<h1>{{ name }}</h1>"
)

app = FastAPI()
static = StaticFiles(directory=site / "static")
app.mount("/static", static, name="static")
templates = Jinja2Templates(directory=site / "templates")


@app.get("/startups/{name}", response_class=HTMLResponse)
async def startup_page(request: Request, name: str):
    context = {"name": name}
    return templates.TemplateResponse(request, "startup.html", context)
# --8<-- [end:show]


client = TestClient(app)
css = client.get("/static/style.css")
print(css.status_code, css.headers["content-type"])
#> 200 text/css; charset=utf-8
print(client.get("/startups/Acme").text)
#> <link href="http://testserver/static/style.css"><h1>Acme</h1>
