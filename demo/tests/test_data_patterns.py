"""Data and auth patterns: names reusable after a soft delete, PATCH that tells "not sent" from
null, JSONB tags, the login's password check, the admin command and the three-step migration."""

import asyncio
import subprocess
import sys
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError

import startups_api.auth as auth
from service_env import service_urls
from startups_api import cli
from startups_api.data import startup_rows
from startups_api.db import Base, FundingRound, Startup, create_and_load, make_engine, utc_now

DEMO = Path(__file__).resolve().parents[1]


def new_startup(name: str, **extra) -> dict:
    return {"name": name, "sector": "climate", "city": "Porto", "founded": 2020, "employees": 9} | extra


def test_a_soft_deleted_name_can_be_used_again(client, auth_headers):
    editor, admin = auth_headers["editor"], auth_headers["admin"]
    first = client.post("/api/v2/startups", json=new_startup("Phoenix Co"), headers=editor)
    assert first.status_code == 201
    assert client.post("/api/v2/startups", json=new_startup("Phoenix Co"), headers=editor).status_code == 409
    assert client.delete(f"/api/v2/startups/{first.json()['id']}", headers=admin).status_code == 204
    again = client.post("/api/v2/startups", json=new_startup("Phoenix Co"), headers=editor)
    assert again.status_code == 201 and again.json()["id"] != first.json()["id"]
    # the index still holds among live rows: a second live "Phoenix Co" is refused
    assert client.post("/api/v2/startups", json=new_startup("Phoenix Co"), headers=editor).status_code == 409


def test_patch_keeps_not_sent_apart_from_null(client, auth_headers):
    editor = auth_headers["editor"]
    body = new_startup("Nullable Co", website="https://nullable.example", tags=["solar"])
    created = client.post("/api/v2/startups", json=body, headers=editor).json()
    path = f"/api/v2/startups/{created['id']}"
    kept = client.patch(path, json={"version": 1, "employees": 10}, headers=editor).json()
    assert (kept["employees"], kept["website"], kept["city"], kept["tags"]) == (10, "https://nullable.example", "Porto", ["solar"])
    cleared = client.patch(path, json={"version": 2, "website": None}, headers=editor).json()
    assert cleared["website"] is None and cleared["employees"] == 10 and cleared["version"] == 3
    for required in ["city", "employees", "description", "tags"]:
        refused = client.patch(path, json={"version": 3, required: None}, headers=editor)
        assert refused.status_code == 422 and f"body.{required}" in refused.text, refused.text
    assert client.get(path).json() == cleared


def test_tags_are_stored_as_json_and_filtered(client, auth_headers, backend):
    expected = sorted(row["name"] for row in startup_rows() if "payments" in row["tags"])
    page = client.get("/api/v2/startups", params={"tag": "payments", "limit": 100}).json()
    assert expected and sorted(row["name"] for row in page["items"]) == expected == sorted(
        row["name"] for row in page["items"] if "payments" in row["tags"]
    )
    body = new_startup("Tagged Co", tags=["payments", "b2b"])
    assert client.post("/api/v2/startups", json=body, headers=auth_headers["editor"]).status_code == 201
    found = client.get("/api/v2/startups", params={"tag": "b2b"}).json()["items"]
    assert [row["name"] for row in found] == ["Tagged Co"]


def test_the_login_checks_every_password_off_the_event_loop(client, monkeypatch):
    checks = []
    verify = auth.verify_password

    def counting_verify(password: str, hashed: str) -> bool:
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        checks.append((hashed == auth.DUMMY_HASH, on_loop))
        return verify(password, hashed)

    monkeypatch.setattr(auth, "verify_password", counting_verify)
    unknown = client.post("/api/v2/auth/token", data={"username": "nobody", "password": "guess"})
    known = client.post("/api/v2/auth/token", data={"username": "eli", "password": "guess"})
    assert unknown.status_code == known.status_code == 401
    # one Argon2 verify each, in a worker thread; the unknown name is checked against the dummy hash
    assert checks == [(True, False), (False, False)]


# --- the admin command ----------------------------------------------------------------------------


