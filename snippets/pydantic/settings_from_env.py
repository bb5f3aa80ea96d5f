import os
from functools import lru_cache

from pydantic import SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    database_url: str  # required: no default
    api_key: SecretStr
    workers: int = 2
    cors_origins: list[str] = []


try:
    Settings()  # nothing set yet: fail at startup, not at first use
except ValidationError as error:
    print([problem["loc"][0] for problem in error.errors()])
    #> ['database_url', 'api_key']

os.environ |= {  # what the deployment injects
    "APP_DATABASE_URL": "postgresql+asyncpg://db/app",
    "APP_API_KEY": "sk-live-123",
    "APP_WORKERS": "4",
    "APP_CORS_ORIGINS": '["https://app.example.com"]',
}


@lru_cache
def get_settings() -> Settings:
    return Settings()  # read once per process


settings = get_settings()
print(settings.workers, settings.cors_origins)  # parsed from strings
#> 4 ['https://app.example.com']
print(settings.api_key)  # masked in logs and reprs
#> **********
print(get_settings() is settings)
#> True
