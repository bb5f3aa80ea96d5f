import tempfile
from pathlib import Path

import duckdb

folder = tempfile.TemporaryDirectory()
path = Path(folder.name)
con = duckdb.connect()
# --8<-- [start:show]
# v1 files; later a column is added; later still a column is renamed
versions = {
    "v1": "1 AS id, 'Acme' AS name",
    "v2": "2 AS id, 'Globex' AS name, 'FR' AS country",
    "v3": "3 AS id, 'Initech' AS title, 'US' AS country",
}
for version, columns in versions.items():
    con.execute(f"COPY (SELECT {columns}) TO '{path}/{version}.parquet'")


def read(files: str) -> list:
    source = f"read_parquet('{path}/{files}', union_by_name = true)"
    query = f"SELECT * FROM {source} ORDER BY id"
    return con.execute(query).fetchall()


print(read("v[12].parquet"))  # added column: old rows get NULL
#> [(1, 'Acme', None), (2, 'Globex', 'FR')]
print(read("v*.parquet"))  # a rename splits name in two
#> [(1, 'Acme', None, None), (2, 'Globex', 'FR', None), (3, None, 'US', 'Initech')]
# --8<-- [end:show]

# a table evolves by DDL: existing rows take the new default
con.execute("CREATE TABLE startups (id INTEGER, name VARCHAR)")
con.execute("INSERT INTO startups VALUES (1, 'Acme')")
con.execute("ALTER TABLE startups ADD COLUMN country VARCHAR DEFAULT 'EU'")
print(con.execute("SELECT * FROM startups").fetchall())
#> [(1, 'Acme', 'EU')]
folder.cleanup()
