import re
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "demo"
DOCKERFILES = {"single": DEMO / "Dockerfile",
               "multi": DEMO / "deploy/docker/Dockerfile"}


# --8<-- [start:show]
def position(text: str, pattern: str) -> int:
    found = re.search(pattern, text, re.MULTILINE)
    return found.start() if found else -1


CODE = "^COPY startups_api"

CHECKS = {
    "stages": lambda t: len(re.findall(r"^FROM ", t, re.M)),
    "deps before code": lambda t:
        0 < position(t, r"pip install .*-r ") < position(t, CODE),
    "user before code": lambda t:
        0 < position(t, "^RUN useradd") < position(t, CODE),
    "non-root": lambda t: position(t, r"^USER (?!root)") > 0,
    "healthcheck": lambda t: position(t, r"^HEALTHCHECK") > 0,
    "exec-form CMD": lambda t: position(t, r"^CMD \[") > 0,
}
# --8<-- [end:show]
print(f"{'check':<17}", *DOCKERFILES)
#> check             single multi
for name, check in CHECKS.items():
    results = [check(path.read_text()) for path in DOCKERFILES.values()]
    print(f"{name:<17}", *results)
    #> stages            1 2
    #> deps before code  True True
    #> user before code  False True
    #> non-root          True True
    #> healthcheck       True True
    #> exec-form CMD     True True
