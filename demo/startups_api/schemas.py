"""Request and response models (Pydantic v2)."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator


# --8<-- [start:annotated-validator]
def no_control_characters(text: str) -> str:
    """Rejects NUL and other control characters, which PostgreSQL text columns refuse."""
    if any(ord(character) < 32 and character not in "\t\n\r" for character in text):
        raise ValueError("must not contain control characters")
    return text


Text = Annotated[str, AfterValidator(no_control_characters)]  # reusable: a type with its rule
# --8<-- [end:annotated-validator]


# --8<-- [start:request-models]
class QueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    query: Text = Field(min_length=3, max_length=200)
    startups: list[Text] = Field(min_length=1, max_length=50)

    @field_validator("startups")
    @classmethod
    def unique_names(cls, names: list[str]) -> list[str]:
        """Drop repeats but keep the client's order; reject blank names."""
        if any(not name.strip() for name in names):
            raise ValueError("startup names must not be blank")
        return list(dict.fromkeys(name.strip() for name in names))
# --8<-- [end:request-models]


class BatchQueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    queries: list[QueryRequest] = Field(min_length=1, max_length=20)


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


# --8<-- [start:response-model]
class FundingRoundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    stage: str
    year: int
    amount_musd: float


class StartupOut(BaseModel):
    """What clients see of a startup: no deleted_at, created_at or description."""

    model_config = ConfigDict(from_attributes=True)  # read attributes of the ORM object

    id: int
    name: str
    sector: str
    city: str
    founded: int
    employees: int
    version: int
    funding_rounds: list[FundingRoundOut]
# --8<-- [end:response-model]


class StartupIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9 .&-]*$")
    sector: Text = Field(min_length=2, max_length=40)
    city: Text = Field(min_length=2, max_length=40)
    founded: int = Field(ge=1900, le=2100)
    employees: int = Field(ge=1, le=1_000_000)
    description: Text = Field(default="", max_length=300)


class StartupPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    version: int = Field(ge=1, le=2**31 - 1, description="The version you read; a newer one on the server is a 409.")
    city: Text | None = Field(default=None, min_length=2, max_length=40)
    employees: int | None = Field(default=None, ge=1, le=1_000_000)
    description: Text | None = Field(default=None, max_length=300)


class StartupPage(BaseModel):
    items: list[StartupOut]
    limit: int
    offset: int
    total: int


class StartupScroll(BaseModel):
    items: list[StartupOut]
    next_cursor: str | None


class ImportReport(BaseModel):
    created: int
    skipped_existing: int
