"""OAuth2 password flow: Argon2 password hashes, JWT access tokens, current user and roles."""

import hashlib
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pydantic import BaseModel, Field
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.concurrency import run_in_threadpool

from .db import RefreshToken, User
from .dependencies import SessionDep, SettingsDep
from .errors import Forbidden, Unauthorized, error_responses
from .schemas import Text
from .settings import Settings

ALGORITHM = "HS256"
ROLES = ("viewer", "editor", "admin")  # each role includes the ones before it

# --8<-- [start:password-hashing]
password_hash = PasswordHash.recommended()  # Argon2id with pwdlib's recommended parameters


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return password_hash.verify(password, hashed)
# --8<-- [end:password-hashing]


# --8<-- [start:jwt-tokens]
def create_access_token(username: str, role: str, settings: Settings) -> str:
    now = datetime.now(UTC)
    claims = {"sub": username, "role": role, "iat": now, "exp": now + timedelta(minutes=settings.access_token_minutes)}
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=ALGORITHM)


def decode_access_token(token: str, settings: Settings) -> dict:
    """The token's claims; raises Unauthorized if it is malformed, forged or expired."""
    try:
        return jwt.decode(
            token, settings.jwt_secret.get_secret_value(), algorithms=[ALGORITHM], options={"require": ["exp", "sub"]}
        )
    except jwt.ExpiredSignatureError:
        raise Unauthorized("the access token has expired") from None
    except jwt.InvalidTokenError:
        raise Unauthorized("the access token is not valid") from None
# --8<-- [end:jwt-tokens]


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    refresh_token: str


class RefreshRequest(BaseModel):
    refresh_token: Text = Field(min_length=20, max_length=100)


class CurrentUser(BaseModel):
    username: str
    role: str


router = APIRouter(prefix="/api/v2/auth", tags=["auth"], responses=error_responses(400, 422, 503))
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v2/auth/token", auto_error=False)


# --8<-- [start:token-endpoint]
# --8<-- [start:login-password-check]
DUMMY_HASH = hash_password("not-a-real-password")


async def check_password(user: User | None, password: str) -> bool:
    """Argon2 is slow on purpose, so it runs in a worker thread, not on the event loop; an unknown
    user is checked against a dummy hash, so the answer takes as long and does not reveal names."""
    hashed = user.password_hash if user else DUMMY_HASH
    valid = await run_in_threadpool(verify_password, password, hashed)
    return valid and user is not None
# --8<-- [end:login-password-check]


@router.post("/token", responses=error_responses(401))
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep, settings: SettingsDep
) -> Token:
    username = form.username if form.username.isprintable() else ""
    async with session.begin():
        user = await session.scalar(select(User).where(User.username == username))
        if not await check_password(user, form.password):  # off the loop, as slow for unknown names
            raise Unauthorized("wrong username or password")
        refresh_token = await new_refresh_token(session, user.username, settings)
    return Token(access_token=create_access_token(user.username, user.role, settings), refresh_token=refresh_token)
# --8<-- [end:token-endpoint]


# --8<-- [start:refresh-token-rotation]
def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def new_refresh_token(session: AsyncSession, username: str, settings: Settings) -> str:
    token = secrets.token_urlsafe(32)
    expires_at = int(time.time()) + settings.refresh_token_days * 86_400
    session.add(RefreshToken(token_hash=token_digest(token), username=username, expires_at=expires_at))
    return token


@router.post("/refresh", responses=error_responses(401))
async def refresh(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> Token:
    """Each refresh token works once and returns a new pair. A token used twice was copied:
    every refresh token of that user is revoked, so the thief and the user both sign in again."""
    async with session.begin():
        stored = await session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_digest(body.refresh_token)).with_for_update()
        )
        if stored is None or stored.expires_at < time.time():
            raise Unauthorized("the refresh token is not valid")
        replayed = stored.used
        if replayed:
            await session.execute(update(RefreshToken).where(RefreshToken.username == stored.username).values(used=True))
        else:
            stored.used = True
            user = await session.scalar(select(User).where(User.username == stored.username))
            refresh_token = await new_refresh_token(session, user.username, settings)
    if replayed:  # raised after the commit, so the revocation is kept
        raise Unauthorized("this refresh token was already used; sign in again")
    return Token(access_token=create_access_token(user.username, user.role, settings), refresh_token=refresh_token)
# --8<-- [end:refresh-token-rotation]



# --8<-- [start:current-user-dependency]
async def get_current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)], settings: SettingsDep
) -> CurrentUser:
    if token is None:
        raise Unauthorized("sign in first: send 'Authorization: Bearer <token>'")
    claims = decode_access_token(token, settings)
    return CurrentUser(username=claims["sub"], role=claims.get("role", "viewer"))


CurrentUserDep = Annotated[CurrentUser, Depends(get_current_user)]
# --8<-- [end:current-user-dependency]


# --8<-- [start:role-check]
def require_role(minimum: str):
    """A dependency that lets through users whose role is `minimum` or higher, else 403."""

    async def check(user: CurrentUserDep) -> CurrentUser:
        if user.role not in ROLES or ROLES.index(user.role) < ROLES.index(minimum):
            raise Forbidden(f"this needs the '{minimum}' role; you are '{user.role}'")
        return user

    return check


EditorDep = Annotated[CurrentUser, Depends(require_role("editor"))]
AdminDep = Annotated[CurrentUser, Depends(require_role("admin"))]
# --8<-- [end:role-check]
