"""The startups resource: pagination, eager loading, caching, idempotent creates, conflicts,
optimistic locking, soft delete, CSV import and export."""

import asyncio
import csv
import io
import uuid

import httpx2
from sqlalchemy import event, select

from startups_api import startups
from startups_api.db import AuditEvent

NAME = "Fjord Robotics"


def new_startup(name: str = NAME) -> dict:
    return {"name": name, "sector": "logistics", "city": "Bergen", "founded": 2019, "employees": 30}


def test_offset_pagination_counts_and_orders(client):
    page = client.get("/api/v2/startups", params={"limit": 5, "offset": 5, "sector": "health"}).json()
    assert page["total"] == 8 and [row["sector"] for row in page["items"]] == ["health"] * 3
    ids = [row["id"] for row in page["items"]]
    assert ids == sorted(ids)


def test_rows_come_with_their_funding_rounds_in_two_queries(app, client):
    statements = []
    engine = app.state.sessions.kw["bind"].sync_engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731 (before_cursor_execute's statement)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        page = client.get("/api/v2/startups", params={"limit": 20}).json()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert all(row["funding_rounds"] for row in page["items"])
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3  # the count, the page of startups, all their rounds at once


def test_cursor_pagination_walks_every_row_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 15} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v2/startups/scroll", params=params).json()
        seen += [row["id"] for row in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(set(seen)) and len(seen) == client.get("/api/v2/startups").json()["total"]


def test_a_forged_cursor_is_a_422(client):
    response = client.get("/api/v2/startups/scroll", params={"cursor": "bm90LWpzb24="})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


def test_response_model_hides_internal_columns(client):
    row = client.get("/api/v2/startups/1").json()
    public = {"id", "name", "sector", "city", "founded", "employees", "website", "tags", "version", "funding_rounds"}
    assert set(row) == public


def test_lookups_are_cached_and_updates_invalidate(client, auth_headers):
    first, second = client.get("/api/v2/startups/3"), client.get("/api/v2/startups/3")
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert first.json() == second.json()
    patch = {"version": first.json()["version"], "employees": 77}
    assert client.patch("/api/v2/startups/3", json=patch, headers=auth_headers["editor"]).status_code == 200
    after = client.get("/api/v2/startups/3")
    assert after.headers["x-cache"] == "miss" and after.json()["employees"] == 77


def test_a_retried_post_creates_one_record(client, auth_headers):
    headers = auth_headers["editor"] | {"Idempotency-Key": uuid.uuid4().hex}
    first = client.post("/api/v2/startups", json=new_startup(), headers=headers)
    retry = client.post("/api/v2/startups", json=new_startup(), headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true" and retry.json() == first.json()
    matches = client.get("/api/v2/startups", params={"sector": "logistics", "limit": 100}).json()["items"]
    assert [row["name"] for row in matches].count(NAME) == 1


def test_two_concurrent_posts_with_one_key_wait_for_each_other(app, client, auth_headers):
    key = uuid.uuid4().hex
    headers = auth_headers["editor"] | {"Idempotency-Key": key}

    async def both_at_once():
        transport = httpx2.ASGITransport(app=app)  # the running app, on the test client's event loop
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            post = lambda: http.post("/api/v2/startups", json=new_startup("Racing Key Co"), headers=headers)
            return await asyncio.gather(post(), post())

    first, second = client.portal.call(both_at_once)
    # without the per-key lock both would pass the lookup and the second would hit the taken name (409)
    assert first.status_code == second.status_code == 201 and first.json() == second.json()
    assert sorted(r.headers.get("idempotent-replayed", "no") for r in (first, second)) == ["no", "true"]
    assert key not in startups.key_locks  # nobody holds its lock any more, so the entry is gone


def test_a_create_writes_its_audit_row_and_warms_the_cache(app, client, auth_headers):
    created = client.post("/api/v2/startups", json=new_startup("Audited Co"), headers=auth_headers["editor"]).json()
    assert client.get(f"/api/v2/startups/{created['id']}").headers["x-cache"] == "hit"

    async def audit_rows():
        async with app.state.sessions() as session:
            return (await session.execute(select(AuditEvent.action, AuditEvent.actor).where(AuditEvent.startup_id == created["id"]))).all()

    assert client.portal.call(audit_rows) == [("created", "eli")]


def test_an_idempotency_key_reused_with_another_body_is_refused(client, auth_headers):
    headers = auth_headers["editor"] | {"Idempotency-Key": uuid.uuid4().hex}
    assert client.post("/api/v2/startups", json=new_startup("Key Reuse A"), headers=headers).status_code == 201
    reused = client.post("/api/v2/startups", json=new_startup("Key Reuse B"), headers=headers)
    assert reused.status_code == 422 and "different request body" in reused.json()["error"]["message"]


def test_a_duplicate_name_is_a_clean_409(client, auth_headers):
    client.post("/api/v2/startups", json=new_startup("Twice Co"), headers=auth_headers["editor"])
    again = client.post("/api/v2/startups", json=new_startup("Twice Co"), headers=auth_headers["editor"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def test_a_stale_version_is_a_409_and_changes_nothing(client, auth_headers):
    created = client.post("/api/v2/startups", json=new_startup("Versioned Co"), headers=auth_headers["editor"]).json()
    path = f"/api/v2/startups/{created['id']}"
    ok = client.patch(path, json={"version": 1, "city": "Tromso"}, headers=auth_headers["editor"])
    stale = client.patch(path, json={"version": 1, "city": "Alta"}, headers=auth_headers["editor"])
    assert ok.json()["version"] == 2 and stale.status_code == 409
    assert client.get(path).json()["city"] == "Tromso"


def test_soft_deleted_rows_disappear_but_stay_stored(app, client, auth_headers):
    created = client.post("/api/v2/startups", json=new_startup("Gone Co"), headers=auth_headers["editor"]).json()
    path = f"/api/v2/startups/{created['id']}"
    assert client.delete(path, headers=auth_headers["admin"]).status_code == 204
    assert client.get(path).status_code == 404
    assert client.delete(path, headers=auth_headers["admin"]).status_code == 404
    assert "Gone Co" not in client.get("/api/v2/startups/export.csv").text


def csv_file(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(new_startup()))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def test_csv_import_adds_new_rows_and_skips_known_ones(client, auth_headers):
    rows = [new_startup("Import One"), new_startup("Import Two"), new_startup("Import One")]
    files = {"file": ("startups.csv", csv_file(rows), "text/csv")}
    report = client.post("/api/v2/startups/import", files=files, headers=auth_headers["editor"]).json()
    assert report == {"created": 2, "skipped_existing": 1}
    again = client.post("/api/v2/startups/import", files=files, headers=auth_headers["editor"]).json()
    assert again == {"created": 0, "skipped_existing": 3}


def test_csv_import_refuses_wrong_type_oversize_and_bad_rows(client, auth_headers):
    editor = auth_headers["editor"]
    wrong_type = client.post("/api/v2/startups/import", files={"file": ("x.json", b"{}", "application/json")}, headers=editor)
    too_big = client.post("/api/v2/startups/import", files={"file": ("x.csv", b"a" * 1_000_001, "text/csv")}, headers=editor)
    bad_row = client.post(
        "/api/v2/startups/import",
        files={"file": ("x.csv", csv_file([new_startup() | {"employees": "many"}]), "text/csv")},
        headers=editor,
    )
    assert (wrong_type.status_code, too_big.status_code, bad_row.status_code) == (415, 413, 422)
    assert "line 2" in bad_row.json()["error"]["message"]


def test_export_streams_every_active_row(client):
    response = client.get("/api/v2/startups/export.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == client.get("/api/v2/startups").json()["total"]
    assert rows[0]["name"] == "NovaFintech1"
