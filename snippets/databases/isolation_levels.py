import os
import sys

import psycopg
from psycopg import IsolationLevel

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("DROP SCHEMA IF EXISTS isolation_demo CASCADE")
db.execute("CREATE SCHEMA isolation_demo")
db.execute("CREATE TABLE isolation_demo.stock (item text, quantity int)")
db.execute("INSERT INTO isolation_demo.stock VALUES ('pen', 100)")
reader = psycopg.connect(URL, autocommit=True)
print(reader.execute("SHOW default_transaction_isolation").fetchone()[0])
#> read committed
# --8<-- [start:show]
SELECT = "SELECT quantity FROM isolation_demo.stock"
SELL_ONE = "UPDATE isolation_demo.stock SET quantity = quantity - 1"


def read_twice(level: IsolationLevel) -> tuple[int, int]:
    reader.isolation_level = level
    with reader.transaction():  # BEGIN ISOLATION LEVEL ...
        first = reader.execute(SELECT).fetchone()[0]
        db.execute(SELL_ONE)  # another connection commits
        second = reader.execute(SELECT).fetchone()[0]
    return first, second


print(read_twice(IsolationLevel.READ_COMMITTED))  # sees it
#> (100, 99)
print(read_twice(IsolationLevel.REPEATABLE_READ))  # snapshot
#> (99, 99)
try:
    with reader.transaction():  # still REPEATABLE READ
        reader.execute(SELECT)  # the snapshot starts here
        db.execute(SELL_ONE)
        reader.execute(SELL_ONE)  # changed since the snapshot
except psycopg.errors.SerializationFailure as error:
    print(error.sqlstate, error)  # retry the whole transaction
    #> 40001 could not serialize access due to concurrent update
# --8<-- [end:show]
reader.close()
db.execute("DROP SCHEMA isolation_demo CASCADE")
db.close()
