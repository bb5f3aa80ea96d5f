# --8<-- [start:show]
import io
import logging
import re

from pydantic import BaseModel, SecretStr

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
CARD = re.compile(r"\b(?:\d[ -]?){12,15}(\d{4})\b")


class RedactPII(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = EMAIL.sub("<email>", record.getMessage())
        record.msg, record.args = CARD.sub(r"****\1", message), None
        return True  # keep the record, now without the PII


log_output = io.StringIO()  # stands in for stdout or a log shipper
handler = logging.StreamHandler(log_output)
handler.addFilter(RedactPII())  # on the handler: covers every logger
logging.getLogger().addHandler(handler)
log = logging.getLogger("payments")
log.warning("charge failed for %s card %s", "ana@example.com",
            "4111 1111 1111 1234")
print(log_output.getvalue().strip())
#> charge failed for <email> card ****1234
# --8<-- [end:show]


class Customer(BaseModel):
    name: str
    card_number: SecretStr  # masked in repr, logs and model_dump_json


class CustomerOut(BaseModel):  # the response exposes the minimum
    name: str
    card_last4: str


ana = Customer(name="Ana", card_number="4111111111111234")
print(ana)
#> name='Ana' card_number=SecretStr('**********')
secret = ana.card_number.get_secret_value()
print(CustomerOut(name=ana.name, card_last4=secret[-4:]))
#> name='Ana' card_last4='1234'
