import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("DROP SCHEMA IF EXISTS deadlock_demo CASCADE")
db.execute("CREATE SCHEMA deadlock_demo")
db.execute("CREATE TABLE deadlock_demo.accounts"
           " (id int PRIMARY KEY, cents int)")
db.execute("INSERT INTO deadlock_demo.accounts VALUES (1, 500), (2, 500)")
# --8<-- [start:show]
MOVE = "UPDATE deadlock_demo.accounts SET cents = cents + %s WHERE id = %s"
alice_to_bob = psycopg.connect(URL)  # BEGIN is implicit
bob_to_alice = psycopg.connect(URL)


def finish(transfer: psycopg.Connection, target: int) -> str:
    try:
        transfer.execute(MOVE, [100, target])  # waits for a lock
        transfer.commit()
        return "committed"
    except psycopg.errors.DeadlockDetected as error:
        transfer.rollback()  # the server already aborted it
        return type(error).__name__


alice_to_bob.execute(MOVE, [-100, 1])  # holds row 1
bob_to_alice.execute(MOVE, [-100, 2])  # holds row 2
with ThreadPoolExecutor(1) as pool:
    first = pool.submit(finish, alice_to_bob, 2)  # waits: row 2
    time.sleep(0.2)
    print(finish(bob_to_alice, 1))  # waits: row 1, a cycle
    #> committed
    print(first.result())  # after 1 s (deadlock_timeout): victim
    #> DeadlockDetected

alice_to_bob.execute(MOVE, [-100, 1])  # fix: retry it all
print(finish(alice_to_bob, 2))
#> committed
print(db.execute("SELECT sum(cents) FROM deadlock_demo.accounts").fetchone())
#> (1000,)
# --8<-- [end:show]
alice_to_bob.close()
bob_to_alice.close()
db.execute("DROP SCHEMA deadlock_demo CASCADE")
db.close()
