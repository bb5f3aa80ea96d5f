import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY)")
db.executemany("INSERT INTO posts VALUES (?)", [(i,) for i in range(1, 11)])


def offset_page(offset: int, limit: int = 3) -> list[int]:
    sql = "SELECT id FROM posts ORDER BY id DESC LIMIT ? OFFSET ?"
    return [row[0] for row in db.execute(sql, (limit, offset))]


def keyset_page(before: int | None, limit: int = 3) -> list[int]:
    sql = "SELECT id FROM posts WHERE id < ? ORDER BY id DESC LIMIT ?"
    return [row[0] for row in db.execute(sql, (before or 2**63 - 1, limit))]


first = offset_page(0)
cursor = first[-1]  # the client keeps the last id it saw
print("page 1:", first)
#> page 1: [10, 9, 8]
db.execute("INSERT INTO posts VALUES (11)")  # a new post arrives meanwhile
print("offset page 2:", offset_page(3))  # everything shifted down by one
#> offset page 2: [8, 7, 6]
print("cursor page 2:", keyset_page(cursor))  # WHERE id < 8: no repeat
#> cursor page 2: [7, 6, 5]
