import django
from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["testserver"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                           "NAME": ":memory:"}},
    TEMPLATES=[{"BACKEND":
                "django.template.backends.django.DjangoTemplates"}],
)
django.setup()

# --8<-- [start:show]
from django.db import models
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path


class Startup(models.Model):  # MODEL: the data and its queries
    name = models.CharField(max_length=50)
    city = models.CharField(max_length=50)

    class Meta:
        app_label = "startups"


# TEMPLATE: how it looks (normally templates/startups.html)
PAGE = Template(
    "{% for s in startups %}<li>{{ s.name }}</li>{% endfor %}"
)


def startups_in(request, city: str):  # VIEW: which data to show
    startups = Startup.objects.filter(city__iexact=city)
    html = PAGE.render(Context({"startups": startups}))
    return HttpResponse(html)


# the "controller" is Django itself, routing by the URLconf
urlpatterns = [path("<str:city>/", startups_in)]
# --8<-- [end:show]

if __name__ == "__main__":
    from django.db import connection
    from django.test import Client

    with connection.schema_editor() as editor:
        editor.create_model(Startup)
    Startup.objects.create(name="Acme", city="Berlin")
    Startup.objects.create(name="<b>Globex</b>", city="Paris")
    for url in ["/berlin/", "/paris/"]:
        print(url, Client().get(url).content.decode())
        #> /berlin/ <li>Acme</li>
        #> /paris/ <li>&lt;b&gt;Globex&lt;/b&gt;</li>
