from datetime import date

from pydantic import BaseModel, ValidationError


class Order(BaseModel):
    quantity: int
    gift: bool
    ship_on: date


raw = {"quantity": "3", "gift": "yes", "ship_on": "2026-03-01"}
print(Order.model_validate(raw))  # lax: safe conversions
#> quantity=3 gift=True ship_on=datetime.date(2026, 3, 1)

try:
    Order.model_validate(raw, strict=True)  # exact types only
except ValidationError as error:
    print([problem["type"] for problem in error.errors()])
    #> ['int_type', 'bool_type', 'date_type']

try:
    Order.model_validate({**raw, "quantity": "3.5"})  # data loss
except ValidationError as error:
    print(error.errors()[0]["type"])
    #> int_parsing

body = '{"quantity": 3, "gift": true, "ship_on": "2026-03-01"}'
# strict JSON still parses a date string: JSON has no date type
print(Order.model_validate_json(body, strict=True))
#> quantity=3 gift=True ship_on=datetime.date(2026, 3, 1)
