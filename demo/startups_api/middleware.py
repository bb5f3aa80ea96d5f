"""A pure ASGI middleware: request id and timing on every response, and in every log line."""

import logging
import time
import uuid
from contextvars import ContextVar

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
log = logging.getLogger("startups_api")


# --8<-- [start:timing-middleware]
class TimingMiddleware:
    """Adds X-Request-ID and a Server-Timing header; logs the method, path, status and duration."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode()
        token = request_id.set(incoming or uuid.uuid4().hex)
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                elapsed_ms = (time.perf_counter() - started) * 1000
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id.get() or ""
                headers["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            log.info("%s %s -> %s in %.1f ms", scope["method"], scope["path"], status, elapsed_ms)
            request_id.reset(token)
# --8<-- [end:timing-middleware]


# --8<-- [start:security-headers]
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",  # browsers: HTTPS only
    "X-Content-Type-Options": "nosniff",  # never guess a content type from the body
    "X-Frame-Options": "DENY",  # no framing, no clickjacking
    "Referrer-Policy": "no-referrer",
}


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)
# --8<-- [end:security-headers]
