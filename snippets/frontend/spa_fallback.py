# --8<-- [start:show]
import tempfile
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient


def create_app(dist: Path) -> FastAPI:  # the build output
    app = FastAPI()

    @app.get("/api/me")
    async def me() -> dict[str, str]:
        return {"name": "ana"}

    app.mount("/assets", StaticFiles(directory=dist / "assets"))

    # registered last, so it only gets what nothing else matched
    @app.get("/{path:path}", include_in_schema=False)
    async def spa_shell(path: str) -> FileResponse:
        if path.startswith("api/"):  # a bad API URL: JSON 404
            raise HTTPException(404)
        # the client-side router decides what to show
        return FileResponse(dist / "index.html")

    return app
# --8<-- [end:show]


with tempfile.TemporaryDirectory() as folder:
    dist = Path(folder)
    (dist / "assets").mkdir()
    (dist / "assets" / "app-3f9a.js").write_text("/* the bundle */")
    (dist / "index.html").write_text(
        '<div id="root"></div><script src="/assets/app-3f9a.js"></script>')
    client = TestClient(create_app(dist))
    for url in ["/", "/startups/42", "/assets/app-3f9a.js", "/api/me",
                "/api/nope"]:
        response = client.get(url)
        kind = response.headers["content-type"].split(";")[0]
        print(f"{url:20} {response.status_code} {kind}")
        #> /                    200 text/html
        #> /startups/42         200 text/html
        #> /assets/app-3f9a.js  200 text/javascript
        #> /api/me              200 application/json
        #> /api/nope            404 application/json
