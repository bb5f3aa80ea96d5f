import django
from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import path

events: list[str] = []

# --8<-- [start:show]
class RequestIdMiddleware:  # listed in settings.MIDDLEWARE
    def __init__(self, get_response):  # once, at startup
        self.get_response = get_response

    def __call__(self, request):  # once per request
        events.append("middleware before")
        response = self.get_response(request)  # the view
        events.append("middleware after")
        response["X-Request-ID"] = "r-1"
        return response


def startup_detail(request, pk: int):
    events.append(f"view pk={pk!r}")
    return HttpResponse(f"startup {pk}")


urlpatterns = [path("startups/<int:pk>/", startup_detail)]
# --8<-- [end:show]

settings.configure(
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[f"{__name__}.RequestIdMiddleware"],
    ALLOWED_HOSTS=["testserver"],
)
django.setup()
client = Client()
response = client.get("/startups/42/")
print(response.status_code, response.content, response["X-Request-ID"])
#> 200 b'startup 42' r-1
print(events)
#> ['middleware before', 'view pk=42', 'middleware after']
events.clear()
print(client.get("/startups/acme/").status_code, events)  # no match
#> 404 ['middleware before', 'middleware after']
