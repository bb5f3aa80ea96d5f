"""OAuth2 password flow: tokens, bad credentials, expiry, forgery and role checks."""

from datetime import timedelta

import jwt
from sqlalchemy import select

from startups_api.auth import ALGORITHM, create_access_token, hash_password, verify_password
from startups_api.db import User
from startups_api.settings import get_settings

NEW_STARTUP = {"name": "Authz Co", "sector": "devtools", "city": "Oslo", "founded": 2021, "employees": 4}


def test_passwords_are_stored_as_argon2_hashes(app, client):
    async def stored_hashes() -> list[str]:
        async with app.state.sessions() as session:
            return list((await session.scalars(select(User.password_hash))).all())

    password = get_settings().demo_password.get_secret_value()
    hashes = client.portal.call(stored_hashes)
    assert hashes and all(hashed.startswith("$argon2id$") and password not in hashed for hashed in hashes)
    assert verify_password(password, hashes[0]) and not verify_password("wrong", hashes[0])
    assert hash_password(password) != hashes[0]  # a fresh salt every time


def test_the_token_carries_user_role_and_expiry(client):
    form = {"username": "eli", "password": get_settings().demo_password.get_secret_value()}
    token = client.post("/api/v2/auth/token", data=form).json()["access_token"]
    claims = jwt.decode(token, get_settings().jwt_secret.get_secret_value(), algorithms=[ALGORITHM])
    assert claims["sub"] == "eli" and claims["role"] == "editor" and claims["exp"] > claims["iat"]


def test_wrong_password_and_unknown_user_get_the_same_401(client):
    wrong = client.post("/api/v2/auth/token", data={"username": "eli", "password": "nope"})
    unknown = client.post("/api/v2/auth/token", data={"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert wrong.headers["www-authenticate"] == "Bearer"


def test_no_token_expired_token_and_forged_token_are_401(client):
    settings = get_settings()
    expired = create_access_token("eli", "editor", settings.model_copy(update={"access_token_minutes": -1}))
    forged = jwt.encode({"sub": "eli", "role": "admin", "exp": 4102444800}, "another-secret-of-32-bytes-length", ALGORITHM)
    for headers, message in [
        ({}, "sign in first"),
        ({"Authorization": f"Bearer {expired}"}, "expired"),
        ({"Authorization": f"Bearer {forged}"}, "not valid"),
        ({"Authorization": "Bearer not.a.jwt"}, "not valid"),
    ]:
        response = client.post("/api/v2/startups", json=NEW_STARTUP, headers=headers)
        assert response.status_code == 401 and message in response.json()["error"]["message"]


def test_roles_are_checked(client, auth_headers):
    viewer = client.post("/api/v2/startups", json=NEW_STARTUP, headers=auth_headers["viewer"])
    assert viewer.status_code == 403 and "'editor' role" in viewer.json()["error"]["message"]
    created = client.post("/api/v2/startups", json=NEW_STARTUP, headers=auth_headers["editor"])
    assert created.status_code == 201
    startup_id = created.json()["id"]
    assert client.delete(f"/api/v2/startups/{startup_id}", headers=auth_headers["editor"]).status_code == 403
    assert client.delete(f"/api/v2/startups/{startup_id}", headers=auth_headers["admin"]).status_code == 204


def test_token_lifetime_comes_from_settings(client):
    settings = get_settings()
    token = sign_in(client, "ana")["access_token"]
    claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), algorithms=[ALGORITHM])
    assert timedelta(seconds=claims["exp"] - claims["iat"]) == timedelta(minutes=settings.access_token_minutes)


def sign_in(client, username: str = "eli") -> dict:
    form = {"username": username, "password": get_settings().demo_password.get_secret_value()}
    return client.post("/api/v2/auth/token", data=form).json()


def test_a_refresh_token_works_once_and_returns_a_new_pair(client):
    first = sign_in(client)
    renewed = client.post("/api/v2/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert renewed.status_code == 200
    pair = renewed.json()
    assert pair["refresh_token"] != first["refresh_token"]
    me = client.post("/api/v2/startups", json=NEW_STARTUP | {"name": "Refreshed Co"},
                     headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 201


def test_a_replayed_refresh_token_revokes_the_whole_family(client):
    first = sign_in(client, "ana")
    second = client.post("/api/v2/auth/refresh", json={"refresh_token": first["refresh_token"]}).json()
    replay = client.post("/api/v2/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and "already used" in replay.json()["error"]["message"]
    # the legitimate newest token was revoked with it
    after = client.post("/api/v2/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401


def test_an_unknown_refresh_token_is_a_401(client):
    response = client.post("/api/v2/auth/refresh", json={"refresh_token": "x" * 43})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
