import tempfile
from pathlib import Path

import duckdb

folder = tempfile.TemporaryDirectory()
path = Path(folder.name)
con = duckdb.connect()
# v1 files; later a column is added; later still a column is renamed
con.execute(f"COPY (SELECT 1 AS id, 'Acme' AS name) TO '{path}/v1.parquet'")
con.execute(f"COPY (SELECT 2 AS id, 'Globex' AS name, 'FR' AS country) "
            f"TO '{path}/v2.parquet'")
con.execute(f"COPY (SELECT 3 AS id, 'Initech' AS title, 'US' AS country) "
            f"TO '{path}/v3.parquet'")


def read(files: str) -> list:
    return con.execute(f"SELECT * FROM read_parquet('{path}/{files}', "
                       "union_by_name = true) ORDER BY id").fetchall()


print(read("v[12].parquet"))  # added column: old rows read NULL, safe
#> [(1, 'Acme', None), (2, 'Globex', 'FR')]
print(read("v*.parquet"))  # renamed by name: the name column splits in two
#> [(1, 'Acme', None, None), (2, 'Globex', 'FR', None), (3, None, 'US', 'Initech')]

# a table evolves by DDL: existing rows take the new default
con.execute("CREATE TABLE startups (id INTEGER, name VARCHAR)")
con.execute("INSERT INTO startups VALUES (1, 'Acme')")
con.execute("ALTER TABLE startups ADD COLUMN country VARCHAR DEFAULT 'EU'")
print(con.execute("SELECT * FROM startups").fetchall())
#> [(1, 'Acme', 'EU')]
folder.cleanup()
