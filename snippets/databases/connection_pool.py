import os
import sys

from sqlalchemy import create_engine, exc, text

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
BACKEND_PID = text("SELECT pg_backend_pid()")  # the server process serving us


def pool_state() -> str:
    pool = engine.pool
    return f"checked_out={pool.checkedout()} idle={pool.checkedin()}"


# --8<-- [start:show]
engine = create_engine(  # psycopg 3: SQLAlchemy 2.1's default
    URL, pool_size=2, max_overflow=1, pool_timeout=0.5,
    pool_pre_ping=True,
)

try:
    with engine.connect() as connection:
        first_pid = connection.scalar(BACKEND_PID)
except exc.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")
with engine.connect() as connection:  # close() returned it
    print(connection.scalar(BACKEND_PID) == first_pid)
    #> True

held = [engine.connect() for _ in range(3)]  # size + overflow
print(pool_state())
#> checked_out=3 idle=0
try:
    engine.connect()  # a 4th caller waits pool_timeout seconds
except exc.TimeoutError as error:
    print(type(error).__name__)
    #> TimeoutError
for connection in held:
    connection.close()
print(pool_state())  # the overflow connection was really closed
#> checked_out=0 idle=2
# --8<-- [end:show]
engine.dispose()
