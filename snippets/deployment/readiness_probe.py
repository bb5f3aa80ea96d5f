import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "demo"))
from startups_api.health import router  # noqa: E402  the demo's real endpoints

database_up = True


class FakeSession:  # stands in for the demo's AsyncSession
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return None

    async def execute(self, statement):
        if not database_up:
            raise ConnectionRefusedError("database unreachable")


# --8<-- [start:show]
app = FastAPI()
app.include_router(router)
app.state.sessions, app.state.redis = FakeSession, None
client = TestClient(app)


def probe(path: str) -> str:  # the kubelet's httpGet rule
    status = client.get(path).status_code
    return "ok" if 200 <= status < 400 else f"fail {status}"


for database_up in (True, False):  # FakeSession reads it
    live, ready = probe("/health/live"), probe("/health/ready")
    print(f"database_up={database_up}: live {live}, ready {ready}")
    #> database_up=True: live ok, ready ok
    #> database_up=False: live ok, ready fail 503
# --8<-- [end:show]
print(client.get("/health/ready").json())
#> {'status': 'unavailable', 'checks': {'database': 'down', 'error': 'ConnectionRefusedError'}}
