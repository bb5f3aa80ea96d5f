from sqlalchemy import column, create_engine, select, table, text

engine = create_engine("sqlite://")
with engine.begin() as db:
    db.execute(text("CREATE TABLE users (name TEXT, role TEXT)"))
    db.execute(text("INSERT INTO users VALUES ('ana', 'admin'), ('vic', 'x')"))

name = "nobody' OR '1'='1"  # what an attacker types into ?name=
with engine.connect() as db:
    glued = text(f"SELECT name FROM users WHERE name = '{name}'")  # never
    print(db.execute(glued).all())
    #> [('ana',), ('vic',)]
    bound = text("SELECT name FROM users WHERE name = :name")
    print(db.execute(bound, {"name": name}).all())
    #> []

    users = table("users", column("name"), column("role"))
    query = select(users.c.name).where(users.c.name == name)
    print(" ".join(str(query).split()))  # select() always binds values
    #> SELECT users.name FROM users WHERE users.name = :name_1
    print(db.execute(query).all())
    #> []

# column names cannot be bound: map user input through an allowlist
SORTABLE = {"name": users.c.name, "role": users.c.role}
sort_by = "role; DROP TABLE users"
print(SORTABLE.get(sort_by, users.c.name))
#> users.name
