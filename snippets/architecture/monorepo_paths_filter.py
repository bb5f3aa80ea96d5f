from fnmatch import fnmatch
from pathlib import Path

import yaml

CI = Path(__file__).resolve().parents[2] / "demo/deploy/ci.yml"
workflow = yaml.safe_load(CI.read_text())
triggers = workflow[True]  # YAML 1.1 reads the bare key `on` as True
patterns = triggers["push"]["paths"]
print(patterns)
#> ['demo/**']

# one repository holds the site and the demo service; each part has its own
# pipeline, started only when a commit touches that part's folder
commits = {
    "fix the rate limiter": ["demo/startups_api/limits.py"],
    "reword a page": ["docs/architecture/cap-theorem.md"],
    "new endpoint and its page": ["demo/startups_api/api.py",
                                  "docs/fastapi/api-router.md"],
}
for message, changed in commits.items():
    runs = any(fnmatch(path, pattern)
               for path in changed for pattern in patterns)
    print(f"{message!r}: service pipeline runs={runs}")
    #> 'fix the rate limiter': service pipeline runs=True
    #> 'reword a page': service pipeline runs=False
    #> 'new endpoint and its page': service pipeline runs=True
