import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("""
    CREATE TEMP TABLE users AS
    SELECT n AS id, 'user' || n || '@example.com' AS email,
           CASE WHEN n % 100 = 0 THEN 'banned' ELSE 'active' END AS status
    FROM generate_series(1, 100000) AS n
""")
for column in ("id", "email", "status"):
    db.execute(f"CREATE INDEX ON users ({column})")
db.execute("ANALYZE users")


# --8<-- [start:show]
def scan(where: str) -> str:
    sql = f"EXPLAIN (COSTS OFF) SELECT * FROM users WHERE {where}"
    top = db.execute(sql).fetchone()[0]
    return top.split(" using ")[0].split(" on ")[0]


for where in [
    "email = 'user7@example.com'",  # uses the index
    "lower(email) = 'user7@example.com'",  # function on column
    "email LIKE '%7@example.com'",  # leading wildcard
    "id = 7.0",  # numeric literal: the int column is cast
    "status = 'active'",  # 99% of rows: a scan is cheaper
    "status = 'banned'",  # 1% of rows: the index pays off
]:
    print(f"{scan(where):<17} {where}")
    #> Index Scan        email = 'user7@example.com'
    #> Seq Scan          lower(email) = 'user7@example.com'
    #> Seq Scan          email LIKE '%7@example.com'
    #> Seq Scan          id = 7.0
    #> Seq Scan          status = 'active'
    #> Index Scan        status = 'banned'

db.execute("CREATE INDEX ON users (lower(email))")  # expression
db.execute("ANALYZE users")
print(scan("lower(email) = 'user7@example.com'"))
#> Index Scan
# --8<-- [end:show]
db.close()
