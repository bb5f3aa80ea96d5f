import tempfile
from pathlib import Path

import duckdb

# a temp folder stands in for s3://startups-lake/; with the httpfs extension
# and CREATE SECRET (TYPE s3, PROVIDER credential_chain) the SQL is the same
lake = tempfile.TemporaryDirectory()
root = Path(lake.name)
(root / "raw").mkdir()
(root / "curated").mkdir()
(root / "raw" / "events-2026-07-01.csv").write_text(
    "day,startup_id,event\n2026-07-01,7,view\n2026-07-01,7,signup\n"
    "2026-07-02,9,view\n")  # landing zone: files exactly as they arrived

con = duckdb.connect()
# curated zone: typed, compressed Parquet, partitioned by day (Hive style)
con.execute(f"""COPY (SELECT * FROM read_csv('{root}/raw/*.csv'))
    TO '{root}/curated/events' (FORMAT parquet, PARTITION_BY (day))""")
print(sorted(p.parent.name for p in root.rglob("*.parquet")))
#> ['day=2026-07-01', 'day=2026-07-02']

# analytics: the day filter skips whole folders before any file is read
print(con.execute(f"""SELECT startup_id, count(*) FROM read_parquet(
    '{root}/curated/events/*/*.parquet', hive_partitioning = true)
    WHERE day = '2026-07-01' GROUP BY startup_id""").fetchall())
#> [(7, 2)]
lake.cleanup()
