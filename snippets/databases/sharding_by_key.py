import sqlite3
import zlib

# two shards: in production, two PostgreSQL servers with the same schema
shards = [sqlite3.connect(":memory:") for _ in range(2)]
for shard in shards:
    shard.execute("CREATE TABLE orders (customer TEXT, total INTEGER)")


def shard_for(customer: str) -> sqlite3.Connection:  # the shard key
    return shards[zlib.crc32(customer.encode()) % len(shards)]  # stable hash


for customer, total in [("ada", 30), ("bob", 10), ("cy", 25), ("ada", 5),
                        ("dee", 40), ("bob", 15)]:
    shard_for(customer).execute("INSERT INTO orders VALUES (?, ?)",
                                (customer, total))

for number, shard in enumerate(shards):  # each customer lives on one shard
    rows = shard.execute("SELECT DISTINCT customer FROM orders ORDER BY 1")
    print(f"shard {number}: {[customer for (customer,) in rows]}")
    #> shard 0: ['ada', 'bob']
    #> shard 1: ['cy', 'dee']

# a query by shard key touches one shard only
print(shard_for("ada").execute(
    "SELECT sum(total) FROM orders WHERE customer = ?", ("ada",)).fetchone())
#> (35,)

# a query across keys must ask every shard and merge the answers
print(sum(shard.execute("SELECT sum(total) FROM orders").fetchone()[0]
          for shard in shards))
#> 125
