import re
from graphlib import TopologicalSorter
from pathlib import Path

import yaml

CI = Path(__file__).resolve().parents[2] / "demo/deploy/ci.yml"
jobs = yaml.safe_load(CI.read_text())["jobs"]


def needs(job: dict) -> list[str]:
    return [job["needs"]] if isinstance(job.get("needs"), str) else []


order = TopologicalSorter({name: needs(job) for name, job in jobs.items()})
print(" -> ".join(order.static_order()))
#> lint -> test -> build -> deploy


def runs(name: str, event: str) -> bool:
    """A job runs if its `if:` allows the event and every job it needs ran."""
    wanted = re.search(r"event_name == '(\w+)'", jobs[name].get("if", ""))
    allowed = wanted is None or wanted[1] == event
    return allowed and all(runs(need, event) for need in needs(jobs[name]))


for event in ["pull_request", "push"]:
    print(f"{event}:", [name for name in jobs if runs(name, event)])
    #> pull_request: ['lint', 'test']
    #> push: ['lint', 'test', 'build', 'deploy']
print("test services:", list(jobs["test"]["services"]))
#> test services: ['postgres', 'redis']
print("deploy gate:", jobs["deploy"]["environment"])
#> deploy gate: production
