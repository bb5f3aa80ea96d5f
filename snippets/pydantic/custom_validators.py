# --8<-- [start:show]
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ValidationError
from pydantic import field_validator, model_validator


def not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text.strip()


Name = Annotated[str, AfterValidator(not_blank)]  # reusable


class Campaign(BaseModel):
    name: Name
    tags: list[str]
    starts: date
    ends: date

    @field_validator("tags", mode="before")  # raw input
    @classmethod
    def split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return value.split(",")
        return value

    @model_validator(mode="after")  # the built model
    def ends_after_start(self) -> "Campaign":
        if self.ends <= self.starts:
            raise ValueError("ends must be after starts")
        return self
# --8<-- [end:show]


dates = {"starts": "2026-01-01", "ends": "2026-02-01"}
good = Campaign(name=" Launch ", tags="ai,fintech", **dates)
print(good.name, good.tags)
#> Launch ['ai', 'fintech']

reversed_dates = {"starts": "2026-02-01", "ends": "2026-01-01"}
bad_inputs = [
    {"name": " ", "tags": [], **dates},
    {"name": "Launch", "tags": [], **reversed_dates},
]
for bad in bad_inputs:
    try:
        Campaign.model_validate(bad)
    except ValidationError as error:
        problem = error.errors()[0]
        print(problem["loc"], problem["msg"])
        #> ('name',) Value error, must not be blank
        #> () Value error, ends must be after starts
