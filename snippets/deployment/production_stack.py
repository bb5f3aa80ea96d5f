import re
import sys
from pathlib import Path

import crossplane
import yaml

DEMO = Path(__file__).resolve().parents[2] / "demo"
sys.path.insert(0, str(DEMO))
from startups_api.health import router  # noqa: E402  the real health routes

# 1. the proxy: TLS on 443, requests passed to the api service
nginx = crossplane.parse(str(DEMO / "deploy/nginx.conf"))["config"][0]
http = next(d for d in nginx["parsed"] if d["directive"] == "http")
upstream = next(d for d in http["block"] if d["directive"] == "upstream")
print("nginx ->", upstream["block"][0]["args"][0])
#> nginx -> api:8000

# 2. the stack: only nginx publishes ports, the api waits for healthy stores
services = yaml.safe_load((DEMO / "deploy/docker-compose.yml").read_text())
services = services["services"]
published = {name: s["ports"] for name, s in services.items() if "ports" in s}
print("published:", published)
#> published: {'nginx': ['80:80', '443:443']}
print("api waits for", list(services["api"]["depends_on"]))
#> api waits for ['postgres', 'redis']

# 3. the image: migrate first, then Uvicorn with worker processes
command = re.search(r"^CMD (.+)$", (DEMO / "Dockerfile").read_text(), re.M)[1]
print(re.findall(r"alembic upgrade head|--workers \d|--proxy-headers", command))
#> ['alembic upgrade head', '--workers 4', '--proxy-headers']

# 4. the orchestrator probes routes that really exist
pods = [*yaml.safe_load_all((DEMO / "deploy/k8s/deployment.yaml").read_text())]
api = pods[1]["spec"]["template"]["spec"]["containers"][0]
probed = {api[p]["httpGet"]["path"] for p in api if p.endswith("Probe")}
print(sorted(probed), probed <= {route.path for route in router.routes})
#> ['/health/live', '/health/ready'] True
