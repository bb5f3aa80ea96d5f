import tempfile
from pathlib import Path

import duckdb
import pandas as pd

con = duckdb.connect()  # in-process and in memory
sales = pd.DataFrame({
    "region": ["EU", "EU", "US", "US", "APAC"],
    "amount": [120, 80, 200, 50, 90],
    "note": ["a", "b", "c", "d", "e"],
})
# SQL straight over the pandas DataFrame named sales: no load step
print(con.sql("SELECT region, sum(amount) AS total FROM sales "
              "GROUP BY region ORDER BY total DESC").fetchall())
#> [('US', 250), ('EU', 200), ('APAC', 90)]

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "sales.parquet"
    con.sql(f"COPY sales TO '{path}' (FORMAT parquet)")
    query = f"SELECT region, sum(amount) FROM '{path}' GROUP BY 1"
    plan = con.sql(f"EXPLAIN {query}").fetchall()[0][1]
    scan = plan[plan.index("PARQUET_SCAN"):]
    # columnar: the file scan reads only the columns the query uses
    print("columns read:", [c for c in sales.columns if c in scan])
    #> columns read: ['region', 'amount']
    print(con.execute(f"SELECT count(*) FROM '{path}'").fetchone())
    #> (5,)
