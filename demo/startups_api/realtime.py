"""The answer to a query, word by word like a chat reply: over a WebSocket, and as Server-Sent Events."""

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, WebSocket, WebSocketDisconnect
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import ValidationError

from .dependencies import IndexDep, RankPoolDep, SessionDep, SettingsDep
from .errors import DomainError, error_responses
from .schemas import QueryRequest, RankedStartup
from .service import answer_query

router = APIRouter(tags=["realtime"])
# Answered before the stream starts, as JSON: given a model, FastAPI would document these with the
# route's own media type, text/event-stream.
ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
STREAM_ERRORS = {
    status: {"description": response["description"], "content": ERROR_JSON}
    for status, response in error_responses(404, 422, 503, 504).items()
}


# --8<-- [start:websocket-stream]
@router.websocket("/api/v2/ws/answer")
async def stream_answer(websocket: WebSocket, index: IndexDep, pool: RankPoolDep, settings: SettingsDep) -> None:
    """Send {"query": ..., "startups": [...]}; receive the answer one word at a time, then the rows."""
    await websocket.accept()
    try:
        while True:
            try:
                request = QueryRequest.model_validate(await websocket.receive_json())
                async with websocket.app.state.sessions() as session:
                    answer, rows = await answer_query(request, session, index, pool, settings.query_timeout_seconds)
            except (ValidationError, DomainError, ValueError) as error:
                await websocket.send_json({"error": str(getattr(error, "message", error))})
                continue
            for word in answer.split():
                await websocket.send_json({"token": word})
                await asyncio.sleep(0.02)  # a model would produce tokens at its own pace
            await websocket.send_json({"done": True, "rows": [row.model_dump() for row in rows]})
    except WebSocketDisconnect:
        pass  # the client left; nothing to clean up
# --8<-- [end:websocket-stream]


# --8<-- [start:sse-stream]
async def answer_before_streaming(
    query: Annotated[QueryRequest, Query()], session: SessionDep, index: IndexDep, pool: RankPoolDep,
    settings: SettingsDep,
) -> tuple[str, list[RankedStartup]]:
    """Runs before the first byte is sent, so an unknown startup is still a plain 404: once a
    stream has started, its status can no longer change."""
    return await answer_query(query, session, index, pool, settings.query_timeout_seconds)


@router.get("/api/v2/answer/stream", response_class=EventSourceResponse, responses=STREAM_ERRORS)
async def stream_answer_events(
    answer: Annotated[tuple[str, list[RankedStartup]], Depends(answer_before_streaming)],
) -> AsyncIterator[ServerSentEvent]:
    """?query=...&startups=A&startups=B; Server-Sent Events: "token" per word, then "done" with
    the rows, and the stream ends. A browser reads it with EventSource, which reconnects when a
    stream ends, so the page calls close() on "done"."""
    text, rows = answer
    for number, word in enumerate(text.split()):
        yield ServerSentEvent(event="token", data=word, id=str(number))
        await asyncio.sleep(0.02)  # a model would produce tokens at its own pace
    yield ServerSentEvent(event="done", data=[row.model_dump() for row in rows])
# --8<-- [end:sse-stream]
