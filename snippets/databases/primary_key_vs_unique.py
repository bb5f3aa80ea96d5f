import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

# --8<-- [start:show]
db.execute("""
    CREATE TEMP TABLE users (
        id int PRIMARY KEY,  -- unique + NOT NULL, one per table
        email text UNIQUE  -- unique, but NULL is allowed
    )""")
for user_id, email in [
    (1, "ada@example.com"),
    (2, None),
    (3, None),  # NULLs are not equal to each other, so both fit
    (None, "bob@example.com"),
    (4, "ada@example.com"),
    (1, "eve@example.com"),
]:
    try:
        db.execute("INSERT INTO users VALUES (%s, %s)", [user_id, email])
        outcome = "inserted"
    except psycopg.errors.IntegrityError as error:
        outcome = type(error).__name__
    print(f"{user_id!s:<4} {email!s:<15} {outcome}")
    #> 1    ada@example.com inserted
    #> 2    None            inserted
    #> 3    None            inserted
    #> None bob@example.com NotNullViolation
    #> 4    ada@example.com UniqueViolation
    #> 1    eve@example.com UniqueViolation
# --8<-- [end:show]
db.close()
