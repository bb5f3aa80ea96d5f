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
    CREATE TEMP TABLE orders AS
    SELECT n AS id, n % 1000 AS customer_id, (n % 500)::numeric AS amount,
           CASE WHEN n % 100 = 0 THEN 'failed' ELSE 'paid' END AS status,
           now() - n * interval '1 minute' AS created_at
    FROM generate_series(1, 200000) AS n
""")
# --8<-- [start:show]
# composite: the equality column first, then the sorted one
db.execute("CREATE INDEX by_customer_date"
           " ON orders (customer_id, created_at)")
# partial: indexes only the 1% of rows one query looks for
db.execute("CREATE INDEX failed_by_date ON orders (created_at)"
           " WHERE status = 'failed'")
# covering: INCLUDE stores amount, so the table is not read
db.execute("CREATE INDEX customer_amount ON orders (customer_id)"
           " INCLUDE (amount)")
db.execute("VACUUM ANALYZE orders")  # sets the visibility map


def scan(sql: str) -> str:
    plan = db.execute(f"EXPLAIN (COSTS OFF) {sql}").fetchall()
    used = next(row[0] for row in plan if " using " in row[0])
    return used.strip(" ->")


print(scan("SELECT id FROM orders WHERE customer_id = 7"
           " ORDER BY created_at DESC LIMIT 10"))
#> Index Scan Backward using by_customer_date on orders
print(scan("SELECT id FROM orders WHERE status = 'failed'"
           " AND created_at > now() - interval '1 day'"))
#> Index Scan using failed_by_date on orders
print(scan("SELECT sum(amount) FROM orders WHERE customer_id = 7"))
#> Index Only Scan using customer_amount on orders
# --8<-- [end:show]
db.close()
