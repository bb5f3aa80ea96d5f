import os
import sys
import time

import duckdb
import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

ROWS = 500_000
db.execute(f"""CREATE TEMP TABLE sales AS SELECT n AS id, n % 50 AS region,
    (n % 997)::numeric AS amount, 'note ' || n AS note, now() AS created_at
    FROM generate_series(1, {ROWS}) AS n""")
db.execute("ALTER TABLE sales ADD PRIMARY KEY (id)")  # row store + B-tree
db.execute("ANALYZE sales")
duck = duckdb.connect()  # in-process, columnar, vectorized
duck.execute(f"""CREATE TABLE sales AS SELECT range AS id, range % 50 AS region,
    (range % 997)::DECIMAL(12, 2) AS amount, 'note ' || range AS note,
    now() AS created_at FROM range(1, {ROWS} + 1)""")

# --8<-- [start:show]
# OLTP: a payment changes one row, found by primary key
PAY = "UPDATE sales SET amount = amount - 5 WHERE id = 42"
plan = db.execute(f"EXPLAIN (COSTS OFF) {PAY}").fetchall()
print(plan[1][0].strip(" ->"))
#> Index Scan using sales_pkey on sales

# OLAP: scans every row but needs only 2 of the 5 columns
REPORT = ("SELECT region, sum(amount) FROM sales"
          " GROUP BY region ORDER BY region")


def best_seconds(run) -> tuple[float, list]:
    timings, rows = [], []
    for _ in range(3):
        started = time.perf_counter()
        rows = run(REPORT).fetchall()
        timings.append(time.perf_counter() - started)
    return min(timings), rows


pg_seconds, pg_rows = best_seconds(db.execute)
duck_seconds, duck_rows = best_seconds(duck.execute)
print(f"same_report={pg_rows == duck_rows}")
#> same_report=True
print(f"duckdb_5x_faster={duck_seconds * 5 < pg_seconds}")
#> duckdb_5x_faster=True
# --8<-- [end:show]
db.close()
