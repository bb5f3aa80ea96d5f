import io
import json
import logging
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
STANDARD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message"}


# --8<-- [start:show]
class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        fields = vars(record).items()  # includes extra={...} keys
        entry |= {k: v for k, v in fields if k not in STANDARD_FIELDS}
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry)


stdout = io.StringIO()  # in production: sys.stdout
handler = logging.StreamHandler(stdout)
handler.setFormatter(JsonFormatter())
logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
log = logging.getLogger("orders")

request_id.set("req-7f3a")  # set per request by a middleware
log.info("order paid", extra={"order_id": 42, "cents": 1999})
try:
    1 / 0
except ZeroDivisionError:
    log.exception("refund failed", extra={"order_id": 42})
# --8<-- [end:show]

for line in stdout.getvalue().splitlines():  # one JSON object per line
    entry = json.loads(line)
    del entry["time"]  # varies from run to run
    if "error" in entry:  # keep the traceback's last line for the page
        entry["error"] = entry["error"].splitlines()[-1]
    print(json.dumps(entry))
    #> {"level": "INFO", "logger": "orders", "message": "order paid", "request_id": "req-7f3a", "order_id": 42, "cents": 1999}
    #> {"level": "ERROR", "logger": "orders", "message": "refund failed", "request_id": "req-7f3a", "order_id": 42, "error": "ZeroDivisionError: division by zero"}
