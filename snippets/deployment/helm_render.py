import re
from pathlib import Path

import yaml

CHART = Path(__file__).resolve().parents[2] / "demo/deploy/helm/startups-api"


def merge(defaults: dict, overrides: dict) -> dict:
    """How -f values-production.yaml and --set layer over values.yaml."""
    merged = dict(defaults)
    for key, value in overrides.items():
        nested = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = merge(merged[key], value) if nested else value
    return merged


def render(template: str, context: dict) -> str:
    """Go templates do much more; this chart only needs {{ .A.b }} lookups."""
    def lookup(match: re.Match) -> str:
        node = context
        for key in match[1].split("."):
            node = node[key]
        return str(node)
    return re.sub(r"\{\{ \.([\w.]+) \}\}", lookup, template)


# --8<-- [start:show]
template = (CHART / "templates/deployment.yaml").read_text()
defaults = yaml.safe_load((CHART / "values.yaml").read_text())
production = merge(defaults, yaml.safe_load(
    (CHART / "values-production.yaml").read_text()))
sha = {"image": {"tag": "3f9c2e1"}}  # --set from CI
production = merge(production, sha)

releases = {"api-staging": defaults, "api-prod": production}
for release, values in releases.items():
    context = {"Values": values, "Release": {"Name": release}}
    manifest = yaml.safe_load(render(template, context))
    spec = manifest["spec"]
    container = spec["template"]["spec"]["containers"][0]
    print(release, spec["replicas"], container["image"])
    #> api-staging 2 ghcr.io/example/startups-api:2.0.0
    #> api-prod 6 ghcr.io/example/startups-api:3f9c2e1
    print(" ", container["resources"]["requests"])
    #>   {'cpu': '250m', 'memory': '256Mi'}
    #>   {'cpu': '500m', 'memory': '512Mi'}
# --8<-- [end:show]
