import io

import pandas as pd

startups = pd.read_csv(io.StringIO(
    "id,name,sector,employees\n1,Acme,fintech,120\n2,Globex,health,80\n"
    "3,Initech,fintech,45\n4,Umbrella,health,\n"))
rounds = pd.DataFrame({"startup_id": [1, 1, 3], "amount": [2.0, 5.0, 1.5]})

# pandas 3 infers text as str; the gap turns employees into float64 (NaN)
print({column: str(dtype) for column, dtype in startups.dtypes.items()})
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
funded = startups.merge(rounds, left_on="id", right_on="startup_id",
                        how="left")
print(funded.groupby("name")["amount"].sum().to_dict())
#> {'Acme': 7.0, 'Globex': 0.0, 'Initech': 1.5, 'Umbrella': 0.0}
