import math
from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parents[2] / "demo/deploy/k8s"
spec = yaml.safe_load((K8S / "hpa.yaml").read_text())["spec"]
low, high = spec["minReplicas"], spec["maxReplicas"]
cpu = spec["metrics"][0]["resource"]["target"]
target = cpu["averageUtilization"]  # % of each pod's CPU request
print(f"{low}-{high} pods, target {target}% CPU")
#> 3-20 pods, target 70% CPU


def desired_replicas(current: int, cpu_percent: float) -> int:
    """ceil(current * metric / target), within min and max."""
    ratio = cpu_percent / target
    if abs(ratio - 1) <= 0.1:  # the default 10% tolerance
        return current
    return min(max(math.ceil(current * ratio), low), high)


for current, usage in [(3, 140), (6, 75), (6, 30), (10, 300)]:
    wanted = desired_replicas(current, usage)
    print(f"{current} pods at {usage}% -> {wanted} pods")
    #> 3 pods at 140% -> 6 pods
    #> 6 pods at 75% -> 6 pods
    #> 6 pods at 30% -> 3 pods
    #> 10 pods at 300% -> 20 pods
