import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

# --8<-- [start:show]
db.execute("""
    CREATE TEMP TABLE startups AS
    SELECT n AS id, 'startup-' || n AS name, n % 40 AS sector_id
    FROM generate_series(1, 100000) AS n
""")
db.execute("ANALYZE startups")  # fresh statistics for the planner


def plan(sql: str) -> list[str]:
    options = "ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF"
    rows = db.execute(f"EXPLAIN ({options}) {sql}")
    return [row[0].strip() for row in rows]


query = "SELECT id FROM startups WHERE name = 'startup-4242'"
print(*plan(query), sep="\n")  # no index: reads every row
#> Seq Scan on startups (actual rows=1 loops=1)
#> Filter: (name = 'startup-4242'::text)
#> Rows Removed by Filter: 99999

db.execute("CREATE INDEX name_idx ON startups (name)")  # B-tree
print(*plan(query), sep="\n")  # walk the tree straight to the row
#> Index Scan using name_idx on startups (actual rows=1 loops=1)
#> Index Cond: (name = 'startup-4242'::text)
# --8<-- [end:show]
db.close()
