import sqlite3

db = sqlite3.connect(":memory:")
db.executescript("""
    CREATE TABLE startups (id INTEGER PRIMARY KEY, name TEXT);
    CREATE TABLE rounds (id INTEGER PRIMARY KEY, startup_id INTEGER);
    CREATE TABLE founders (id INTEGER PRIMARY KEY, startup_id INTEGER);
    INSERT INTO startups VALUES (1, 'Acme'), (2, 'Bolt'), (3, 'Core');
    INSERT INTO rounds (startup_id) VALUES (1), (1), (2);
    INSERT INTO founders (startup_id) VALUES (1), (1), (1), (3);
""")
# --8<-- [start:show]
# LEFT JOIN keeps childless startups; COUNT(col) skips NULLs
print(db.execute("""
    SELECT s.name, COUNT(r.id) AS rounds FROM startups AS s
    LEFT JOIN rounds AS r ON r.startup_id = s.id
    GROUP BY s.id ORDER BY s.name""").fetchall())
#> [('Acme', 2), ('Bolt', 1), ('Core', 0)]

# two joins multiply rows: Acme's 2 rounds x 3 founders = 6
print(db.execute("""
    SELECT s.name, COUNT(r.id), COUNT(f.id) FROM startups AS s
    LEFT JOIN rounds AS r ON r.startup_id = s.id
    LEFT JOIN founders AS f ON f.startup_id = s.id
    GROUP BY s.id ORDER BY s.name""").fetchall())
#> [('Acme', 6, 6), ('Bolt', 1, 0), ('Core', 0, 1)]

# fix: count distinct ids; HAVING filters the groups
print(db.execute("""
    SELECT s.name, COUNT(DISTINCT r.id), COUNT(DISTINCT f.id)
    FROM startups AS s
    LEFT JOIN rounds AS r ON r.startup_id = s.id
    LEFT JOIN founders AS f ON f.startup_id = s.id
    GROUP BY s.id HAVING COUNT(DISTINCT f.id) > 0
    ORDER BY s.name""").fetchall())
#> [('Acme', 2, 3), ('Core', 0, 1)]
# --8<-- [end:show]
