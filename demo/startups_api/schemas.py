"""Request and response models (Pydantic v2)."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

# What the validators accept, written as JSON Schema patterns, so the OpenAPI schema is as strict
# as the code and a client (or a fuzzer) that follows the schema is never refused
CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f"  # control characters other than tab, LF and CR
SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # what stripping removes


def stripped_text(min_length: int, max_length: int | None = None, first: str = "", inner: str = "", last: str = ""):
    """A `json_schema_extra` for a text field of a model with str_strip_whitespace: the length limits
    apply to the text without its surrounding whitespace, so they go into the pattern instead."""
    first = first or f"[^{CONTROL}{SPACE}]"
    last = last or first
    inner = inner or f"[^{CONTROL}]"
    if max_length is None:  # at least one character
        core = f"{first}(?:{inner}*{last})?"
    else:
        core = f"{first}(?:{inner}{{0,{max_length - 2}}}{last})?" if min_length < 2 else (
            f"{first}{inner}{{{min_length - 2},{max_length - 2}}}{last}"
        )
    if min_length == 0:
        core = f"(?:{core})?"

    def extra(schema: dict) -> None:
        schema.pop("minLength", None)
        schema.pop("maxLength", None)
        schema["pattern"] = f"^[{SPACE}]*{core}[{SPACE}]*$"

    return extra


QUERY_EXAMPLE = {"query": "payments in Berlin", "startups": ["QuillFintech2", "OrbitFintech3", "PulseFintech4"]}


# --8<-- [start:annotated-validator]
def no_control_characters(text: str) -> str:
    """Rejects NUL and other control characters, which PostgreSQL text columns refuse."""
    if any(ord(character) < 32 and character not in "\t\n\r" for character in text):
        raise ValueError("must not contain control characters")
    return text


def no_control_pattern(schema: dict) -> None:
    schema["pattern"] = f"^[^{CONTROL}]*$"  # the same rule, in the OpenAPI schema


Text = Annotated[str, AfterValidator(no_control_characters), Field(json_schema_extra=no_control_pattern)]
# --8<-- [end:annotated-validator]
Tag = Annotated[Text, Field(min_length=2, max_length=30, json_schema_extra=stripped_text(2, 30))]


# --8<-- [start:request-models]
class QueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    query: Text = Field(
        min_length=3, max_length=200, json_schema_extra=stripped_text(3, 200), examples=[QUERY_EXAMPLE["query"]]
    )
    startups: list[Annotated[Text, Field(json_schema_extra=stripped_text(1))]] = Field(
        min_length=1, max_length=50, examples=[QUERY_EXAMPLE["startups"]]
    )

    @field_validator("startups")
    @classmethod
    def unique_names(cls, names: list[str]) -> list[str]:
        """Drop repeats but keep the client's order; reject blank names."""
        if any(not name.strip() for name in names):
            raise ValueError("startup names must not be blank")
        return list(dict.fromkeys(name.strip() for name in names))
# --8<-- [end:request-models]


class BatchQueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"queries": [QUERY_EXAMPLE]}]})

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


class SectorStatsOut(BaseModel):
    """A row of the sector report, as the last run of the report left it."""

    model_config = ConfigDict(from_attributes=True)

    sector: str
    startups: int
    employees: int
    funding_musd: float
    computed_at: datetime


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
    website: str | None
    tags: list[str]
    version: int
    funding_rounds: list[FundingRoundOut]
# --8<-- [end:response-model]


class StartupIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"name": "Zephyr Labs", "sector": "devtools", "city": "Lisbon", "founded": 2020, "employees": 12}
    ]})

    name: str = Field(
        min_length=2, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9 .&-]*$",
        json_schema_extra=stripped_text(2, 80, "[A-Za-z0-9]", "[A-Za-z0-9 .&-]", "[A-Za-z0-9.&-]"),
    )
    sector: Text = Field(min_length=2, max_length=40, json_schema_extra=stripped_text(2, 40))
    city: Text = Field(min_length=2, max_length=40, json_schema_extra=stripped_text(2, 40))
    founded: int = Field(ge=1900, le=2100)
    employees: int = Field(ge=1, le=1_000_000)
    description: Text = Field(default="", max_length=300, json_schema_extra=stripped_text(0, 300))
    website: Text | None = Field(default=None, min_length=4, max_length=200, json_schema_extra=stripped_text(4, 200))
    tags: list[Tag] = Field(default_factory=list, max_length=10)


# --8<-- [start:patch-partial-update]
class StartupPatch(BaseModel):
    """A field left out stays as it is. Only `website` may be null (it clears it); the others are
    typed without None, so a null there is a 422, yet their default lets them be left out."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"version": 1, "employees": 40}]}
    )

    version: int = Field(ge=1, le=2**31 - 1, description="The version you read; a newer one on the server is a 409.")
    city: Text = Field(default=None, min_length=2, max_length=40, json_schema_extra=stripped_text(2, 40))
    employees: int = Field(default=None, ge=1, le=1_000_000)
    description: Text = Field(default=None, max_length=300, json_schema_extra=stripped_text(0, 300))
    tags: list[Tag] = Field(default=None, max_length=10)
    website: Text | None = Field(default=None, min_length=4, max_length=200, json_schema_extra=stripped_text(4, 200))

    def changes(self) -> dict:
        """Only the fields the client sent, nulls included: "not sent" and null stay apart."""
        return self.model_dump(exclude_unset=True, exclude={"version"})
# --8<-- [end:patch-partial-update]


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
