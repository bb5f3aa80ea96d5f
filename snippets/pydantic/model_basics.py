from datetime import date

from pydantic import BaseModel, Field, ValidationError


class Startup(BaseModel):
    name: str
    founded: date
    employees: int = Field(ge=1)


raw = {"name": "Acme", "founded": "2021-03-01", "employees": "12"}
# parse + validate in one step
startup = Startup.model_validate(raw)
print(repr(startup))
#> Startup(name='Acme', founded=datetime.date(2021, 3, 1), employees=12)
print(startup.model_dump_json())
#> {"name":"Acme","founded":"2021-03-01","employees":12}

bad = {"name": "Globex", "founded": "soon", "employees": 0}
try:
    Startup.model_validate(bad)
except ValidationError as error:
    # every failure, not just the first
    for problem in error.errors():
        print(problem["loc"], problem["type"])
        #> ('founded',) date_from_datetime_parsing
        #> ('employees',) greater_than_equal
