"""The startups resource: paginated reads, cached lookups, and writes that are safe to retry."""

import asyncio
import base64
import csv
import hashlib
import io
import json
import weakref
from collections.abc import AsyncIterator
from contextlib import nullcontext
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Header, Path, Query, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .auth import AdminDep, EditorDep
from .conditional import NOT_MODIFIED, conditional_json
from .db import AuditEvent, IdempotencyRecord, OutboxEvent, Startup, has_tag, utc_now
from .dependencies import CacheDep, OutboxRelayDep, SessionDep, SettingsDep
from .events import EventsDep
from .limits import Cache
from .errors import Conflict, InvalidInput, NotFound, PayloadTooLarge, UnsupportedMediaType, error_responses
from .schemas import ImportReport, Text, StartupIn, StartupOut, StartupPage, StartupPatch, StartupScroll

router = APIRouter(prefix="/api/v2/startups", tags=["startups"], responses=error_responses(503))

# --8<-- [start:soft-delete]
ACTIVE = Startup.deleted_at.is_(None)  # every read filters on this; DELETE only sets deleted_at
# --8<-- [end:soft-delete]

StartupId = Annotated[int, Path(ge=1, le=2**31 - 1, examples=[1])]


# --8<-- [start:eager-loading]
def active_startups():
    """Startups with their funding rounds: selectinload fetches the rounds of every startup on
    the page in one extra query, instead of one query per startup (the N+1 problem)."""
    return select(Startup).options(selectinload(Startup.funding_rounds)).where(ACTIVE)
# --8<-- [end:eager-loading]


# --8<-- [start:path-and-query-params]
@router.get("", response_model=StartupPage, responses=error_responses(422))
async def list_startups(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    sector: Annotated[Text | None, Query(min_length=2, max_length=40)] = None,
    tag: Annotated[Text | None, Query(min_length=2, max_length=30)] = None,
) -> StartupPage:
    query = active_startups()
    if sector:
        query = query.where(Startup.sector == sector)
    if tag:
        query = query.where(has_tag(tag, session.bind.dialect.name))
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = await session.scalars(query.order_by(Startup.id).limit(limit).offset(offset))
    items = [StartupOut.model_validate(row) for row in rows]
    return StartupPage(items=items, limit=limit, offset=offset, total=total)
# --8<-- [end:path-and-query-params]


# --8<-- [start:cursor-pagination]
def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": last_id}).encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor.encode()))["after"]
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("the cursor is not one this API issued") from None
    if not isinstance(after, int):
        raise InvalidInput("the cursor is not one this API issued")
    return after


@router.get("/scroll", response_model=StartupScroll, responses=error_responses(422))
async def scroll_startups(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> StartupScroll:
    """Keyset pagination: WHERE id > last seen id, so deep pages cost the same as the first."""
    query = active_startups().order_by(Startup.id).limit(limit + 1)
    if cursor:
        query = query.where(Startup.id > decode_cursor(cursor))
    rows = list(await session.scalars(query))
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return StartupScroll(items=[StartupOut.model_validate(row) for row in rows[:limit]], next_cursor=next_cursor)
# --8<-- [end:cursor-pagination]


CSV_BODY = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}  # not JSON, as OpenAPI says


# --8<-- [start:streaming-export]
@router.get("/export.csv", response_class=StreamingResponse, responses=CSV_BODY)
async def export_csv(session: SessionDep) -> StreamingResponse:
    """Rows are written as they are read: memory stays flat however large the table is."""

    async def lines() -> AsyncIterator[str]:
        yield "id,name,sector,city,founded,employees\r\n"
        rows = await session.stream_scalars(select(Startup).where(ACTIVE).order_by(Startup.id))
        async for row in rows:
            buffer = io.StringIO()
            csv.writer(buffer).writerow([row.id, row.name, row.sector, row.city, row.founded, row.employees])
            yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="startups.csv"'}
    return StreamingResponse(lines(), media_type="text/csv", headers=headers)
# --8<-- [end:streaming-export]


# the file part is sent as text/csv; the example is a file the import accepts
CSV_EXAMPLE = "name,sector,city,founded,employees\r\nAcme Robotics,logistics,Lisbon,2021,12\r\n"
CSV_UPLOAD = {
    "requestBody": {
        "content": {
            "multipart/form-data": {"encoding": {"file": {"contentType": "text/csv"}}, "example": {"file": CSV_EXAMPLE}}
        }
    }
}


