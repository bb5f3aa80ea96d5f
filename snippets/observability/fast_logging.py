import logging
import queue
import threading
from logging.handlers import QueueHandler, QueueListener


class Payload:
    renders = 0

    def __str__(self) -> str:  # stands for an expensive dump
        Payload.renders += 1
        return "big payload"


# --8<-- [start:show]
log = logging.getLogger("app")
log.setLevel(logging.INFO)  # DEBUG is off, as in production
log.debug(f"got {Payload()}")  # the f-string renders first
log.debug("got %s", Payload())  # rendered only if emitted
print(f"renders={Payload.renders}")
#> renders=1


class SlowHandler(logging.Handler):  # a file or HTTP shipper
    def emit(self, record: logging.LogRecord) -> None:
        thread = threading.current_thread().name
        written.append((record.getMessage(), thread))


written: list[tuple[str, str]] = []
records: queue.SimpleQueue = queue.SimpleQueue()
log.addHandler(QueueHandler(records))  # the caller only enqueues
listener = QueueListener(records, SlowHandler())
listener.start()  # 3.14+: also a context manager
log.info("order %s paid", 42)
listener.stop()  # flushes what is still queued
for message, thread in written:
    on_main = thread == "MainThread"
    print(f"{message!r} written on the main thread: {on_main}")
    #> 'order 42 paid' written on the main thread: False
# --8<-- [end:show]
