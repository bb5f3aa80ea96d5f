# --8<-- [start:show]
import re
from fnmatch import fnmatch

NEVER_SEND = [".env", ".env.*", "*.pem", "secrets/*"]  # like .cursorignore
SECRETS = [  # group 1 is what stays visible
    re.compile(r"()AKIA[0-9A-Z]{16}"),  # an AWS access key id
    re.compile(r"(?i)(bearer\s+)[\w.~+/-]{20,}"),
    re.compile(r"(?i)(\w*(?:secret|password|token|api_key)\w*\s*=\s*)\S+"),
]


def prompt_context(files: dict[str, str]) -> dict[str, str]:
    """What may leave the laptop: no ignored files, secret values masked."""
    context = {}
    for path, text in files.items():
        if any(fnmatch(path, rule) for rule in NEVER_SEND):
            continue
        for pattern in SECRETS:
            text = pattern.sub(r"\1[REDACTED]", text)
        context[path] = text
    return context
# --8<-- [end:show]


workspace = {
    ".env": "DATABASE_URL=postgresql://app:hunter2@db/app",
    "app/settings.py": 'JWT_SECRET = "s3cr3t-from-a-hurried-commit"',
    "app/aws.py": 'KEY_ID = "AKIAIOSFODNN7EXAMPLE"  # documented example',
    "app/client.py": 'auth = "Bearer eyJhbGciOiJIUzI1NiJ9.e30"',
}
context = prompt_context(workspace)
print("withheld:", sorted(set(workspace) - set(context)))
#> withheld: ['.env']
for path, text in context.items():
    print(f"{path}: {text}")
    #> app/settings.py: JWT_SECRET = [REDACTED]
    #> app/aws.py: KEY_ID = "[REDACTED]"  # documented example
    #> app/client.py: auth = "Bearer [REDACTED]"
