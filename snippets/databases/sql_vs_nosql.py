import os
import sys

import psycopg
from psycopg.types.json import Jsonb

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
try:
    db = psycopg.connect(URL, autocommit=True, connect_timeout=3)
except psycopg.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

# relational: fixed columns, foreign keys, joins across tables
# --8<-- [start:show]
db.execute("CREATE TEMP TABLE customers (id int PRIMARY KEY, name text)")
db.execute("CREATE TEMP TABLE orders (id int PRIMARY KEY,"
           " customer_id int NOT NULL REFERENCES customers, total int)")
db.execute("INSERT INTO customers VALUES (1, 'Ada')")
db.execute("INSERT INTO orders VALUES (10, 1, 30), (11, 1, 40)")
try:
    db.execute("INSERT INTO orders VALUES (12, 99, 5)")  # no 99
except psycopg.errors.ForeignKeyViolation as error:
    print(type(error).__name__)
    #> ForeignKeyViolation
print(db.execute("""SELECT c.name, count(*), sum(o.total) FROM customers c
    JOIN orders o ON o.customer_id = c.id GROUP BY c.name""").fetchall())
#> [('Ada', 2, 70)]

db.execute("CREATE TEMP TABLE order_docs (id int PRIMARY KEY, doc jsonb)")
documents = [  # document style: one JSON value each, any shape
    {"customer": "Ada", "items": [{"sku": "pen", "qty": 3}]},
    {"customer": "Ada", "items": [], "gift_wrap": True},  # a new field
    {"customr": "Bob", "items": []},  # a typo nobody rejects
]
for number, document in enumerate(documents, start=20):
    db.execute("INSERT INTO order_docs VALUES (%s, %s)",
               [number, Jsonb(document)])
print(db.execute("SELECT id FROM order_docs WHERE doc @> %s",
                 [Jsonb({"customer": "Ada"})]).fetchall())
#> [(20,), (21,)]
# --8<-- [end:show]
db.close()
