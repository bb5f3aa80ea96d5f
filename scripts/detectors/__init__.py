"""One detector per demo pattern: where another FastAPI project shows the same thing.

DETECTORS maps each pattern name the demo marks to a Detector: `find`, a function from the parsed
Project to the best Span or None, and `hint`, one line on what to add when it is missing. A new
demo pattern needs one entry here; tests/test_project_patterns.py fails until it has one.

Detectors read Python through `ast`, so an import decides what a name is (collections.Counter is
not a Prometheus counter) and comments and strings never pass for code. Each collects Candidates
and leaves the choice to `project_code.best`: the most features shown, then the shortest, then
the first. A span is the smallest unit that shows the pattern: a statement, a function or class
with its decorators, or a stretch of neighbouring statements that belong together (a hash and a
verify function). App patterns are looked for outside test files, test patterns only in them.
The detectors live by area: shared.py (what every area asks of code), app.py, endpoints.py,
auth.py, data.py, admin.py (migrations, the admin command), concurrency.py, resilience.py,
queues.py, layout.py (import direction), tracing.py, tests.py (test code only) and deploy.py
(Dockerfile, compose, Kubernetes, Helm, CI).
"""

from __future__ import annotations

from . import deploy

from .admin import (
    find_admin_cli,
    find_alembic_migration,
    find_zero_downtime_migration,
)
from .app import (
    find_app_factory,
    find_domain_errors,
    find_error_handlers,
    find_health_checks,
    find_immutable_class,
    find_lifespan,
    find_pii_masking,
    find_prometheus_metrics,
    find_security_headers,
    find_settings,
    find_startup_singleton,
    find_structured_logging,
    find_timing_middleware,
    find_versioned_routers,
    middleware_added,
)
from .auth import (
    find_current_user_dependency,
    find_db_session_dependency,
    find_jwt_tokens,
    find_login_password_check,
    find_password_hashing,
    find_rate_limit_dependency,
    find_rate_limiter,
    find_role_check,
    find_semaphore_limit,
)
from .concurrency import (
    find_key_locks,
    find_process_pool,
    find_task_group,
)
from .data import (
    find_uuid_ids,
    find_cache_aside,
    find_cursor_pagination,
    find_eager_loading,
    find_idempotency_key,
    find_jsonb_column,
    find_optimistic_locking,
    find_orm_query,
    find_partial_unique_index,
    find_patch_partial_update,
    find_response_cache,
    find_soft_delete,
    find_transaction,
    find_unique_conflict,
)
from .endpoints import (
    find_annotated_validator,
    find_async_endpoint,
    find_background_task,
    find_conditional_get,
    find_csv_upload,
    find_dependencies,
    find_path_and_query_params,
    find_refresh_token_rotation,
    find_request_models,
    find_response_model,
    find_sse_stream,
    find_streaming_export,
    find_sync_endpoint,
    find_token_endpoint,
    find_websocket_stream,
)
from .queues import (
    find_celery_beat,
    find_celery_chain,
    find_etl_tasks,
    find_celery_task,
    find_outbox_relay,
    find_outbox_write,
    find_redis_lock,
)
from .resilience import (
    find_redis_fail_open,
    find_circuit_breaker,
)
from .layout import find_import_direction
from .shared import (
    Detector,
    Find,
)
from .tests import (
    find_async_client_test,
    find_deep_json_body,
    find_dependency_overrides_test,
    find_test_backends,
)
from .tracing import (
    find_database_spans,
    find_pubsub_fanout,
    find_trace_propagation,
    find_tracing_setup,
)

__all__ = ["DETECTORS", "Detector", "Find"]

