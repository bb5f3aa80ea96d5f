import re
from graphlib import TopologicalSorter
from pathlib import Path

import yaml

CI = Path(__file__).resolve().parents[2] / "demo/deploy/ci.yml"
jobs = yaml.safe_load(CI.read_text())["jobs"]


# --8<-- [start:show]
def needs(name: str) -> list[str]:
    need = jobs[name].get("needs")
    return [need] if isinstance(need, str) else []


order = TopologicalSorter({name: needs(name) for name in jobs})
print(" -> ".join(order.static_order()))
#> lint -> test -> build -> deploy


def runs(name: str, event: str) -> bool:
    """Its `if:` allows the event and every needed job ran."""
    condition = jobs[name].get("if", "")
    wanted = re.search(r"event_name == '(\w+)'", condition)
    allowed = wanted is None or wanted[1] == event
    return allowed and all(runs(n, event) for n in needs(name))


for event in ["pull_request", "push"]:
    print(f"{event}:", [name for name in jobs if runs(name, event)])
    #> pull_request: ['lint', 'test']
    #> push: ['lint', 'test', 'build', 'deploy']
# --8<-- [end:show]
print("test services:", list(jobs["test"]["services"]))
#> test services: ['postgres', 'redis']
print("deploy gate:", jobs["deploy"]["environment"])
#> deploy gate: production
