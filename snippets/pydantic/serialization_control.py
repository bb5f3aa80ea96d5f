from datetime import datetime, timezone
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, computed_field, field_serializer
from pydantic.alias_generators import to_camel


class Invoice(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, validate_by_name=True)

    amount: Decimal
    issued_at: datetime
    internal_note: str | None = None

    @field_serializer("amount", when_used="json")
    def two_decimals(self, amount: Decimal) -> str:
        return f"{amount:.2f}"

    @computed_field  # derived, but part of the output
    @property
    def is_large(self) -> bool:
        return self.amount > 1000


issued = datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)
invoice = Invoice(amount=Decimal("1250.5"), issued_at=issued)

as_python = invoice.model_dump()  # Python objects, field names
print(type(as_python["issued_at"]).__name__, repr(as_python["amount"]))
#> datetime Decimal('1250.5')
print(invoice.model_dump_json(by_alias=True, exclude_none=True))
#> {"amount":"1250.50","issuedAt":"2026-01-02T09:30:00Z","isLarge":true}
print(invoice.model_dump(exclude={"internal_note", "is_large"}).keys())
#> dict_keys(['amount', 'issued_at'])
