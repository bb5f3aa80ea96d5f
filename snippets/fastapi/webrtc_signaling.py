from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from fastapi.testclient import TestClient

# --8<-- [start:show]
app = FastAPI()
rooms: dict[str, dict[str, WebSocket]] = {}  # room -> peer


@app.websocket("/signal/{room}/{peer}")
async def signal(websocket: WebSocket, room: str, peer: str) -> None:
    await websocket.accept()
    members = rooms.setdefault(room, {})
    members[peer] = websocket
    for name, other in members.items():
        if name != peer:
            await other.send_json({"type": "peer-joined", "from": peer})
    try:
        while True:  # relay offers, answers, ICE; never media
            message = await websocket.receive_json()
            target = members[message["to"]]
            await target.send_json({**message, "from": peer})
    except WebSocketDisconnect:
        del members[peer]
# --8<-- [end:show]


def show(who: str, message: dict[str, str]) -> None:
    print(f"{who} got {message['type']} from {message['from']}")
    #> alice got peer-joined from bob
    #> bob got offer from alice
    #> alice got answer from bob
    #> bob got ice from alice


with TestClient(app) as client:
    with client.websocket_connect("/signal/call-7/alice") as alice:
        with client.websocket_connect("/signal/call-7/bob") as bob:
            show("alice", alice.receive_json())
            alice.send_json({"type": "offer", "to": "bob", "sdp": "v=0..."})
            show("bob", bob.receive_json())
            bob.send_json({"type": "answer", "to": "alice", "sdp": "v=0..."})
            show("alice", alice.receive_json())
            alice.send_json({"type": "ice", "to": "bob", "candidate": "..."})
            show("bob", bob.receive_json())
