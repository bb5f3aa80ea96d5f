import io

import pandas as pd

CSV = """id,name,sector,employees
1,Acme,fintech,120
2,Globex,health,80
3,Initech,fintech,45
4,Umbrella,health,
"""
startups = pd.read_csv(io.StringIO(CSV))
rounds = pd.DataFrame({"startup_id": [1, 1, 3],
                       "amount": [2.0, 5.0, 1.5]})

# --8<-- [start:show]
# pandas 3: text is str; the gap makes employees float64 (NaN)
print(startups.dtypes.astype(str).to_dict())
#> {'id': 'int64', 'name': 'str', 'sector': 'str', 'employees': 'float64'}
print(startups["employees"].isna().sum(), "missing value")
#> 1 missing value

# vectorized filter: a boolean mask, no Python loop
print(startups[startups["employees"] > 50]["name"].tolist())
#> ['Acme', 'Globex']

# group and aggregate, like SQL GROUP BY
print(startups.groupby("sector")["employees"].mean().to_dict())
#> {'fintech': 82.5, 'health': 80.0}

# join, like SQL LEFT JOIN, then total funding per startup
funded = startups.merge(rounds, left_on="id",
                        right_on="startup_id", how="left")
print(funded.groupby("name")["amount"].sum().to_dict())
#> {'Acme': 7.0, 'Globex': 0.0, 'Initech': 1.5, 'Umbrella': 0.0}
# --8<-- [end:show]
