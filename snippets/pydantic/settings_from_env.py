import os

# --8<-- [start:show]
from functools import lru_cache

from pydantic import SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    database_url: str  # required: no default
    api_key: SecretStr
    workers: int = 2
    cors_origins: list[str] = []


@lru_cache
def get_settings() -> Settings:
    # validated on the first call, not at import
    return Settings()


def create_app() -> Settings:
    # called at startup: bad config fails the deploy
    return get_settings()
# --8<-- [end:show]


try:
    create_app()  # nothing set yet
except ValidationError as error:
    print([problem["loc"][0] for problem in error.errors()])
    #> ['database_url', 'api_key']

os.environ |= {  # what the deployment injects
    "APP_DATABASE_URL": "postgresql+asyncpg://db/app",
    "APP_API_KEY": "sk-live-123",
    "APP_WORKERS": "4",
    "APP_CORS_ORIGINS": '["https://app.example.com"]',
}
# a failed call is not cached: this one reads again
settings = create_app()
# parsed from strings
print(settings.workers, settings.cors_origins)
#> 4 ['https://app.example.com']
print(settings.api_key)  # masked in logs and reprs
#> **********
# every later call: the same object
print(get_settings() is settings)
#> True