# --8<-- [start:csv-upload]
CSV_TYPES = {"text/csv", "application/csv"}
CSV_COLUMNS = ("name", "sector", "city", "founded", "employees")


@router.post(
    "/import",
    response_model=ImportReport,
    responses=error_responses(400, 401, 403, 413, 415, 422),
    openapi_extra=CSV_UPLOAD,
)
async def import_csv(file: UploadFile, user: EditorDep, session: SessionDep, settings: SettingsDep) -> ImportReport:
    """Adds the startups of a CSV file (header: name,sector,city,founded,employees)."""
    if file.content_type not in CSV_TYPES:
        raise UnsupportedMediaType(f"send a CSV file (text/csv), not {file.content_type}")
    if file.size is None or file.size > settings.upload_max_bytes:
        raise PayloadTooLarge(f"the file is larger than {settings.upload_max_bytes} bytes")
    try:
        reader = csv.DictReader(io.StringIO((await file.read()).decode("utf-8")))
        if not set(CSV_COLUMNS) <= set(reader.fieldnames or ()):  # not a startups file, even with no rows
            raise InvalidInput(f"the first line must name the columns {','.join(CSV_COLUMNS)}")
        rows = [StartupIn.model_validate(row) for row in reader]
    except UnicodeDecodeError:
        raise InvalidInput("the file is not UTF-8 text") from None
    except csv.Error as error:  # e.g. a field over the csv module's 128 KiB limit: a 422, not a 500
        raise InvalidInput(f"the file is not valid CSV: {error}") from None
    except ValidationError as error:
        raise InvalidInput(f"line {reader.line_num}: {error.errors()[0]['msg']}") from None
    async with session.begin():
        names = [row.name for row in rows]
        existing = set(await session.scalars(select(Startup.name).where(Startup.name.in_(names), ACTIVE)))
        new = {row.name: row for row in rows if row.name not in existing}
        session.add_all(Startup(**row.model_dump(), funding_rounds=[]) for row in new.values())
    return ImportReport(created=len(new), skipped_existing=len(rows) - len(new))
# --8<-- [end:csv-upload]


# --8<-- [start:cache-aside]
@router.get("/{startup_id}", response_model=StartupOut, responses={**NOT_MODIFIED, **error_responses(404, 422)})
async def get_startup(
    startup_id: StartupId,
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header(max_length=2000)] = None,
):
    """Cache-aside: serve from the cache, else read the database and fill the cache for a TTL.
    Both answers carry an ETag, and a matching If-None-Match gets a 304 (conditional-get)."""
    key = f"startup:{startup_id}"
    if (cached := await cache.get(key)) is not None:
        return conditional_json(cached, if_none_match, {"X-Cache": "hit"})
    startup = await session.scalar(active_startups().where(Startup.id == startup_id))
    if startup is None:
        raise NotFound(f"no startup with id {startup_id}")
    body = StartupOut.model_validate(startup).model_dump_json()
    await cache.set(key, body, settings.cache_ttl_seconds)
    return conditional_json(body, if_none_match, {"X-Cache": "miss"})
# --8<-- [end:cache-aside]


async def warm_cache(cache: Cache, created: StartupOut, ttl_seconds: int) -> None:
    """Puts a new startup in the cache, so the client's first read of it is already a hit."""
    await cache.set(f"startup:{created.id}", created.model_dump_json(), ttl_seconds)


def request_fingerprint(body: StartupIn) -> str:
    return hashlib.sha256(body.model_dump_json().encode()).hexdigest()


# --8<-- [start:idempotency-key-lock]
# weak values: an entry lives only while some request holds its lock, then it disappears by itself
key_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()


def lock_for(idempotency_key: str) -> asyncio.Lock:
    """The one lock of this key in this process, so two requests with one key run one after the
    other and the second finds the first one's stored response instead of a taken name."""
    lock = key_locks.get(idempotency_key)
    if lock is None:
        lock = key_locks[idempotency_key] = asyncio.Lock()
    return lock
# --8<-- [end:idempotency-key-lock]