DETECTORS: dict[str, Detector] = {
    "celery-task": Detector(
        find_celery_task,
        "a Celery task with acks_late=True, reject_on_worker_lost=True, autoretry_for and retry_backoff",
    ),
    "outbox-write": Detector(
        find_outbox_write, "an outbox row added in the same transaction as the row it announces"
    ),
    "outbox-relay": Detector(
        find_outbox_relay,
        "a relay that claims unsent outbox rows with FOR UPDATE SKIP LOCKED, publishes and marks them sent",
    ),
    "celery-beat": Detector(
        find_celery_beat,
        "a Celery beat_schedule (one beat process) that runs periodic tasks on an interval or a crontab",
    ),
    "celery-chain": Detector(
        find_celery_chain, "chain(extract.s(), transform.s(), load.s()): each step gets the one before's result"
    ),
    "sector-report-etl": Detector(
        find_etl_tasks,
        "extract, transform and load as three Celery tasks, the load idempotent (replace, not append)",
    ),
    "idempotency-key-lock": Detector(
        find_key_locks,
        "a WeakValueDictionary[str, asyncio.Lock] so two requests with one Idempotency-Key run one at a time",
    ),
    "import-direction": Detector(
        find_import_direction,
        "a dependencies module that imports only lower modules (db, settings, services) and never a router",
    ),
    "redis-fail-open": Detector(
        find_redis_fail_open,
        "an `except RedisError:` (with a time limit on the call) that logs and returns a fallback: fail open",
    ),
    "uuid-event-ids": Detector(
        find_uuid_ids, "a primary key made by the app: mapped_column(primary_key=True, default=uuid7 or uuid4)"
    ),
    "redis-lock": Detector(
        find_redis_lock,
        "a Redis lock: SET key token NX PX ttl, released by a Lua script that deletes only its own token",
    ),
    "alembic-migration": Detector(
        find_alembic_migration, "an Alembic migration whose upgrade() calls op.create_table (alembic revision)"
    ),
    "annotated-validator": Detector(
        find_annotated_validator, "a reusable type: Annotated[str, AfterValidator(check)] used by several models"
    ),
    "app-factory": Detector(
        find_app_factory, "a create_app() function that builds, configures and returns the FastAPI app"
    ),
    "deep-json-body": Detector(
        find_deep_json_body, "a test that posts JSON nested past the recursion limit and gets a 400, not a crash"
    ),
    "async-client-test": Detector(
        find_async_client_test, "a test that calls the app with httpx.AsyncClient(transport=ASGITransport(app=app))"
    ),
    "async-endpoint": Detector(
        find_async_endpoint, "an async def route handler that awaits the database or another service"
    ),
    "background-task": Detector(
        find_background_task,
        "a route that takes BackgroundTasks and calls tasks.add_task(...) for work after the response",
    ),
    "cache-aside": Detector(
        find_cache_aside, "a read route that tries the cache, else reads the database and fills the cache with a TTL"
    ),
    "circuit-breaker": Detector(
        find_circuit_breaker,
        "a CircuitBreaker around an outbound call: open after N failures in a row, fail fast, half-open after a pause",
    ),
    "conditional-get": Detector(
        find_conditional_get, "a GET that sends an ETag and answers a matching If-None-Match with 304 and no body"
    ),
    "compose-environment": Detector(
        deploy.find_compose_environment,
        "the app service's environment: in docker-compose.yml, secrets from ${VARIABLES}",
    ),
    "compose-proxy": Detector(
        deploy.find_compose_proxy,
        "an nginx (or Traefik) service in docker-compose.yml in front of the app, the only published ports",
    ),
    "compose-stack": Detector(
        deploy.find_compose_stack, "a docker-compose.yml with the app, PostgreSQL and Redis services and healthchecks"
    ),
    "ci-pipeline": Detector(
        deploy.find_ci_pipeline,
        "a CI workflow (.github/workflows) that lints, tests against real services, builds the image and deploys",
    ),
    "cors": Detector(
        middleware_added("CORSMiddleware"),
        "app.add_middleware(CORSMiddleware, allow_origins=[...]) with explicit origins",
    ),
    "csv-upload": Detector(find_csv_upload, "a route that takes an UploadFile, checks its type and size, and reads it"),
    "current-user-dependency": Detector(
        find_current_user_dependency,
        "a get_current_user dependency reading the token via Depends(OAuth2PasswordBearer(...))",
    ),
    "cursor-pagination": Detector(
        find_cursor_pagination,
        "a list route with a cursor parameter that filters WHERE id > last id and returns next_cursor",
    ),
    "db-session-dependency": Detector(
        find_db_session_dependency,
        "a get_session dependency that yields a session from `with SessionLocal() as session`",
    ),
    "dependencies": Detector(
        find_dependencies, "reusable dependencies: SessionDep = Annotated[Session, Depends(get_session)]"
    ),
    "dependency-overrides-test": Detector(
        find_dependency_overrides_test,
        "a test that swaps a dependency with app.dependency_overrides[...] and clears it after",
    ),
    "dockerfile": Detector(
        deploy.find_dockerfile, "a Dockerfile: slim base, requirements copied before the code, a non-root user"
    ),
    "eager-loading": Detector(
        find_eager_loading,
        "a query with .options(selectinload(Model.children)) so related rows are not loaded one by one (N+1)",
    ),
    "domain-errors": Detector(
        find_domain_errors, "a DomainError(Exception) base with one subclass per failure, each naming its status code"
    ),
    "error-handlers": Detector(
        find_error_handlers, "@app.exception_handler(...) functions that turn errors into one JSON error body"
    ),
    "gzip-middleware": Detector(
        middleware_added("GZipMiddleware"), "app.add_middleware(GZipMiddleware, minimum_size=1000)"
    ),
    "helm-template": Detector(
        deploy.find_helm_template,
        "a Helm chart whose templates/deployment.yaml takes image, replicas and resources from values.yaml",
    ),
    "health-checks": Detector(find_health_checks, "/health/live and /health/ready routes (ready checks the database)"),
    "idempotency-key": Detector(
        find_idempotency_key, "a POST that reads an Idempotency-Key header and replays the stored response on a retry"
    ),
    "jwt-tokens": Detector(
        find_jwt_tokens, "create and decode access tokens with jwt.encode / jwt.decode and an exp claim"
    ),
    "k8s-deployment": Detector(
        deploy.manifest_of_kind("Deployment", "StatefulSet"),
        "a Kubernetes Deployment of the app image with resources and probes",
    ),
    "k8s-graceful-shutdown": Detector(
        deploy.find_k8s_graceful_shutdown,
        "a preStop sleep and terminationGracePeriodSeconds so pods drain before they stop",
    ),
    "k8s-hpa": Detector(
        deploy.manifest_of_kind("HorizontalPodAutoscaler"), "a HorizontalPodAutoscaler scaling the Deployment on CPU"
    ),
    "k8s-probes": Detector(
        deploy.find_k8s_probes, "startup, liveness and readiness probes on the container, pointing at the health routes"
    ),
    "k8s-rolling-update": Detector(
        deploy.find_k8s_rolling_update, "a RollingUpdate strategy with maxSurge and maxUnavailable: 0 in the Deployment"
    ),
    "k8s-service": Detector(deploy.manifest_of_kind("Service"), "a Kubernetes Service that selects the app's pods"),
    "lifespan": Detector(
        find_lifespan, "an @asynccontextmanager lifespan(app) passed as FastAPI(lifespan=...) for startup and shutdown"
    ),
    "multi-stage-dockerfile": Detector(
        deploy.find_multi_stage_dockerfile,
        "a two-stage Dockerfile: install into a venv in a build stage, copy only the venv into a slim runtime",
    ),
    "optimistic-locking": Detector(
        find_optimistic_locking,
        "an update WHERE version = :read_version that bumps the version and answers 409 when no row matched",
    ),
    "orm-query": Detector(
        find_orm_query, "a function that runs select(Model).where(Model.col == param) through the session"
    ),
    "password-hashing": Detector(
        find_password_hashing, "hash_password / verify_password with pwdlib (Argon2) or passlib's CryptContext"
    ),
    "path-and-query-params": Detector(
        find_path_and_query_params, "a list route with Annotated[int, Query(ge=1, le=100)] limit and offset parameters"
    ),
    "pii-masking": Detector(
        find_pii_masking, "a logging.Filter that masks e-mail addresses and tokens in every message"
    ),
    "process-pool-ranking": Detector(
        find_process_pool, "CPU-bound work in a ProcessPoolExecutor, awaited with loop.run_in_executor(pool, work, ...)"
    ),
    "production-command": Detector(
        deploy.find_production_command, "a CMD that runs uvicorn or gunicorn with several workers (--workers 4)"
    ),
    "prometheus-metrics": Detector(
        find_prometheus_metrics, "prometheus_client Counter and Histogram metrics and a /metrics route"
    ),
    "ranking-index": Detector(
        find_immutable_class, "an immutable class shared by every request: @dataclass(frozen=True, slots=True)"
    ),
    "ranking-index-singleton": Detector(
        find_startup_singleton, "an expensive object (model, index) built once in the lifespan and kept on app.state"
    ),
    "rate-limit-dependency": Detector(
        find_rate_limit_dependency,
        "a rate_limit dependency that answers 429 with Retry-After, added with dependencies=[Depends(...)]",
    ),
    "rate-limiter": Detector(
        find_rate_limiter, "a sliding-window or token-bucket limiter class (in memory, or Redis for several workers)"
    ),
    "refresh-token-rotation": Detector(
        find_refresh_token_rotation, "a POST /refresh that accepts each refresh token once and returns a new pair"
    ),
    "request-models": Detector(
        find_request_models, "a Pydantic request model with Field constraints, a validator and extra='forbid'"
    ),
    "response-cache": Detector(find_response_cache, "a small cache class with get/set and a TTL (in memory, or Redis)"),
    "response-model": Detector(
        find_response_model, "a response model with from_attributes=True used as response_model= on a route"
    ),
    "role-check": Detector(
        find_role_check, "a require_role(...) dependency that raises 403 when the user's role is too low"
    ),
    "security-headers": Detector(
        find_security_headers,
        "a middleware adding Strict-Transport-Security, X-Content-Type-Options and X-Frame-Options",
    ),
    "semaphore-limit": Detector(
        find_semaphore_limit, "an asyncio.Semaphore(n) and `async with semaphore:` around a limited resource"
    ),
    "settings": Detector(
        find_settings, "a Settings(BaseSettings) class read from the environment, with a cached get_settings()"
    ),
    "soft-delete": Detector(
        find_soft_delete, "a deleted_at column set by DELETE, and reads filtered with Model.deleted_at.is_(None)"
    ),
    "sse-stream": Detector(
        find_sse_stream,
        "a GET with response_class=EventSourceResponse whose generator yields ServerSentEvent items",
    ),
    "streaming-export": Detector(
        find_streaming_export, "an export route that returns StreamingResponse over an async generator of rows"
    ),
    "structured-logging": Detector(
        find_structured_logging, "JSON log lines: a logging.Formatter that json.dumps each record, or structlog"
    ),
    "sync-endpoint": Detector(find_sync_endpoint, "a plain def route handler (FastAPI runs it in its thread pool)"),
    "task-group": Detector(
        find_task_group, "run independent awaits together with async with asyncio.TaskGroup() as group"
    ),
    "test-backends": Detector(
        find_test_backends,
        "a pytest fixture that gives the tests their own database, parametrized to run on SQLite and real PostgreSQL",
    ),
    "timing-middleware": Detector(
        find_timing_middleware, "a pure ASGI middleware class that times each request and adds a Server-Timing header"
    ),
    "token-endpoint": Detector(
        find_token_endpoint, "a POST /token route that takes OAuth2PasswordRequestForm and returns an access token"
    ),
    "transaction": Detector(
        find_transaction, "writes grouped in `async with session.begin():` so they commit or roll back together"
    ),
    "unique-conflict": Detector(
        find_unique_conflict, "an `except IntegrityError:` that turns a duplicate into a 409 Conflict"
    ),
    "versioned-routers": Detector(
        find_versioned_routers, "APIRouter(prefix='/api/v1') and a /api/v2 router side by side"
    ),
    "websocket-stream": Detector(
        find_websocket_stream, "a @router.websocket route that sends results as they are produced"
    ),
    "partial-unique-index": Detector(
        find_partial_unique_index,
        "Index('uq_live_name', 'name', unique=True, postgresql_where=text('deleted_at IS NULL')) on the model",
    ),
    "jsonb-column": Detector(
        find_jsonb_column, "a JSON column as JSON().with_variant(JSONB(), 'postgresql'), with a GIN index"
    ),
    "patch-partial-update": Detector(
        find_patch_partial_update, "a PATCH that applies body.model_dump(exclude_unset=True), keeping explicit nulls"
    ),
    "login-password-check": Detector(
        find_login_password_check,
        "verify the password with run_in_threadpool, against a dummy hash when the user is unknown",
    ),
    "admin-cli": Detector(
        find_admin_cli, "a main(argv) with argparse subcommands, run by [project.scripts] and `python -m`"
    ),
    "zero-downtime-migration": Detector(
        find_zero_downtime_migration,
        "an Alembic upgrade() that adds a column nullable, backfills it in batches, then sets NOT NULL",
    ),
    "tracing-setup": Detector(
        find_tracing_setup,
        "a TracerProvider with a service name and a span processor: OTLP to a Collector when configured",
    ),
    "trace-propagation": Detector(
        find_trace_propagation,
        "a middleware that extracts traceparent into a server span, and injects it into outbound calls",
    ),
    "database-spans": Detector(
        find_database_spans, "before/after_cursor_execute listeners that open and close a span per SQL statement"
    ),
    "pubsub-fanout": Detector(
        find_pubsub_fanout,
        "a per-worker Redis pub/sub listener that forwards each message to that worker's WebSocket clients",
    ),
}
