from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from pydantic import BaseModel, ValidationError


# --8<-- [start:show]
@dataclass(order=True)
class Round:  # generated: __init__, __repr__, __eq__, and here ordering
    year: int
    stage: str = "seed"
    investors: list[str] = field(default_factory=list)


class RoundTuple(NamedTuple):  # an immutable tuple with names
    year: int
    stage: str = "seed"


class RoundModel(BaseModel):  # validates and converts at run time
    year: int
    stage: str = "seed"


print(Round("2021"))  # a dataclass does not check types
#> Round(year='2021', stage='seed', investors=[])
print(RoundModel(year="2021"))  # Pydantic converts "2021" to 2021
#> year=2021 stage='seed'
# --8<-- [end:show]

print(Round(2020) < Round(2021), asdict(Round(2022, investors=["Acme"])))
#> True {'year': 2022, 'stage': 'seed', 'investors': ['Acme']}
row = RoundTuple(2021)
print(row, row[0], tuple(row))
#> RoundTuple(year=2021, stage='seed') 2021 (2021, 'seed')
try:
    RoundModel(year="soon")
except ValidationError as error:
    print(error.errors()[0]["msg"])
    #> Input should be a valid integer, unable to parse string as an integer
