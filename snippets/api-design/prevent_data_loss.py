# --8<-- [start:show]
import sqlite3

db = sqlite3.connect(":memory:")
db.executescript("""
    CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT);
    CREATE TABLE outbox (id INTEGER PRIMARY KEY, event TEXT, sent INTEGER);
""")


def place_order(item: str, crash: bool = False) -> None:
    with db:  # one transaction: COMMIT at the end, ROLLBACK on any error
        db.execute("INSERT INTO orders (item) VALUES (?)", (item,))
        if crash:
            raise ConnectionError("worker died between the two writes")
        db.execute("INSERT INTO outbox (event, sent) VALUES (?, 0)",
                   (f"order_placed:{item}",))  # same transaction


def counts() -> tuple[int, int]:
    return (db.execute("SELECT COUNT(*) FROM orders").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])


try:
    place_order("book", crash=True)
except ConnectionError:
    pass
print("after the crash (orders, events):", counts())  # nothing half-written
#> after the crash (orders, events): (0, 0)
place_order("pen")
print("after a clean order (orders, events):", counts())
#> after a clean order (orders, events): (1, 1)
# --8<-- [end:show]
unsent = db.execute("SELECT id, event FROM outbox WHERE sent = 0").fetchall()
with db:  # a relay publishes unsent events, then marks them sent
    for event_id, event in unsent:
        print("publish", event)
        #> publish order_placed:pen
        db.execute("UPDATE outbox SET sent = 1 WHERE id = ?", (event_id,))
