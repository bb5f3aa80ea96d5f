# A stdlib model of Django's Model-Template-View split; names mirror Django.
import html
import sqlite3
from string import Template

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE startup (name TEXT, city TEXT)")
rows = [("Acme", "Berlin"), ("<b>Globex</b>", "Paris")]
db.executemany("INSERT INTO startup VALUES (?, ?)", rows)


class Startup:  # MODEL: the data and its queries (models.Model + the ORM)
    @staticmethod
    def names_in(city: str) -> list[str]:
        query = "SELECT name FROM startup WHERE city = ?"
        return [name for (name,) in db.execute(query, (city,))]


ITEM = Template("<li>$name</li>")  # TEMPLATE: how the data looks


def render(template: Template, context: dict) -> str:
    safe = {key: html.escape(value) for key, value in context.items()}
    return template.substitute(safe)  # Django templates autoescape too


def startups_in(request, city: str) -> str:  # VIEW: which data to show
    return "".join(render(ITEM, {"name": n}) for n in Startup.names_in(city))


# The "controller" is Django itself: the URLconf routes a path to a view.
urlpatterns = [
    ("/berlin/", startups_in, "Berlin"),
    ("/paris/", startups_in, "Paris"),
]
for url, view, city in urlpatterns:
    print(url, view(None, city))
    #> /berlin/ <li>Acme</li>
    #> /paris/ <li>&lt;b&gt;Globex&lt;/b&gt;</li>
