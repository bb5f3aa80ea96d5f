from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from fastapi.testclient import TestClient

app = FastAPI()
server_log: list[str] = []


# --8<-- [start:show]
@app.websocket("/ws/answer")
async def answer(websocket: WebSocket) -> None:
    await websocket.accept()  # completes the HTTP upgrade
    try:
        while True:  # one long-lived coroutine per connection
            question = await websocket.receive_text()
            for word in f"Top pick for {question}: acme".split():
                await websocket.send_json({"word": word})
            await websocket.send_json({"done": True})
    except WebSocketDisconnect:
        server_log.append("client disconnected")
# --8<-- [end:show]


with TestClient(app).websocket_connect("/ws/answer") as ws:
    for question in ["fintech", "climate"]:
        ws.send_text(question)
        words = []
        while "word" in (message := ws.receive_json()):
            words.append(message["word"])
        print(" ".join(words))
        #> Top pick for fintech: acme
        #> Top pick for climate: acme
print(server_log)
#> ['client disconnected']
