import sqlite3

from sqlalchemy import column, select, table

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE users (name TEXT, role TEXT)")
db.executemany("INSERT INTO users VALUES (?, ?)",
               [("ada", "admin"), ("bob", "user")])
name = "nobody' OR '1'='1"  # what an attacker types into a search box

unsafe = f"SELECT name, role FROM users WHERE name = '{name}'"  # pasted in
print(db.execute(unsafe).fetchall())  # the input became SQL: every row
#> [('ada', 'admin'), ('bob', 'user')]

safe = "SELECT name, role FROM users WHERE name = ?"  # a placeholder
print(db.execute(safe, (name,)).fetchall())  # the input stays a value
#> []

# SQLAlchemy select() (and text() with :name) sends values as parameters
users = table("users", column("name"), column("role"))
query = select(users).where(users.c.name == name)
print(" ".join(str(query).split()))
#> SELECT users.name, users.role FROM users WHERE users.name = :name_1
print(query.compile().params)
#> {'name_1': "nobody' OR '1'='1"}

# names (columns, ORDER BY) cannot be parameters: map input to known ones
SORTABLE = {"name": users.c.name, "role": users.c.role}
requested = "role; DROP TABLE users"
query = select(users).order_by(SORTABLE.get(requested, users.c.name))
print(" ".join(str(query).split()))
#> SELECT users.name, users.role FROM users ORDER BY users.name
