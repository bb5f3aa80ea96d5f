import sqlite3

db = sqlite3.connect(":memory:")
db.execute("PRAGMA foreign_keys = ON")
# --8<-- [start:show]
# denormalized: the customer's email is copied into every order
db.executescript("""
    CREATE TABLE orders_flat (id INTEGER PRIMARY KEY, customer TEXT,
                              email TEXT, item TEXT);
    INSERT INTO orders_flat VALUES (1, 'Ada', 'ada@old.io', 'pen'),
                                   (2, 'Ada', 'ada@old.io', 'ink');
""")
db.execute("UPDATE orders_flat SET email = 'ada@new.io' WHERE id = 1")
print(db.execute("SELECT DISTINCT email FROM orders_flat"
                 " WHERE customer = 'Ada' ORDER BY email").fetchall())
#> [('ada@new.io',), ('ada@old.io',)]

# normalized (3NF): each fact once; orders point at the key
db.executescript("""
    CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT,
                            email TEXT UNIQUE);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT,
                         customer_id INTEGER NOT NULL REFERENCES customers);
    INSERT INTO customers VALUES (1, 'Ada', 'ada@old.io');
    INSERT INTO orders VALUES (1, 'pen', 1), (2, 'ink', 1);
""")
db.execute("UPDATE customers SET email = 'ada@new.io' WHERE id = 1")
print(db.execute("""SELECT o.id, c.email FROM orders AS o
    JOIN customers AS c ON c.id = o.customer_id ORDER BY o.id""").fetchall())
#> [(1, 'ada@new.io'), (2, 'ada@new.io')]
# --8<-- [end:show]
