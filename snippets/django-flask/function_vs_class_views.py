import django
from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.views import View
from django.views.decorators.http import require_http_methods

# --8<-- [start:show]
@require_http_methods(["GET", "DELETE"])  # else 405
def startup_function(request):  # function-based: you branch
    if request.method == "GET":
        return HttpResponse("read")
    return HttpResponse("deleted")


class StartupView(View):  # class-based: one method per verb
    def get(self, request):
        return HttpResponse("read")

    def delete(self, request):
        return HttpResponse("deleted")


class AuditedStartupView(StartupView):  # reuse by inheritance
    def delete(self, request):
        return HttpResponse("deleted + audited")


urlpatterns = [
    path("fbv", startup_function),
    path("cbv", StartupView.as_view()),  # as_view(): a function
    path("audited", AuditedStartupView.as_view()),
]
# --8<-- [end:show]

settings.configure(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"])
django.setup()
client = Client()
for url in ["/fbv", "/cbv", "/audited"]:
    get, delete, post = client.get(url), client.delete(url), client.post(url)
    print(url, get.content, delete.content, post.status_code)
    #> /fbv b'read' b'deleted' 405
    #> /cbv b'read' b'deleted' 405
    #> /audited b'read' b'deleted + audited' 405
print(post["Allow"])  # dispatch() lists the verbs the class has
#> GET, DELETE, HEAD, OPTIONS
