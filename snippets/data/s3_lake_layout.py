import tempfile
from pathlib import Path

import duckdb

# a temp folder stands in for s3://startups-lake/ (with the httpfs
# extension and an S3 secret the SQL is the same)
lake = tempfile.TemporaryDirectory()
root = Path(lake.name)
(root / "raw").mkdir()
(root / "curated").mkdir()
(root / "raw" / "events-2026-07-01.csv").write_text(  # as it arrived
    "day,startup_id,event\n2026-07-01,7,view\n2026-07-01,7,signup\n"
    "2026-07-02,9,view\n")
con = duckdb.connect()

# --8<-- [start:show]
# curated zone: typed Parquet, one folder per day (Hive style)
con.execute(f"""
    COPY (SELECT * FROM read_csv('{root}/raw/*.csv'))
    TO '{root}/curated/events' (FORMAT parquet, PARTITION_BY (day))""")
folders = sorted(p.parent.name for p in root.rglob("*.parquet"))
print(folders)
#> ['day=2026-07-01', 'day=2026-07-02']

# break the other day's file: a query that opened it would fail
for part in (root / "curated/events/day=2026-07-02").iterdir():
    part.write_bytes(b"not parquet")
print(con.execute(f"""
    SELECT startup_id, count(*) FROM read_parquet(
      '{root}/curated/events/*/*.parquet', hive_partitioning = true)
    WHERE day = '2026-07-01' GROUP BY startup_id""").fetchall())
#> [(7, 2)]
# --8<-- [end:show]
lake.cleanup()
