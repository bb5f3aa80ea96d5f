import hashlib
import json
import sqlite3

# --8<-- [start:show]
db = sqlite3.connect(":memory:")
db.executescript("""
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entry TEXT, hash TEXT);
CREATE TRIGGER no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
""")


def append(actor: str, action: str, amount_cents: int) -> None:
    last = db.execute("SELECT hash FROM audit_log ORDER BY id DESC").fetchone()
    entry = json.dumps({"actor": actor, "action": action,
                        "amount_cents": amount_cents}, sort_keys=True)
    chained = hashlib.sha256(((last[0] if last else "") + entry).encode())
    db.execute("INSERT INTO audit_log (entry, hash) VALUES (?, ?)",
               (entry, chained.hexdigest()))  # seals the row before


def chain_is_intact() -> bool:
    previous = ""
    rows = db.execute("SELECT entry, hash FROM audit_log ORDER BY id")
    for entry, stored in rows:
        previous = hashlib.sha256((previous + entry).encode()).hexdigest()
        if previous != stored:
            return False
    return True
# --8<-- [end:show]


append("ana", "transfer", 30_00)
append("eli", "refund", 5_00)
try:
    db.execute("UPDATE audit_log SET entry = '{}' WHERE id = 1")
except sqlite3.IntegrityError as error:
    print(error)
    #> audit log is append-only
print(chain_is_intact())
#> True

db.execute("DROP TRIGGER no_update")  # an insider with DDL rights...
db.execute("UPDATE audit_log SET entry = replace(entry, '3000', '300')")
print(chain_is_intact())  # ...is still caught
#> False
