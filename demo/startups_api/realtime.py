"""A WebSocket that streams the answer to a query word by word, like a chat reply."""

import asyncio

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from .dependencies import IndexDep, RankPoolDep, SettingsDep
from .errors import DomainError
from .schemas import QueryRequest
from .service import answer_query

router = APIRouter(tags=["realtime"])


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
