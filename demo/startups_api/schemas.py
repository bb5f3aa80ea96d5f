"""Request and response models (Pydantic v2)."""

from pydantic import BaseModel, ConfigDict, Field, field_validator


# --8<-- [start:request-models]
class QueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    query: str = Field(min_length=3, max_length=200)
    startups: list[str] = Field(min_length=1, max_length=50)

    @field_validator("startups")
    @classmethod
    def unique_names(cls, names: list[str]) -> list[str]:
        """Drop repeats but keep the client's order; reject blank names."""
        if any(not name.strip() for name in names):
            raise ValueError("startup names must not be blank")
        return list(dict.fromkeys(name.strip() for name in names))
# --8<-- [end:request-models]


class RankedStartup(BaseModel):
    name: str
    sector: str
    city: str
    score: float


class QueryResponseV1(BaseModel):
    answer: str
    results: list[RankedStartup]


class Page(BaseModel):
    rows: list[RankedStartup]
    total: int


class QueryResponseV2(BaseModel):
    answer: str
    data: Page
    api_version: int = 2


class SectorCount(BaseModel):
    sector: str
    startups: int


class ErrorBody(BaseModel):
    code: str
    message: str
    request_id: str | None = None
