from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parents[2] / "demo/deploy/k8s"
objects = {doc["kind"]: doc for doc in
           yaml.safe_load_all((K8S / "deployment.yaml").read_text())}
print(list(objects))
#> ['ConfigMap', 'Deployment', 'Service']

# --8<-- [start:show]
deployment, service = objects["Deployment"], objects["Service"]
pod = deployment["spec"]["template"]
api = pod["spec"]["containers"][0]

# the Service finds pods by label; targetPort names a port
labels = pod["metadata"]["labels"]
print(service["spec"]["selector"].items() <= labels.items())
#> True
port = service["spec"]["ports"][0]
named = {p["name"]: p["containerPort"] for p in api["ports"]}
target = named[port["targetPort"]]
print(f"Service :{port['port']} -> pod :{target}")
#> Service :80 -> pod :8000

# one Uvicorn process per pod: replicas add capacity
print("--workers" in api["command"],
      "replicas" in deployment["spec"])
#> False False
print(deployment["spec"]["strategy"]["rollingUpdate"])
#> {'maxSurge': 1, 'maxUnavailable': 0}
print(api["resources"]["requests"], api["resources"]["limits"])
#> {'cpu': '500m', 'memory': '256Mi'} {'memory': '512Mi'}
# --8<-- [end:show]
print([e["valueFrom"]["secretKeyRef"]["key"] for e in api["env"]])
#> ['database-url', 'jwt-secret']
