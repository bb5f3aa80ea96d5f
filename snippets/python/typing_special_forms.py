from typing import Annotated, Literal, TypedDict, get_type_hints

Status = Literal["active", "deleted"]  # only these exact values


class StartupRow(TypedDict):  # a plain dict with typed keys
    name: str
    employees: int
    status: Status


Positive = Annotated[int, "must be > 0"]  # a type plus metadata


def hire(row: StartupRow, extra: Positive, note: str | None = None) -> int:
    return row["employees"] + extra


row: StartupRow = {"name": "Nova", "employees": 12, "status": "active"}
print(hire(row, 3), type(row).__name__)  # still a dict at run time
#> 15 dict
hints = get_type_hints(hire, include_extras=True)
print(hints["extra"].__metadata__)  # what libraries like FastAPI read
#> ('must be > 0',)
print(StartupRow.__required_keys__ == {"name", "employees", "status"})
#> True
