import re

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, Response
from fastapi.testclient import TestClient

# what the build wrote: React.lazy(() => import("./ReportsPage")) became its
# own chunk; every file name carries a hash of its content
CHUNKS = {"index-4f1c.js": "the app shell", "ReportsPage-9b2e.js": "reports"}
INDEX = '<div id="root"></div><script src="/assets/index-4f1c.js"></script>'
app = FastAPI()


# --8<-- [start:show]
@app.get("/", response_class=HTMLResponse)
async def index() -> HTMLResponse:
    # always revalidated: it names the current chunks
    headers = {"Cache-Control": "no-cache"}
    return HTMLResponse(INDEX, headers=headers)


@app.get("/assets/{name}")
async def chunk(name: str) -> Response:
    if name not in CHUNKS:
        raise HTTPException(404)
    # new code gets a new name, so a year is safe
    forever = "public, max-age=31536000, immutable"
    return Response(CHUNKS[name], media_type="text/javascript",
                    headers={"Cache-Control": forever})
# --8<-- [end:show]


client = TestClient(app)
shell = client.get("/")
# the first load fetches only the scripts the shell names
print(shell.headers["cache-control"], re.findall(r'src="([^"]+)"', shell.text))
#> no-cache ['/assets/index-4f1c.js']
reports = client.get("/assets/ReportsPage-9b2e.js")  # user opens Reports
print(reports.headers["cache-control"])
#> public, max-age=31536000, immutable
