import io
import logging

output = io.StringIO()  # stands in for stderr or a log file
handler = logging.StreamHandler(output)  # where records go
handler.setLevel(logging.INFO)  # the handler's own threshold
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

root = logging.getLogger()
root.addHandler(handler)
root.setLevel(logging.WARNING)
logging.getLogger("app").setLevel(logging.DEBUG)
log = logging.getLogger("app.db")  # no level, no handler

print(logging.getLevelName(log.getEffectiveLevel()))  # from "app"
#> DEBUG
log.debug("plan: seq scan")  # logger lets it in, handler drops it
log.info("pool ready")  # propagates up to the root's handler
log.warning("slow query: %.1f s", 2.5)  # formatted only when emitted
logging.getLogger("lib").info("retrying")  # root WARNING drops it
print(output.getvalue(), end="")
#> INFO app.db: pool ready
#> WARNING app.db: slow query: 2.5 s
