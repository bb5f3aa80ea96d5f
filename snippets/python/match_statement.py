def describe(event):
    match event:  # Python 3.10+ structural pattern matching
        case {"type": "click", "x": int(x), "y": int(y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": "enter" | "return"}:
            return "submit"
        case [first, *rest]:  # a sequence pattern with capture
            return f"batch of {1 + len(rest)} starting with {first}"
        case str(text) if text.startswith("/"):  # a guard
            return f"command {text}"
        case _:  # the default case
            return "unknown"


events = [{"type": "click", "x": 3, "y": 4}, {"type": "key", "key": "return"},
          ["a", "b"], "/help", 42]
for event in events:
    print(describe(event))
    #> click at 3,4
    #> submit
    #> batch of 2 starting with a
    #> command /help
    #> unknown

HANDLERS = {"GET": "read", "POST": "create"}  # simple value switch: a dict
print(HANDLERS.get("DELETE", "405"))
#> 405
