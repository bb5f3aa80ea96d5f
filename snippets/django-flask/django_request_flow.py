# A stdlib model of Django's request path; names mirror the real APIs.
import re
from dataclasses import dataclass, field

events: list[str] = []


@dataclass
class HttpResponse:
    content: str
    status: int = 200
    headers: dict = field(default_factory=dict)


def path(route, view):  # like django.urls.path: "<int:pk>" -> int kwarg
    regex = re.sub(r"<int:(\w+)>", r"(?P<\1>[0-9]+)", route) + "$"
    return re.compile(regex), view


def startup_detail(request, pk: int):  # a function-based view
    events.append(f"view pk={pk}")
    return HttpResponse(f"startup {pk}")


urlpatterns = [path("startups/<int:pk>/", startup_detail)]


def resolve_and_call_view(request_path):  # the URL resolver: first match wins
    for regex, view in urlpatterns:
        if match := regex.match(request_path.lstrip("/")):
            kwargs = {name: int(v) for name, v in match.groupdict().items()}
            return view(request_path, **kwargs)
    return HttpResponse("Not Found", status=404)


def request_id_middleware(get_response):  # Django's middleware factory shape
    def middleware(request):
        events.append("middleware before")
        response = get_response(request)
        response.headers["X-Request-ID"] = "r-1"
        events.append("middleware after")
        return response

    return middleware


MIDDLEWARE = [request_id_middleware]  # the first entry is the outermost
handler = resolve_and_call_view
for factory in reversed(MIDDLEWARE):  # wrapped once, at startup
    handler = factory(handler)

response = handler("/startups/42/")
print(response.status, response.content, response.headers)
#> 200 startup 42 {'X-Request-ID': 'r-1'}
print(events)
#> ['middleware before', 'view pk=42', 'middleware after']
print(handler("/startups/acme/").status)  # <int:pk> does not match
#> 404
