import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ValidationError, field_validator

RAW = """name,sector,employees,founded
 Acme ,FINTECH,120,2015
Globex,health,not-a-number,2012
Initech,fintech,45,2019
 Acme ,FINTECH,120,2015
"""


# --8<-- [start:show]
class Startup(BaseModel):
    name: str
    sector: str
    employees: int
    founded: int

    @field_validator("name", "sector")
    @classmethod
    def tidy(cls, value: str) -> str:
        return value.strip().lower()


def run(raw: str, out: Path) -> None:
    good, rejected = [], []
    rows = csv.DictReader(io.StringIO(raw))
    for line, row in enumerate(rows, start=2):
        try:  # validate each row; keep the bad ones aside
            good.append(Startup.model_validate(row).model_dump())
        except ValidationError as error:
            rejected.append((line, error.errors()[0]["loc"][0]))
    frame = pd.DataFrame(good).drop_duplicates()  # transform
    summary = frame.groupby("sector", as_index=False)["employees"]
    summary = summary.sum()
    summary.to_parquet(out / "sectors.parquet")  # overwrite: rerunnable
    print("loaded", len(frame), "rows | rejected:", rejected)
    #> loaded 2 rows | rejected: [(3, 'employees')]
    #> loaded 2 rows | rejected: [(3, 'employees')]
# --8<-- [end:show]


with tempfile.TemporaryDirectory() as folder:
    for _ in range(2):  # a retry of the whole run gives the same output
        run(RAW, Path(folder))
    print(pd.read_parquet(Path(folder) / "sectors.parquet").to_dict("records"))
    #> [{'sector': 'fintech', 'employees': 165}]
