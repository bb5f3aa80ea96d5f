from collections import defaultdict

from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from fastapi.testclient import TestClient

app = FastAPI()


# --8<-- [start:show]
class Rooms:
    """Sockets open in THIS process; other workers have theirs."""

    def __init__(self) -> None:
        self.members: dict[str, set[WebSocket]] = defaultdict(set)

    async def broadcast(self, room: str, text: str) -> None:
        for socket in list(self.members[room]):
            await socket.send_text(text)


rooms = Rooms()


@app.websocket("/ws/{room}/{user}")
async def chat(websocket: WebSocket, room: str, user: str) -> None:
    await websocket.accept()
    rooms.members[room].add(websocket)
    await rooms.broadcast(room, f"{user} joined")
    try:
        while True:
            text = await websocket.receive_text()
            await rooms.broadcast(room, f"{user}: {text}")
    except WebSocketDisconnect:
        rooms.members[room].discard(websocket)
        await rooms.broadcast(room, f"{user} left")
# --8<-- [end:show]


with TestClient(app) as client:  # one event loop for both connections
    with client.websocket_connect("/ws/fintech/ada") as ada:
        ada.receive_text()  # "ada joined"
        with client.websocket_connect("/ws/fintech/bob") as bob:
            print("ada got:", ada.receive_text())
            #> ada got: bob joined
            print("bob got:", bob.receive_text())
            #> bob got: bob joined
            bob.send_text("hi all")
            print("ada got:", ada.receive_text())
            #> ada got: bob: hi all
        print("ada got:", ada.receive_text())
        #> ada got: bob left
print(f"open sockets in fintech: {len(rooms.members['fintech'])}")
#> open sockets in fintech: 0
