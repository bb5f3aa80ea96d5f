import logging
import re
import time

from sqlalchemy import create_engine, event, text

SLOW_SECONDS = 0.05
records: list[str] = []


class Remember(logging.Handler):  # stands in for your real log handler
    def emit(self, record: logging.LogRecord) -> None:
        message = re.sub(r"^\[.*?\] ", "", record.getMessage())  # no timings
        records.append(f"{record.name.split('.')[-1]}: {message[:50].rstrip()}")


# --8<-- [start:show]
logging.getLogger().addHandler(Remember())
# like echo=True, through logging: statements and parameters
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
slow_log = logging.getLogger("app.slow_sql")
engine = create_engine("sqlite://")


@event.listens_for(engine, "before_cursor_execute")
def start_clock(conn, cursor, statement, parameters, context, executemany):
    context.started = time.perf_counter()


@event.listens_for(engine, "after_cursor_execute")
def flag_slow(conn, cursor, statement, parameters, context, executemany):
    if time.perf_counter() - context.started > SLOW_SECONDS:
        slow_log.warning("slow query: %s", " ".join(statement.split()))


with engine.connect() as connection:
    connection.execute(text("SELECT :x AS answer"), {"x": 42})
    connection.execute(text(  # a million rows of work: slow
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
        " SELECT i + 1 FROM n WHERE i < 1000000) SELECT count(*) FROM n"))
print(*records, sep="\n")
#> Engine: BEGIN (implicit)
#> Engine: SELECT ? AS answer
#> Engine: (42,)
#> Engine: WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT
#> Engine: ()
#> slow_sql: slow query: WITH RECURSIVE n(i) AS (SELECT 1 UNION
#> Engine: ROLLBACK
# --8<-- [end:show]
