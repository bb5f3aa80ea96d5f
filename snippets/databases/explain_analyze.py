import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("SET max_parallel_workers_per_gather = 0")  # one plain plan
db.execute("SET default_statistics_target = 1000")  # ANALYZE reads all rows
db.execute("CREATE TEMP TABLE orders (id int, customer_id int, total int)")
db.execute("INSERT INTO orders SELECT n, n % 1000, n % 500"
           " FROM generate_series(1, 200000) AS n")
# --8<-- [start:show]
QUERY = "SELECT * FROM orders WHERE customer_id = 42"


def explain_analyze() -> tuple[str, float]:
    sql = f"EXPLAIN (ANALYZE, FORMAT JSON) {QUERY}"
    result = db.execute(sql).fetchone()
    plan = result[0][0]["Plan"]
    summary = (f"{plan['Node Type']}: estimated={plan['Plan Rows']}"
               f" actual={plan['Actual Rows']}"
               f" filtered_out={plan.get('Rows Removed by Filter', 0)}")
    return summary, result[0][0]["Execution Time"]


summary, _ = explain_analyze()
print(summary)  # not analyzed yet: the row count is a guess
#> Seq Scan: estimated=1104 actual=200 filtered_out=199800
db.execute("ANALYZE orders")
summary, slow_ms = explain_analyze()
print(summary)  # right estimate, but it still reads every row
#> Seq Scan: estimated=200 actual=200 filtered_out=199800
db.execute("CREATE INDEX ON orders (customer_id)")
summary, fast_ms = explain_analyze()
print(summary)  # the index finds the 200 rows directly
#> Bitmap Heap Scan: estimated=200 actual=200 filtered_out=0
print(f"index_at_least_5x_faster={fast_ms * 5 < slow_ms}")
#> index_at_least_5x_faster=True
# --8<-- [end:show]
db.close()
