import re
import sys
from pathlib import Path

import crossplane
import yaml

DEMO = Path(__file__).resolve().parents[2] / "demo"
sys.path.insert(0, str(DEMO))
from startups_api.health import router  # noqa: E402  real health routes


def read(name: str) -> str:
    return (DEMO / name).read_text()


# --8<-- [start:show]
# 1. the proxy: TLS on 443, requests passed to the api service
conf = crossplane.parse(str(DEMO / "deploy/nginx.conf"))
http = next(d for d in conf["config"][0]["parsed"]
            if d["directive"] == "http")
upstream = next(d for d in http["block"]
                if d["directive"] == "upstream")
print("nginx ->", upstream["block"][0]["args"][0])
#> nginx -> api:8000

# 2. the stack: only nginx publishes ports
services = yaml.safe_load(read("deploy/docker-compose.yml"))
services = services["services"]
print("published:", [n for n, s in services.items() if "ports" in s])
#> published: ['nginx']
print("api waits for", list(services["api"]["depends_on"]))
#> api waits for ['postgres', 'redis']

# 3. the image: migrate first, then Uvicorn workers
command = re.search(r"^CMD (.+)$", read("Dockerfile"), re.M)[1]
flags = r"alembic upgrade head|--workers \d|--forwarded-allow-ips"
print(re.findall(flags, command))
#> ['alembic upgrade head', '--workers 4', '--forwarded-allow-ips']
# --8<-- [end:show]

# 4. the orchestrator probes routes that really exist
pods = [*yaml.safe_load_all(read("deploy/k8s/deployment.yaml"))]
api = pods[1]["spec"]["template"]["spec"]["containers"][0]
probed = {api[p]["httpGet"]["path"] for p in api if p.endswith("Probe")}
print(sorted(probed), probed <= {route.path for route in router.routes})
#> ['/health/live', '/health/ready'] True
