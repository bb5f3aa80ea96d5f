import tempfile
import tracemalloc
from pathlib import Path

import duckdb
import pandas as pd

folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "events.csv"
with path.open("w") as out:  # 200k rows, written line by line
    out.write("startup_id,amount,note\n")
    out.writelines(f"{n % 100},{n % 7},event number {n}\n"
                   for n in range(200_000))


def peak_mib(job) -> tuple[object, float]:
    tracemalloc.start()
    result = job()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, peak


# --8<-- [start:show]
def whole_file() -> int:  # every row and column in memory at once
    return int(pd.read_csv(path)["amount"].sum())


def in_chunks() -> int:  # 20k rows at a time, one column
    chunks = pd.read_csv(path, usecols=["amount"], chunksize=20_000)
    return int(sum(chunk["amount"].sum() for chunk in chunks))


whole, whole_peak = peak_mib(whole_file)
chunked, chunked_peak = peak_mib(in_chunks)
print(f"same total: {whole == chunked},",
      f"chunks use 5x less memory: {chunked_peak * 5 < whole_peak}")
#> same total: True, chunks use 5x less memory: True
# --8<-- [end:show]
# or let an out-of-core engine stream the file with SQL
print(duckdb.sql(f"SELECT sum(amount) FROM '{path}'").fetchall()[0][0] == whole)
#> True
folder.cleanup()
