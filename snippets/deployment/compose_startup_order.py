from graphlib import TopologicalSorter
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "demo/deploy/docker-compose.yml"
services = yaml.safe_load(COMPOSE.read_text())["services"]

# --8<-- [start:show]
# compose starts a service once its dependencies are healthy
graph = {name: set(spec.get("depends_on", {}))
         for name, spec in services.items()}
order = TopologicalSorter(graph)
order.prepare()
while order.is_active():
    ready = sorted(order.get_ready())
    print("start:", ready)
    #> start: ['postgres', 'redis']
    #> start: ['api']
    #> start: ['nginx']
    order.done(*ready)
# --8<-- [end:show]

waits_on_health = [dependency for spec in services.values()
                   for dependency, rule in spec.get("depends_on", {}).items()
                   if rule["condition"] == "service_healthy"]
print(sorted(set(waits_on_health)),
      all("healthcheck" in services[name] for name in waits_on_health))
#> ['api', 'postgres', 'redis'] True

# each service name is a host name on the project's network
print(services["api"]["environment"]["REDIS_URL"])
#> redis://redis:6379/0
print([name for name, spec in services.items() if "ports" in spec])
#> ['nginx']
