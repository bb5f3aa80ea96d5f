import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "demo"))

from pydantic import ValidationError  # noqa: E402
from startups_api.data import startup_rows  # noqa: E402
from startups_api.ranking import RankingIndex  # noqa: E402
from startups_api.schemas import QueryRequest  # noqa: E402

rows = startup_rows()
index = RankingIndex.build(rows)  # what lifespan does once at start-up
names = [row["name"] for row in rows if row["sector"] == "fintech"]

request = QueryRequest.model_validate(  # what FastAPI does with the body
    {"query": "  payments software ", "startups": names + names[:2]})
print(repr(request.query), len(request.startups))  # stripped, repeats dropped
#> 'payments software' 8
print(index.score(request.query, request.startups)[:2])  # best first
#> [('HarborFintech5', 2.615), ('NovaFintech1', 2.615)]

for bad in ({"query": "payments", "startups": [" "]},
            {"query": "payments", "startups": names, "limit": 3}):
    try:
        QueryRequest.model_validate(bad)
    except ValidationError as error:
        print([(e["loc"], e["type"]) for e in error.errors()])
        #> [(('startups',), 'value_error')]
        #> [(('limit',), 'extra_forbidden')]
