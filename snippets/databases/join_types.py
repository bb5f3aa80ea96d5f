import sqlite3

db = sqlite3.connect(":memory:")  # RIGHT and FULL JOIN need SQLite 3.39+
db.executescript("""
    CREATE TABLE startups (id INTEGER PRIMARY KEY, name TEXT);
    CREATE TABLE rounds (startup_id INTEGER, stage TEXT);
    INSERT INTO startups VALUES (1, 'Acme'), (2, 'Bolt');  -- Bolt: no round
    INSERT INTO rounds VALUES (1, 'seed'), (1, 'A'), (3, 'seed');  -- no id 3
""")
for join in ["INNER JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"]:
    rows = db.execute(f"""
        SELECT s.name, r.stage FROM startups AS s
        {join} rounds AS r ON r.startup_id = s.id
        ORDER BY s.name, r.stage""").fetchall()
    print(f"{join.split()[0]:<5} {rows}")
    #> INNER [('Acme', 'A'), ('Acme', 'seed')]
    #> LEFT  [('Acme', 'A'), ('Acme', 'seed'), ('Bolt', None)]
    #> RIGHT [(None, 'seed'), ('Acme', 'A'), ('Acme', 'seed')]
    #> FULL  [(None, 'seed'), ('Acme', 'A'), ('Acme', 'seed'), ('Bolt', None)]
pairs = db.execute("SELECT count(*) FROM startups CROSS JOIN rounds")
print(f"CROSS {pairs.fetchone()[0]} rows: every startup with every round")
#> CROSS 6 rows: every startup with every round
