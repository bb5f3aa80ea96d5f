import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("DROP SCHEMA IF EXISTS locking_demo CASCADE")
db.execute("CREATE SCHEMA locking_demo")
db.execute("CREATE TABLE locking_demo.startups"
           " (id int PRIMARY KEY, name text, version int NOT NULL)")
db.execute("INSERT INTO locking_demo.startups VALUES (1, 'Acme', 1)")
# --8<-- [start:show]
other = psycopg.connect(URL, autocommit=True)
LOCK = "SELECT name FROM locking_demo.startups WHERE id = 1 FOR UPDATE"

# pessimistic: lock the row first; other writers must wait
with db.transaction():
    db.execute(LOCK)  # held until this transaction ends
    try:
        other.execute(LOCK + " NOWAIT")  # fail instead of waiting
    except psycopg.errors.LockNotAvailable as error:
        print(type(error).__name__)
        #> LockNotAvailable
    print(other.execute(LOCK + " SKIP LOCKED").fetchall())
    #> []

# optimistic: no lock; UPDATE only if the version is unchanged
RENAME = """UPDATE locking_demo.startups
    SET name = %s, version = version + 1
    WHERE id = 1 AND version = %s RETURNING version"""
print(db.execute(RENAME, ["Acme Inc", 1]).fetchone())  # first wins
#> (2,)
print(other.execute(RENAME, ["Acme Ltd", 1]).fetchone())  # stale
#> None
# --8<-- [end:show]
other.close()
db.execute("DROP SCHEMA locking_demo CASCADE")
db.close()
