import hashlib
import secrets
import time

import jwt

# --8<-- [start:show]
SECRET = secrets.token_bytes(32)
refresh_store: dict[str, dict] = {}  # sha256(refresh token) -> record


def issue(user: str, family: str, access_ttl: int = 300) -> tuple[str, str]:
    access = jwt.encode({"sub": user, "exp": int(time.time()) + access_ttl},
                        SECRET, algorithm="HS256")
    refresh = secrets.token_urlsafe(32)  # opaque, kept server-side
    digest = hashlib.sha256(refresh.encode()).hexdigest()
    refresh_store[digest] = {"user": user, "family": family, "used": False}
    return access, refresh


def rotate(refresh: str) -> tuple[str, str] | str:
    record = refresh_store.get(hashlib.sha256(refresh.encode()).hexdigest())
    if record is None or record.get("revoked"):
        return "401 unknown or revoked"
    if record["used"]:  # replayed: someone else holds a copy
        for other in refresh_store.values():
            if other["family"] == record["family"]:
                other["revoked"] = True
        return "401 reuse detected, family revoked"
    record["used"] = True
    return issue(record["user"], record["family"])
# --8<-- [end:show]


expired, _ = issue("ana", "login-1", access_ttl=-1)
try:
    jwt.decode(expired, SECRET, algorithms=["HS256"])
except jwt.ExpiredSignatureError as error:
    print(error)
    #> Signature has expired

_, first = issue("ana", "login-1")
_, second = rotate(first)
print(rotate(first))  # the old refresh token is replayed
#> 401 reuse detected, family revoked
print(rotate(second))  # the whole login is now logged out
#> 401 unknown or revoked
