import django
from django.conf import settings
from fastapi import FastAPI
from fastapi.testclient import TestClient

settings.configure(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"])
django.setup()

# --8<-- [start:show]
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import path


def startups(request):  # Django (Flask is alike): check by hand
    limit = request.GET.get("limit", "10")
    if not limit.isdigit():
        return HttpResponseBadRequest("limit must be an integer")
    return HttpResponse(f"first {limit}")


urlpatterns = [path("startups", startups)]
api = FastAPI()


@api.get("/startups")
async def list_startups(limit: int = 10) -> str:  # checked
    return f"first {limit}"
# --8<-- [end:show]


if __name__ == "__main__":
    from django.test import Client

    django_reply = Client().get("/startups?limit=abc")
    print("Django:", django_reply.status_code, django_reply.content)
    #> Django: 400 b'limit must be an integer'
    fastapi_reply = TestClient(api).get("/startups?limit=abc")
    print("FastAPI:", fastapi_reply.status_code,
          fastapi_reply.json()["detail"][0]["type"])
    #> FastAPI: 422 int_parsing
    schema = api.openapi()["paths"]["/startups"]["get"]
    print(schema["parameters"][0]["schema"])  # documented for free
    #> {'type': 'integer', 'default': 10, 'title': 'Limit'}
