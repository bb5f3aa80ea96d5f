import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("DROP SCHEMA IF EXISTS acid_demo CASCADE")
db.execute("CREATE SCHEMA acid_demo")
db.execute("SET search_path TO acid_demo")
# --8<-- [start:show]
db.execute("CREATE TABLE accounts (name text PRIMARY KEY,"
           " balance int CHECK (balance >= 0))")  # consistency
db.execute("INSERT INTO accounts VALUES ('alice', 100), ('bob', 0)")
MOVE = "UPDATE accounts SET balance = balance + %s WHERE name = %s"


def transfer(amount: int) -> None:
    with db.transaction():  # BEGIN; COMMIT, or ROLLBACK on error
        db.execute(MOVE, [amount, "bob"])  # credit first...
        db.execute(MOVE, [-amount, "alice"])  # ...then debit


def balances(connection: psycopg.Connection) -> dict:
    sql = "SELECT * FROM acid_demo.accounts ORDER BY name"
    return dict(connection.execute(sql).fetchall())


transfer(30)
print(balances(db))
#> {'alice': 70, 'bob': 30}
try:
    transfer(500)  # credit ok, then the debit breaks the CHECK
except psycopg.errors.CheckViolation as error:
    print(type(error).__name__)
    #> CheckViolation
print(balances(db))  # atomic: bob's credit was rolled back
#> {'alice': 70, 'bob': 30}
with psycopg.connect(URL) as other:  # committed: visible to all
    print(balances(other))
    #> {'alice': 70, 'bob': 30}
# --8<-- [end:show]
db.execute("DROP SCHEMA acid_demo CASCADE")
db.close()