# --8<-- [start:idempotency-key]
@router.post("", status_code=201, response_model=StartupOut, responses=error_responses(400, 401, 403, 409, 422))
async def create_startup(
    body: StartupIn,
    user: EditorDep,
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    relay: OutboxRelayDep,
    events: EventsDep,
    background: BackgroundTasks,
    idempotency_key: Annotated[str, Header(min_length=8, max_length=100, pattern=r"^[!-~]+$")] = None,  # no null header
):
    """A client that retries with the same Idempotency-Key gets the first response again."""
    key_lock = lock_for(idempotency_key) if idempotency_key else nullcontext()  # a strong reference while we run
    # --8<-- [start:transaction]
    try:
        async with key_lock, session.begin():  # one transaction: the startup, its audit and outbox rows, the stored response
            if idempotency_key and (done := await session.get(IdempotencyRecord, idempotency_key)):
                if done.request_hash != request_fingerprint(body):
                    raise InvalidInput("this Idempotency-Key was used with a different request body")
                return JSONResponse(json.loads(done.body), done.status_code, {"Idempotent-Replayed": "true"})
            startup = Startup(**body.model_dump(), funding_rounds=[])
            session.add(startup)
            await session.flush()  # INSERT now: assigns the id, or fails on the unique name
            created = StartupOut.model_validate(startup)
            session.add(AuditEvent(action="created", startup_id=startup.id, actor=user.username))
            # --8<-- [start:outbox-write]
            # the event commits with the startup or not at all: never saved but unannounced
            payload = json.dumps({"startup_id": startup.id, "name": startup.name})
            session.add(OutboxEvent(topic="startup.created", payload=payload))
            # --8<-- [end:outbox-write]
            if idempotency_key:
                session.add(
                    IdempotencyRecord(
                        key=idempotency_key,
                        request_hash=request_fingerprint(body),
                        status_code=201,
                        body=created.model_dump_json(),
                    )
                )
    # --8<-- [end:transaction]
    # --8<-- [start:unique-conflict]
    except IntegrityError:
        raise Conflict(f"a startup named '{body.name}' already exists") from None
    # --8<-- [end:unique-conflict]
    # --8<-- [start:background-task]
    # runs after the response is sent, in this process; a slow job, or one that must retry or
    # survive a restart, belongs on a real queue: the relay hands the outbox event to Celery
    background.add_task(warm_cache, cache, created, settings.cache_ttl_seconds)
    background.add_task(relay.run_once)
    # --8<-- [end:background-task]
    await events.publish({"type": "startup.created", "id": created.id, "name": created.name})  # live, every worker
    return created
# --8<-- [end:idempotency-key]


# --8<-- [start:optimistic-locking]
@router.patch("/{startup_id}", response_model=StartupOut, responses=error_responses(400, 401, 403, 404, 409, 422))
async def update_startup(
    startup_id: StartupId, body: StartupPatch, user: EditorDep, session: SessionDep, cache: CacheDep, events: EventsDep
) -> StartupOut:
    """Applies the change only if nobody changed the row since the client read `version`."""
    changes = body.changes()  # only the fields sent: a null clears, a field left out stays
    async with session.begin():
        updated = await session.scalar(
            update(Startup)
            .where(Startup.id == startup_id, Startup.version == body.version, ACTIVE)
            .values(**changes, version=Startup.version + 1)
            .returning(Startup.id)
        )
        if updated is None:
            current = await session.scalar(select(Startup.version).where(Startup.id == startup_id, ACTIVE))
            if current is None:
                raise NotFound(f"no startup with id {startup_id}")
            raise Conflict(f"version {body.version} is out of date; the current version is {current}")
    await cache.delete(f"startup:{startup_id}")
    fresh = await session.scalar(
        active_startups().where(Startup.id == startup_id).execution_options(populate_existing=True)
    )
    await events.publish({"type": "startup.updated", "id": startup_id, "version": fresh.version})
    return StartupOut.model_validate(fresh)
# --8<-- [end:optimistic-locking]


@router.delete("/{startup_id}", status_code=204, responses=error_responses(401, 403, 404, 422))
async def delete_startup(startup_id: StartupId, user: AdminDep, session: SessionDep, cache: CacheDep) -> None:
    async with session.begin():
        deleted = await session.scalar(
            update(Startup)
            .where(Startup.id == startup_id, ACTIVE)
            .values(deleted_at=utc_now(), version=Startup.version + 1)
            .returning(Startup.id)
        )
        if deleted is None:
            raise NotFound(f"no startup with id {startup_id}")
    await cache.delete(f"startup:{startup_id}")
