"""Structured logging: one JSON object per line, carrying the id of the request being served."""

import json
import logging
import re

from .middleware import request_id


# --8<-- [start:structured-logging]
class RequestIdFilter(logging.Filter):
    """Stamps each record with the current request's id. A ContextVar is per task, so
    concurrent requests on one event loop never see each other's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# --8<-- [start:pii-masking]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
BEARER_TOKEN = re.compile(r"(?i)(bearer\s+)[\w.~+/=-]+")


class MaskPersonalData(logging.Filter):
    """Replaces e-mail addresses and bearer tokens in every message before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = BEARER_TOKEN.sub(r"\1<token>", record.getMessage())
        record.msg, record.args = EMAIL.sub("<email>", message), None
        return True
# --8<-- [end:pii-masking]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(MaskPersonalData())
    logging.basicConfig(level=level, handlers=[handler], force=True)
# --8<-- [end:structured-logging]
