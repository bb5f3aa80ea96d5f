import os
import re
import sys
from pathlib import Path

import yaml

DEMO = Path(__file__).resolve().parents[2] / "demo"
sys.path.insert(0, str(DEMO))
from startups_api.settings import Settings  # noqa: E402  the demo settings

VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")


def interpolate(value: str, shell: dict[str, str]) -> str:
    """What Compose does with ${NAME:-default} and ${NAME:?error message}."""
    def replace(match: re.Match) -> str:
        name, kind, extra = match.groups()
        if shell.get(name):
            return shell[name]
        if kind == "?":
            raise ValueError(f"{name} is required: {extra}")
        return extra or ""
    return VARIABLE.sub(replace, value)


COMPOSE = DEMO / "deploy/docker-compose.yml"
# --8<-- [start:show]
compose = yaml.safe_load(COMPOSE.read_text())
environment = compose["services"]["api"]["environment"]
shell = {"JWT_SECRET": "from-the-shell-or-deploy-.env-never-git"}
for name, value in environment.items():
    os.environ[name] = interpolate(value, shell)

settings = Settings(_env_file=None)  # reads os.environ
print(settings.database_url)
#> postgresql+asyncpg://startups:startups@postgres:5432/startups
print(settings.cors_origins, settings.rank_workers)  # typed
#> ['https://startups.example.com'] 1
print(repr(settings.jwt_secret))  # SecretStr: masked in logs
#> SecretStr('**********')
# --8<-- [end:show]
try:
    interpolate(environment["JWT_SECRET"], shell={})
except ValueError as error:
    print(error)
    #> JWT_SECRET is required: set JWT_SECRET in the shell or in deploy/.env
