import warnings
from types import SimpleNamespace

from pydantic import BaseModel, ConfigDict, field_validator


class User(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # v1: orm_mode = True

    name: str

    @field_validator("name")  # v1: @validator("name")
    @classmethod
    def title_case(cls, name: str) -> str:
        return name.title()


row = SimpleNamespace(name="ada lovelace")  # stands in for an ORM object
user = User.model_validate(row)  # v1: User.from_orm(row)
print(user.model_dump())  # v1: user.dict()
#> {'name': 'Ada Lovelace'}

warnings.simplefilter("error")  # make the deprecation visible
try:
    user.dict()  # the v1 name still exists, deprecated
except DeprecationWarning as warning:
    print(type(warning).__name__)
    #> PydanticDeprecatedSince20

print(type(User.__pydantic_validator__).__module__)  # the compiled Rust core
#> pydantic_core._pydantic_core
