import os
import sys

import psycopg

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

db.execute("DROP SCHEMA IF EXISTS tenancy_demo CASCADE")
db.execute("CREATE SCHEMA tenancy_demo")
db.execute("SET search_path TO tenancy_demo")
# --8<-- [start:show]
db.execute("CREATE TABLE projects (tenant_id int NOT NULL, name text)")
db.execute("INSERT INTO projects VALUES"
           " (1, 'alpha'), (1, 'beta'), (2, 'gamma')")
db.execute("ALTER TABLE projects ENABLE ROW LEVEL SECURITY")
db.execute("ALTER TABLE projects FORCE ROW LEVEL SECURITY")
db.execute("""CREATE POLICY same_tenant ON projects
    USING (tenant_id = current_setting('app.tenant_id')::int)""")


def as_tenant(tenant_id: int, sql: str) -> list:
    with db.transaction():  # the setting ends with it
        db.execute("SELECT set_config('app.tenant_id', %s, true)",
                   [str(tenant_id)])
        return db.execute(sql).fetchall()


print(as_tenant(1, "SELECT name FROM projects"))  # no WHERE...
#> [('alpha',), ('beta',)]
print(as_tenant(2, "SELECT name FROM projects"))  # ...yet own rows
#> [('gamma',)]
try:
    as_tenant(1, "INSERT INTO projects VALUES (2, 'sneaky') RETURNING name")
except psycopg.errors.InsufficientPrivilege as error:
    print(error)
    #> new row violates row-level security policy for table "projects"
# --8<-- [end:show]
db.execute("DROP SCHEMA tenancy_demo CASCADE")
db.close()
