import sqlite3

from sqlalchemy import column, select, table

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE users (name TEXT, role TEXT)")
db.executemany("INSERT INTO users VALUES (?, ?)",
               [("ada", "admin"), ("bob", "user")])
# --8<-- [start:show]
name = "nobody' OR '1'='1"  # typed into a search box

unsafe = f"SELECT * FROM users WHERE name = '{name}'"  # pasted
print(db.execute(unsafe).fetchall())  # input became SQL
#> [('ada', 'admin'), ('bob', 'user')]

safe = "SELECT * FROM users WHERE name = ?"  # a placeholder
print(db.execute(safe, (name,)).fetchall())  # stays a value
#> []

# select() and text() with :name send values as parameters
users = table("users", column("name"), column("role"))
query = select(users).where(users.c.name == name)
print(" ".join(str(query).split()))
#> SELECT users.name, users.role FROM users WHERE users.name = :name_1
print(query.compile().params)
#> {'name_1': "nobody' OR '1'='1"}

# names cannot be parameters: map input to known columns
SORTABLE = {"name": users.c.name, "role": users.c.role}
requested = "role; DROP TABLE users"
query = select(users).order_by(SORTABLE.get(requested, users.c.name))
print(" ".join(str(query).split()))
#> SELECT users.name, users.role FROM users ORDER BY users.name
# --8<-- [end:show]
