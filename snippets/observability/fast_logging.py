import logging
import queue
import threading
from logging.handlers import QueueHandler, QueueListener


class Payload:
    renders = 0

    def __str__(self) -> str:  # stands for an expensive dump
        Payload.renders += 1
        return "big payload"


log = logging.getLogger("app")
log.setLevel(logging.INFO)  # DEBUG is off, as in production
log.debug(f"got {Payload()}")  # an f-string renders before the call
log.debug("got %s", Payload())  # %-args render only if the record is emitted
print(f"renders={Payload.renders}")
#> renders=1


class SlowHandler(logging.Handler):  # stands for a file, socket or HTTP shipper
    def emit(self, record: logging.LogRecord) -> None:
        written.append((record.getMessage(), threading.current_thread().name))


written: list[tuple[str, str]] = []
records: queue.SimpleQueue = queue.SimpleQueue()
log.addHandler(QueueHandler(records))  # the request's thread only enqueues
listener = QueueListener(records, SlowHandler())
listener.start()  # Python 3.14+: `with QueueListener(...) as listener:`
log.info("order %s paid", 42)
listener.stop()  # flushes what is still queued
for message, thread in written:
    print(f"{message!r} written on the main thread: {thread == 'MainThread'}")
    #> 'order 42 paid' written on the main thread: False
