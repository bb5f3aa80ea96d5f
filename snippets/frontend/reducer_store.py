# --8<-- [start:show]
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class AnswerState:  # one slice of the store: immutable
    status: str = "idle"
    words: tuple[str, ...] = ()
    rows: tuple[dict, ...] = ()


def answer_reducer(state: AnswerState, action: dict) -> AnswerState:
    """Pure: same state and action, same new state."""
    match action:
        case {"type": "query/sent"}:
            return AnswerState(status="streaming")
        case {"token": word}:  # demo WebSocket messages
            return replace(state, words=state.words + (word,))
        case {"done": True, "rows": rows}:
            return replace(state, status="done", rows=tuple(rows))
    return state


class Store:
    def __init__(self, reducer, state):
        self.reducer, self.state = reducer, state
        self.history = [state]

    def dispatch(self, action: dict) -> None:  # the only way in
        self.state = self.reducer(self.state, action)
        self.history.append(self.state)  # old states stay intact
# --8<-- [end:show]


store = Store(answer_reducer, AnswerState())
for action in ({"type": "query/sent"}, {"token": "Acme"}, {"token": "leads"},
               {"done": True, "rows": [{"name": "Acme"}]}):
    store.dispatch(action)
    print(f"{store.state.status:9} {' '.join(store.state.words)!r}")
    #> streaming ''
    #> streaming 'Acme'
    #> streaming 'Acme leads'
    #> done      'Acme leads'
print("states kept for time-travel debugging:", len(store.history))
#> states kept for time-travel debugging: 5
