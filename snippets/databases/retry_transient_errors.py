import os
import sys
import time

from sqlalchemy import create_engine, exc, text

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
PID = text("SELECT pg_backend_pid()")


# --8<-- [start:show]
def run_with_retries(engine, attempts: int = 3) -> str:
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as connection:  # the whole unit
                connection.execute(text("SELECT 1"))
            return f"ok on attempt {attempt}"
        except exc.OperationalError as error:
            if not error.connection_invalidated or attempt == attempts:
                raise  # not a dropped connection, or no tries left
            time.sleep(0.05 * 2**attempt)  # back off, redo it all


admin = create_engine(URL)
for pre_ping in (False, True):
    engine = create_engine(URL, pool_size=1, pool_pre_ping=pre_ping)
    try:
        with engine.connect() as connection:  # 1 idle in the pool
            pid = connection.scalar(PID)
    except exc.OperationalError:
        sys.exit("PostgreSQL is not reachable: start it with scripts/services")
    with admin.connect() as connection:  # like a failover
        sql = "SELECT pg_terminate_backend(:pid, 2000)"  # waits for it
        connection.execute(text(sql), {"pid": pid})
    print(f"pool_pre_ping={pre_ping}: {run_with_retries(engine)}")
    #> pool_pre_ping=False: ok on attempt 2
    #> pool_pre_ping=True: ok on attempt 1
    engine.dispose()
# --8<-- [end:show]
admin.dispose()