def test_the_admin_command_purges_only_rows_deleted_long_ago(tmp_path, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path / 'admin.db'}"
    rows = startup_rows()
    old, recent = rows[0]["name"], rows[1]["name"]

    async def prepare():
        engine = make_engine(url)
        await create_and_load(engine, rows, auth.hash_password("x"))
        async with engine.begin() as connection:
            for name, age in [(old, 40), (recent, 5)]:
                deleted = utc_now() - timedelta(days=age)
                await connection.execute(update(Startup).where(Startup.name == name).values(deleted_at=deleted))
        await engine.dispose()

    async def remaining():
        engine = make_engine(url)
        async with engine.connect() as connection:
            names = set(await connection.scalars(select(Startup.name)))
            orphans = await connection.scalar(
                select(func.count()).where(FundingRound.startup_id.not_in(select(Startup.id)))
            )
        await engine.dispose()
        return names, orphans

    asyncio.run(prepare())
    assert cli.main(["--database-url", url, "purge-deleted", "--older-than-days", "30", "--dry-run"]) == 0
    assert capsys.readouterr().out == "would purge 1 startups deleted more than 30 days ago\n"
    assert asyncio.run(remaining()) == ({row["name"] for row in rows}, 0)
    assert cli.main(["--database-url", url, "purge-deleted", "--older-than-days", "30"]) == 0
    assert capsys.readouterr().out == "purged 1 startups deleted more than 30 days ago\n"
    assert asyncio.run(remaining()) == ({row["name"] for row in rows} - {old}, 0)
    with pytest.raises(SystemExit) as usage:
        cli.main(["--database-url", url, "purge-deleted", "--older-than-days", "-1"])
    assert usage.value.code == 2


def test_the_admin_command_is_installed_and_runs_as_a_module():
    scripts = tomllib.loads((DEMO / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["startups-admin"].split(":")
    assert (module, function) == ("startups_api.cli", "main") and callable(getattr(cli, function))
    result = subprocess.run(
        [sys.executable, "-m", "startups_api.cli", "--help"], cwd=DEMO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "purge-deleted" in result.stdout


# --- the three-step migration -------------------------------------------------------------------


def migrated_url(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'backfill.db'}"
    database_url, _ = service_urls()
    return database_url.rsplit("/", 1)[0] + "/stc_migrations"  # created empty by scripts/services


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_tags_migration_backfills_rows_then_requires_tags(kind, tmp_path):
    url = migrated_url(kind, tmp_path)

    async def run(work):
        engine = make_engine(url)
        try:
            async with engine.begin() as connection:
                return await connection.run_sync(work)
        finally:
            await engine.dispose()

    def drop_everything(sync):
        sync.execute(text("DROP TABLE IF EXISTS alembic_version"))
        Base.metadata.drop_all(sync)

    def insert_rows(sync):
        for number in range(3):
            sync.execute(
                text(
                    "INSERT INTO startups (name, sector, city, founded, employees, description, version, created_at)"
                    " VALUES (:name, 'climate', 'Porto', 2020, 5, '', 1, CURRENT_TIMESTAMP)"
                ),
                {"name": f"Before Tags {number}"},
            )

    def null_tags(sync):
        return sync.execute(text("SELECT count(*) FROM startups WHERE tags IS NULL")).scalar_one()

    def insert_without_tags(sync):
        sync.execute(
            text(
                "INSERT INTO startups (name, sector, city, founded, employees, description, version, created_at)"
                " VALUES ('No Tags', 'climate', 'Porto', 2020, 5, '', 1, CURRENT_TIMESTAMP)"
            )
        )

    asyncio.run(run(drop_everything))
    config = Config(str(DEMO / "alembic.ini"))
    config.set_main_option("script_location", str(DEMO / "migrations"))
    config.attributes["database_url"] = url
    config.attributes["backfill_batch"] = 2  # three rows: two batches, then an empty one ends it
    command.upgrade(config, "0003")
    asyncio.run(run(insert_rows))
    command.upgrade(config, "head")
    assert asyncio.run(run(null_tags)) == 0
    with pytest.raises(IntegrityError):
        asyncio.run(run(insert_without_tags))
