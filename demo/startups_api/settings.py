"""Settings read from the environment (or a .env file) once, with pydantic-settings."""

from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


# --8<-- [start:settings]
class Settings(BaseSettings):
    """Every field can be set by an environment variable of the same name, e.g. DATABASE_URL."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str | None = None  # None: a SQLite file in a temporary folder, no server needed
    redis_url: str | None = None  # None: in-process cache and rate limiter
    cors_origins: list[str] = ["http://localhost:5173"]
    rank_workers: int = 2
    query_timeout_seconds: float = 5.0
    jwt_secret: SecretStr = SecretStr("change-me-in-production-please-32b")
    access_token_minutes: int = 30
    refresh_token_days: int = 14
    rate_limit_per_minute: int = 120
    cache_ttl_seconds: int = 60
    upload_max_bytes: int = 1_000_000
    demo_password: SecretStr = SecretStr("demo-password")  # for the seeded demo users
    registry_url: str | None = None  # the partner company registry; None: GET .../registry is off
    registry_timeout_seconds: float = 2.0
    registry_failures_to_open: int = 3  # failures in a row that open the circuit breaker
    registry_cooldown_seconds: float = 30.0
    service_name: str = "startups-api"  # the service.name every span carries
    otlp_endpoint: str | None = None  # e.g. http://collector:4318; None: spans stay in memory
    trace_to_console: bool = False  # print each finished span (when there is no OTLP endpoint)
    events_channel: str = "startups:events"  # the Redis pub/sub channel every worker subscribes to


@lru_cache
def get_settings() -> Settings:
    return Settings()
# --8<-- [end:settings]
