import math
from pathlib import Path

import yaml

HPA = Path(__file__).resolve().parents[2] / "demo/deploy/k8s/hpa.yaml"
spec = yaml.safe_load(HPA.read_text())["spec"]
target = spec["metrics"][0]["resource"]["target"]["averageUtilization"]
print(spec["minReplicas"], spec["maxReplicas"], f"target {target}% CPU")
#> 3 20 target 70% CPU


def desired_replicas(current: int, cpu_percent: float) -> int:
    """The HPA rule: ceil(current * metric / target), within min and max."""
    ratio = cpu_percent / target
    if abs(ratio - 1) <= 0.1:  # the default 10% tolerance: no change
        return current
    wanted = math.ceil(current * ratio)
    return min(max(wanted, spec["minReplicas"]), spec["maxReplicas"])


for current, cpu in [(3, 140), (6, 75), (6, 30), (10, 300)]:
    print(f"{current} pods at {cpu}% -> {desired_replicas(current, cpu)} pods")
    #> 3 pods at 140% -> 6 pods
    #> 6 pods at 75% -> 6 pods
    #> 6 pods at 30% -> 3 pods
    #> 10 pods at 300% -> 20 pods
