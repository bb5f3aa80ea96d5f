"""Settings read from the environment (or a .env file) once, with pydantic-settings."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite://"  # in-memory SQLite: runs with no other service
    cors_origins: list[str] = ["http://localhost:5173"]
    rank_workers: int = 2
    query_timeout_seconds: float = 5.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
