# A stdlib model of three protections Django gives by default (simplified).
import hmac
import html
import secrets
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE users (name TEXT)")
db.executemany("INSERT INTO users VALUES (?)", [("ada",), ("bob",)])
attack = "nobody' OR '1'='1"

glued = f"SELECT name FROM users WHERE name = '{attack}'"  # never do this
unsafe = db.execute(glued).fetchall()
safe = db.execute("SELECT name FROM users WHERE name = ?", (attack,)).fetchall()
print(len(unsafe), len(safe))  # the ORM always sends values as parameters
#> 2 0

comment = "<script>steal()</script>"
print(html.escape(comment))  # what {{ comment }} renders: autoescaping
#> &lt;script&gt;steal()&lt;/script&gt;

csrf_secret = secrets.token_urlsafe(32)  # set in a cookie, echoed by forms


def csrf_view_middleware(method: str, form_token: str) -> int:
    if method in {"GET", "HEAD", "OPTIONS", "TRACE"}:  # safe methods pass
        return 200
    return 200 if hmac.compare_digest(form_token, csrf_secret) else 403


print(csrf_view_middleware("POST", csrf_secret))
#> 200
print(csrf_view_middleware("POST", "forged-by-another-site"))
#> 403
