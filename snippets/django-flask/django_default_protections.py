import django
from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["testserver"],
    MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                           "NAME": ":memory:"}},
    TEMPLATES=[{"BACKEND":
                "django.template.backends.django.DjangoTemplates"}],
)
django.setup()

from django.db import connection, models  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.middleware.csrf import get_token  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402


class User(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "accounts"


with connection.schema_editor() as editor:
    editor.create_model(User)
User.objects.bulk_create([User(name="ada"), User(name="bob")])

# --8<-- [start:show]
attack = "nobody' OR '1'='1"
glued = f"SELECT * FROM accounts_user WHERE name = '{attack}'"
with connection.cursor() as cursor:  # string-built SQL
    injected = len(cursor.execute(glued).fetchall())
orm = User.objects.filter(name=attack).count()  # a parameter
print("rows: glued", injected, "| ORM", orm)
#> rows: glued 2 | ORM 0

page = Template("<p>{{ text }}</p>")  # templates autoescape
print(page.render(Context({"text": "<script>x()</script>"})))
#> <p>&lt;script&gt;x()&lt;/script&gt;</p>


def comment(request):  # CsrfViewMiddleware checks POSTs
    return HttpResponse(get_token(request))  # forms embed it


urlpatterns = [path("comment", comment)]
browser = Client(enforce_csrf_checks=True)
token = browser.get("/comment").content.decode()  # + cookie
forged = Client(enforce_csrf_checks=True).post("/comment")
genuine = browser.post("/comment", {"csrfmiddlewaretoken": token})
print("forged", forged.status_code, "| form", genuine.status_code)
#> forged 403 | form 200
# --8<-- [end:show]
