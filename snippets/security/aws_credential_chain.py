import os
import shutil
import tempfile
from pathlib import Path

for name in [n for n in os.environ if n.startswith("AWS_")]:
    del os.environ[name]  # start from a clean machine
home = Path(tempfile.mkdtemp())
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(home / "credentials")
os.environ["AWS_CONFIG_FILE"] = str(home / "config")
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"  # no network here

# --8<-- [start:show]
import boto3  # noqa: E402  the code never names a key


def where_credentials_came_from() -> str | None:
    credentials = boto3.Session().get_credentials()  # the provider chain
    return credentials.method if credentials else None


print(where_credentials_came_from())
#> None
# a developer laptop: `aws configure` or `aws sso login` writes ~/.aws
(home / "credentials").write_text(
    "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n"
)
print(where_credentials_came_from())
#> shared-credentials-file
# CI or a container: the platform injects environment variables
os.environ["AWS_ACCESS_KEY_ID"] = "ASIAEXAMPLE"
os.environ["AWS_SECRET_ACCESS_KEY"] = "y"
os.environ["AWS_SESSION_TOKEN"] = "short-lived"
print(where_credentials_came_from())
#> env
# --8<-- [end:show]
shutil.rmtree(home)
