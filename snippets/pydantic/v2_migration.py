import warnings
from types import SimpleNamespace

from pydantic import BaseModel, ConfigDict, field_validator


class User(BaseModel):
    # v1: orm_mode = True
    model_config = ConfigDict(from_attributes=True)

    name: str

    @field_validator("name")  # v1: @validator("name")
    @classmethod
    def title_case(cls, name: str) -> str:
        return name.title()


# stands in for an ORM object
row = SimpleNamespace(name="ada lovelace")
user = User.model_validate(row)  # v1: User.from_orm(row)
print(user.model_dump())  # v1: user.dict()
#> {'name': 'Ada Lovelace'}

warnings.simplefilter("error")  # make the deprecation visible
try:
    user.dict()  # the v1 name still exists, deprecated
except DeprecationWarning as warning:
    print(type(warning).__name__)
    #> PydanticDeprecatedSince20

# the compiled Rust core
print(type(User.__pydantic_validator__).__module__)
#> pydantic_core._pydantic_core
