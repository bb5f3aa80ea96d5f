"""Finding the demo's patterns in another project: every demo pattern has a detector, the detectors
find the demo's own marked sections, a small project's patterns and gaps, code written for a
newer Python than the one running the tests, files that cannot be read, the command's output and
file, and reading that file back."""

import ast
import json
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from demo_patterns import Pattern, find_patterns
from detectors import DETECTORS
from newer_syntax import to_running_python
from project_code import Span, read_project
from project_patterns import ProjectLinks, ProjectLinksError, find_in_project, load_project_links
from site_paths import PROJECT

SCRIPT = PROJECT / "scripts" / "project_patterns.py"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "own_project"
FULL_STACK = Path(__file__).resolve().parent / "fixtures" / "full_stack_template"  # see its NOTICE
DEMO_PATTERNS = find_patterns(PROJECT / "demo", PROJECT)

FOUND_IN_FIXTURE = {
    "async-endpoint": ("app/routers/books.py", 65, 70),
    "background-task": ("app/routers/books.py", 61, 61),
    "ci-pipeline": (".github/workflows/tests.yml", 3, 14),
    "compose-environment": ("docker-compose.yml", 6, 8),
    "compose-stack": ("docker-compose.yml", 2, 15),
    "cors": ("app/main.py", 22, 26),
    "csv-upload": ("app/routers/books.py", 65, 70),
    "current-user-dependency": ("app/security.py", 27, 32),
    "db-session-dependency": ("app/database.py", 10, 15),
    "dependencies": ("app/routers/books.py", 47, 62),
    "dependency-overrides-test": ("tests/client.py", 14, 30),
    "domain-errors": ("app/errors.py", 1, 2),
    "error-handlers": ("app/main.py", 31, 33),
    "health-checks": ("app/main.py", 36, 38),
    "jwt-tokens": ("app/security.py", 22, 32),
    "lifespan": ("app/main.py", 15, 18),
    "orm-query": ("app/routers/books.py", 35, 40),
    "password-hashing": ("app/security.py", 11, 19),
    "path-and-query-params": ("app/routers/books.py", 20, 26),
    "production-command": ("Procfile", 1, 1),
    "ranking-index-singleton": ("app/main.py", 17, 17),
    "request-models": ("app/schemas.py", 4, 14),
    "response-model": ("app/schemas.py", 17, 23),
    "settings": ("app/config.py", 4, 10),
    "sync-endpoint": ("app/routers/books.py", 29, 32),
    "test-backends": ("tests/client.py", 14, 30),
    "token-endpoint": ("app/routers/auth.py", 11, 16),
    "transaction": ("app/routers/books.py", 55, 60),
    "unique-conflict": ("app/routers/books.py", 58, 60),
    "versioned-routers": ("app/main.py", 27, 28),
}
MISSING_IN_FIXTURE = sorted(set(DEMO_PATTERNS) - set(FOUND_IN_FIXTURE))


def run_script(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(dedent(text), encoding="utf-8")
    return root


# --- the detector table stays in step with the demo ---------------------------------------------


def test_every_demo_pattern_has_a_detector():
    missing = sorted(set(DEMO_PATTERNS) - set(DETECTORS))
    assert not missing, f"add a detector to scripts/detectors/ for: {', '.join(missing)}"


def test_every_detector_is_for_a_pattern_the_demo_marks():
    assert sorted(set(DETECTORS) - set(DEMO_PATTERNS)) == []


# --- the detectors find the real thing in the demo ----------------------------------------------


@pytest.fixture(scope="module")
def demo_found():
    """What the detectors find in the demo, read as any other project (its markers unused)."""
    return find_in_project(read_project(PROJECT / "demo"), sorted(DEMO_PATTERNS))


@pytest.mark.parametrize("name", sorted(DEMO_PATTERNS))
def test_the_detector_finds_the_demo_s_own_section(demo_found, name):
    marked, span = DEMO_PATTERNS[name], demo_found[name]
    assert span is not None, f"{name}: not found in the demo"
    where = f"found demo/{span.path}:{span.start}-{span.end}, marked {marked.path}:{marked.start}-{marked.end}"
    assert f"demo/{span.path}" == marked.path, where
    assert span.start <= marked.end and marked.start <= span.end, where


# --- another project: what is there and what is not ---------------------------------------------


@pytest.fixture(scope="module")
def fixture_found():
    return find_in_project(read_project(FIXTURE), sorted(DEMO_PATTERNS))


def test_found_patterns_point_at_the_lines_that_show_them(fixture_found):
    found = {name: (span.path, span.start, span.end) for name, span in fixture_found.items() if span}
    assert found == FOUND_IN_FIXTURE


def test_patterns_the_project_lacks_are_not_found(fixture_found):
    assert sorted(name for name, span in fixture_found.items() if span is None) == MISSING_IN_FIXTURE


def test_comments_strings_and_other_libraries_names_do_not_count(tmp_path):
    project = read_project(
        write(
            tmp_path,
            {
                "app/main.py": """\
            from collections import Counter

            from fastapi import FastAPI

            # app.add_middleware(CORSMiddleware, allow_origins=["*"])  # turned off for now
            NOTE = "call jwt.encode(claims, key) and return a StreamingResponse(rows())"
            app = FastAPI()
            WORDS = Counter("a b a".split())
            """,
            },
        )
    )
    for name in ["cors", "jwt-tokens", "streaming-export", "prometheus-metrics"]:
        assert DETECTORS[name].find(project) is None, name


def test_test_patterns_count_only_in_test_files(tmp_path):
    override = """\
        from app.main import app, get_db

        def use_a_fake_database():
            app.dependency_overrides[get_db] = lambda: None
        """
    in_app = read_project(write(tmp_path / "one", {"app/overrides.py": override}))
    in_tests = read_project(write(tmp_path / "two", {"tests/overrides.py": override}))
    assert DETECTORS["dependency-overrides-test"].find(in_app) is None
    assert DETECTORS["dependency-overrides-test"].find(in_tests).path == "tests/overrides.py"


def test_virtualenvs_and_hidden_folders_are_skipped_but_not_ci_folders(tmp_path):
    socket_route = """\
        from fastapi import APIRouter, WebSocket

        router = APIRouter()

        @router.websocket("/ws")
        async def echo(websocket: WebSocket):
            await websocket.accept()
        """
    workflow = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: pytest}]\n"
    project = write(
        tmp_path,
        {
            "env/pyvenv.cfg": "home = /usr/bin\n",
            "env/lib/site-packages/chat.py": socket_route,
            ".cache/chat.py": socket_route,
            ".github/workflows/ci.yml": workflow,
            "app/main.py": "app = None\n",
        },
    )
    found = read_project(project)
    assert [source.path for source in found.sources] == ["app/main.py"]
    assert DETECTORS["websocket-stream"].find(found) is None
    assert DETECTORS["ci-pipeline"].find(found).path == ".github/workflows/ci.yml"


# --- code for a newer Python, and files that cannot be read -------------------------------------

FOUND_IN_FULL_STACK = {  # all in backend/app/api/deps.py, whose get_current_user has a 3.14 `except A, B:`
    "current-user-dependency": ("backend/app/api/deps.py", 30, 49),
    "db-session-dependency": ("backend/app/api/deps.py", 21, 23),
    "dependencies": ("backend/app/api/deps.py", 26, 27),
    "role-check": ("backend/app/api/deps.py", 52, 57),
}


def test_python_3_14_code_is_read_and_its_patterns_found_on_their_own_lines():
    deps = (FULL_STACK / "backend/app/api/deps.py").read_text(encoding="utf-8")
    assert deps.splitlines()[35] == "    except InvalidTokenError, ValidationError:"  # PEP 758, Python 3.14
    if sys.version_info < (3, 14):
        with pytest.raises(SyntaxError):
            ast.parse(deps)
    project = read_project(FULL_STACK)
    assert project.unparsed == {}
    found = find_in_project(project, sorted(FOUND_IN_FULL_STACK))
    assert {name: (span.path, span.start, span.end) for name, span in found.items()} == FOUND_IN_FULL_STACK


NEWER_SYNTAX = {  # each sample, then a marker line whose number must not move
    "except-without-parentheses": "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
    "except-star-without-parentheses": "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
    "template-string": 'greeting = t"hello {name}"\n',
    "type-alias": "type Pair[T] = tuple[T, T]\n",
    "generic-function-with-default": "def first[T = int](items: list[T]) -> T:\n    return items[0]\n",
    "generic-class-over-lines": "class Box[\n    T: int,\n    *Ts,\n](Base):\n    item: T\n",
    "f-string-reusing-its-quotes": 'shown = f"{user["name"]}"\n',
    "f-string-with-backslash": 'table = f"{"\\n".join(rows)}"\n',
    "nested-f-strings": 'deep = f"{f"{f"{1}"}"}"\n',
    "raw-f-string-with-escaped-quote": r"""pattern = rf"\"{names["first"]}\"" """ + "\n",
    "f-string-over-lines": (
        'body = f"""head\n{json.dumps(data["items"],  # why\n    indent=2)}\n{width!r:>{pad}} {done=}"""\n'
    ),
}


@pytest.mark.parametrize("name", sorted(NEWER_SYNTAX))
def test_newer_syntax_is_rewritten_on_the_same_lines(name):
    text = f"import os\n{NEWER_SYNTAX[name]}marker = os.sep\n"
    rewritten = to_running_python(text)
    assert rewritten is not None
    assert len(rewritten.splitlines()) == len(text.splitlines())
    marker = next(node for node in ast.walk(ast.parse(rewritten)) if isinstance(node, ast.Name) and node.id == "marker")
    assert marker.lineno == len(text.splitlines())


def test_an_except_with_as_and_no_parentheses_is_left_alone():
    assert to_running_python("try:\n    pass\nexcept A, B as error:\n    pass\n") is None  # invalid on 3.14 too


def test_a_file_that_cannot_be_read_is_reported_with_why_never_dropped(tmp_path):
    project = write(
        tmp_path / "project",
        {
            "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
            "app/old.py": 'print "python 2"\n',
            "app/broken.py": "def half(:\n",
        },
    )
    (project / "app" / "latin1.py").write_bytes(b"NAME = '\xe9t\xe9'\n")  # no coding line, not UTF-8
    assert read_project(project).unparsed.keys() == {"app/old.py", "app/broken.py", "app/latin1.py"}
    output = tmp_path / "links.json"
    result = run_script(str(project), "--output", str(output), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    unreadable = json.loads(output.read_text())["unreadable"]
    assert list(unreadable) == ["app/broken.py", "app/latin1.py", "app/old.py"]
    assert unreadable["app/old.py"].startswith("line 1: Missing parentheses in call to 'print'")
    assert unreadable["app/broken.py"].startswith("line 1: ")
    assert unreadable["app/latin1.py"].startswith("not utf-8 text")
    assert "Not read, so patterns there were not looked for (3 Python files):" in result.stdout
    for path, why in unreadable.items():
        assert f"  {path}: {why}" in result.stdout
        assert f"warning: {path} does not parse" in result.stderr
    assert load_project_links(output).patterns == {}  # the file with "unreadable" loads back


def test_an_f_string_s_calls_stay_visible_after_the_rewrite():
    text = 'import json\nbody = f"{json.dumps(data["items"])}"\n'
    calls = [node for node in ast.walk(ast.parse(to_running_python(text))) if isinstance(node, ast.Call)]
    assert [(ast.unparse(call.func), call.lineno) for call in calls] == [("json.dumps", 2)]


# --- shapes real projects use (found on FastAPI's full-stack template and the RealWorld app) -----

REAL_PROJECT_SHAPES = {
    "alembic-migration": (  # upgrade() builds the tables through the file's helpers
        {
            "migrations/versions/0001_init.py": """\
            from alembic import op
            import sqlalchemy as sa

            def create_users_table() -> None:
                op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))

            def upgrade() -> None:
                create_users_table()

            def downgrade() -> None:
                op.drop_table("users")
            """
        },
        ("migrations/versions/0001_init.py", 7, 11),
    ),
    "jwt-tokens": (  # create and decode, with a function between them that calls the file's create
        {
            "app/tokens.py": """\
            import jwt

            def create_jwt_token(content: dict, key: str) -> str:
                return jwt.encode(content, key, algorithm="HS256")

            def create_access_token_for_user(name: str, key: str) -> str:
                return create_jwt_token({"sub": name}, key)

            def get_username_from_token(token: str, key: str) -> str:
                return jwt.decode(token, key, algorithms=["HS256"])["sub"]
            """
        },
        ("app/tokens.py", 3, 10),
    ),
    "current-user-dependency": (  # a factory hands out the dependency that checks the token
        {
            "app/auth.py": """\
            from fastapi import Depends, HTTPException, Security
            from fastapi.security import APIKeyHeader

            def get_current_user_authorizer(*, required: bool = True):
                return _get_current_user if required else _get_current_user_optional

            def _get_current_user(token: str = Security(APIKeyHeader(name="Authorization"))) -> str:
                if not token.startswith("Token "):
                    raise HTTPException(status_code=403)
                return token.removeprefix("Token ")

            def _get_current_user_optional(token: str = "") -> str | None:
                return token or None
            """,
            "app/routes.py": """\
            from fastapi import APIRouter, Depends

            from app.auth import get_current_user_authorizer

            router = APIRouter()

            @router.get("/me")
            async def me(user: str = Depends(get_current_user_authorizer())) -> str:
                return user
            """,
        },
        ("app/auth.py", 7, 10),
    ),
    "ranking-index-singleton": (  # built by a helper the startup handler awaits, kept on app.state
        {
            "app/main.py": """\
            import asyncpg
            from fastapi import FastAPI

            async def connect_to_db(app: FastAPI) -> None:
                app.state.pool = await asyncpg.create_pool("postgresql://db/app")

            def create_start_app_handler(app: FastAPI):
                async def start_app() -> None:
                    await connect_to_db(app)

                return start_app

            app = FastAPI()
            app.add_event_handler("startup", create_start_app_handler(app))
            """
        },
        ("app/main.py", 5, 5),
    ),
    "test-backends": (  # a fixture parametrized over bad headers is not a backend; the database one is
        {
            "tests/conftest.py": """\
            import pytest
            from sqlmodel import Session

            from app.db import engine

            @pytest.fixture(params=("", "Token", "Bearer x"))
            def wrong_header(request) -> str:
                return request.param

            @pytest.fixture(scope="session")
            def db():
                with Session(engine) as session:
                    yield session
            """
        },
        ("tests/conftest.py", 10, 13),
    ),
    "compose-stack": (  # the full stack, not the override file's partial services
        {
            "compose.yml": """\
            services:
              db:
                image: postgres:17
                healthcheck:
                  test: ["CMD", "pg_isready"]
              backend:
                build: .
            """,
            "compose.override.yml": """\
            services:
              db:
                ports: ["5432:5432"]
              backend:
                ports: ["8000:8000"]
              mailpit:
                image: axllent/mailpit
            """,
        },
        ("compose.yml", 1, 7),
    ),
    "ci-pipeline": (  # the workflow that tests, not the one that only pushes an image
        {
            ".github/workflows/deploy.yml": """\
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: docker build -t app . && docker push app}]
            """,
            ".github/workflows/tests.yml": """\
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                services: {postgres: {image: "postgres:17"}}
                steps: [{run: pytest}]
            """,
        },
        (".github/workflows/tests.yml", 1, 6),
    ),
}


@pytest.mark.parametrize("name", sorted(REAL_PROJECT_SHAPES))
def test_shapes_real_projects_use_are_found(tmp_path, name):
    files, (path, start, end) = REAL_PROJECT_SHAPES[name]
    span = DETECTORS[name].find(read_project(write(tmp_path, files)))
    assert span is not None and (span.path, span.start, span.end) == (path, start, end)


def test_a_repository_script_is_not_the_app_s_admin_command(tmp_path):
    cli = """\
        import argparse
        {import_line}

        def main(argv=None):
            parser = argparse.ArgumentParser()
            parser.add_subparsers()
            return parser.parse_args(argv)

        if __name__ == "__main__":
            main()
        """
    tooling = {"app/db.py": "engine = None\n", "scripts/release.py": cli.format(import_line="import re")}
    admin = {"app/db.py": "engine = None\n", "app/cli.py": cli.format(import_line="from .db import engine")}
    assert DETECTORS["admin-cli"].find(read_project(write(tmp_path / "one", tooling))) is None
    assert DETECTORS["admin-cli"].find(read_project(write(tmp_path / "two", admin))).path == "app/cli.py"


# --- the patterns the demo gained with its Celery jobs: other shapes, and look-alikes ------------

OTHER_SHAPES = {
    "celery-beat": (  # periodic tasks added when the app is configured, not a beat_schedule dict
        {
            "app/worker.py": """\
            from celery import Celery
            from celery.schedules import crontab

            app = Celery("app")

            @app.on_after_configure.connect
            def setup_periodic_tasks(sender, **kwargs):
                sender.add_periodic_task(crontab(hour=7, minute=30), send_digest.s())

            @app.task
            def send_digest():
                return None
            """
        },
        ("app/worker.py", 6, 8),
    ),
    "celery-chain": (  # signatures piped with |, in the function that starts them
        {
            "app/flows.py": """\
            from app.worker import fetch_feed, parse_feed, store_items

            def refresh(url: str) -> None:
                workflow = fetch_feed.s(url) | parse_feed.s() | store_items.s()
                workflow.delay()
            """
        },
        ("app/flows.py", 3, 5),
    ),
    "sector-report-etl": (  # three @app.task stages side by side, named for what they do
        {
            "app/worker.py": """\
            from celery import Celery

            app = Celery("app")

            @app.task
            def fetch_orders(day: str) -> list[dict]:
                return []

            @app.task
            def aggregate_orders(rows: list[dict]) -> dict:
                return {}

            @app.task
            def store_totals(totals: dict) -> int:
                return len(totals)

            @app.task
            def send_digest() -> None:
                return None
            """
        },
        ("app/worker.py", 5, 15),
    ),
    "idempotency-key-lock": (  # a defaultdict of locks, and the function that hands one out
        {
            "app/locks.py": """\
            import asyncio
            from collections import defaultdict

            locks = defaultdict(asyncio.Lock)

            def lock_for(key: str) -> asyncio.Lock:
                return locks[key]
            """
        },
        ("app/locks.py", 4, 7),
    ),
    "redis-fail-open": (  # a connection error of redis-py, answered with a miss
        {
            "app/cache.py": """\
            import redis

            client = redis.Redis()

            def cached(key: str) -> bytes | None:
                try:
                    return client.get(key)
                except redis.exceptions.ConnectionError:
                    return None
            """
        },
        ("app/cache.py", 3, 9),  # with the client it uses, right above it
    ),
    "uuid-event-ids": (  # the full-stack template's shape: SQLModel, default_factory=uuid.uuid4
        {
            "app/models.py": """\
            import uuid

            from sqlmodel import Field, SQLModel

            class User(SQLModel, table=True):
                id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
                email: str
            """
        },
        ("app/models.py", 5, 7),
    ),
    "import-direction": (  # routes import the dependencies module, which imports only lower ones
        {
            "app/db.py": "def get_db():\n    yield None\n",
            "app/config.py": "settings = None\n",
            "app/deps.py": """\
            from typing import Annotated

            from fastapi import Depends

            from app.config import settings
            from app.db import get_db

            DbDep = Annotated[object, Depends(get_db)]
            """,
            "app/routes.py": """\
            from fastapi import APIRouter

            from app.deps import DbDep

            router = APIRouter()

            @router.get("/")
            def index(db: DbDep) -> int:
                return 1
            """,
        },
        ("app/deps.py", 5, 6),
    ),
}


@pytest.mark.parametrize("name", sorted(OTHER_SHAPES))
def test_other_shapes_of_the_celery_and_redis_patterns_are_found(tmp_path, name):
    files, (path, start, end) = OTHER_SHAPES[name]
    span = DETECTORS[name].find(read_project(write(tmp_path, files)))
    assert span is not None and (span.path, span.start, span.end) == (path, start, end)


LOOK_ALIKES = {
    "celery-chain": """\
        import itertools

        def everything(first: list, second: list) -> list:
            flags = 1 | 2
            return list(itertools.chain(first, second)), flags
        """,
    "sector-report-etl": """\
        from celery import shared_task

        @shared_task
        def send_welcome_email(user_id: int) -> None:
            return None

        @shared_task
        def resize_avatar(user_id: int) -> None:
            return None
        """,
    "idempotency-key-lock": """\
        import asyncio

        lock = asyncio.Lock()
        lock_timeouts: dict[str, float] = {}
        """,
    "redis-fail-open": """\
        from redis.exceptions import RedisError

        class Unavailable(Exception):
            pass

        def cached(client, key: str) -> bytes | None:
            try:
                return client.get(key)
            except RedisError as error:
                raise Unavailable() from error
        """,
    "uuid-event-ids": """\
        import uuid

        def new_token() -> str:
            return uuid.uuid4().hex
        """,
}


@pytest.mark.parametrize("name", sorted(LOOK_ALIKES))
def test_look_alikes_of_the_new_patterns_are_not_found(tmp_path, name):
    """itertools.chain, unrelated tasks side by side, one global lock, an outage that still fails
    the request, a UUID used as a token: none is the pattern."""
    assert DETECTORS[name].find(read_project(write(tmp_path, {"app/code.py": LOOK_ALIKES[name]}))) is None


def test_dependencies_that_import_a_router_back_do_not_show_the_import_direction(tmp_path):
    routes = """\
        from fastapi import APIRouter, Depends

        from app.deps import get_db

        router = APIRouter()

        @router.get("/")
        def index(db=Depends(get_db)) -> int:
            return 1
        """
    deps = """\
        from app.config import settings
        from app.db import engine
        {back}

        def get_db():
            yield engine
        """
    files = {"app/db.py": "engine = None\n", "app/config.py": "settings = None\n", "app/routes.py": routes}
    one_way = write(tmp_path / "one", {**files, "app/deps.py": deps.format(back="")})
    both_ways = write(tmp_path / "two", {**files, "app/deps.py": deps.format(back="from app.routes import router")})
    assert DETECTORS["import-direction"].find(read_project(one_way)) == Span("app/deps.py", 1, 2)
    assert DETECTORS["import-direction"].find(read_project(both_ways)) is None


# --- the command --------------------------------------------------------------------------------


def test_the_command_writes_the_links_and_lists_what_to_add(tmp_path):
    output = tmp_path / "links.json"
    result = run_script(
        str(FIXTURE), "--web-url", "https://github.com/me/bookshelf/blob/main/", "--output", str(output), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(output.read_text()) == {
        "project": str(FIXTURE),
        "web_url": "https://github.com/me/bookshelf/blob/main",
        "patterns": {
            name: {"path": path, "start": start, "end": end} for name, (path, start, end) in FOUND_IN_FIXTURE.items()
        },
        "unreadable": {
            "tools/legacy_export.py": "line 2: Missing parentheses in call to 'print'. Did you mean print(...)?"
        },
    }
    lines = result.stdout.splitlines()
    assert lines[0] == f"Found {len(FOUND_IN_FIXTURE)} of {len(DEMO_PATTERNS)} demo patterns; wrote {output}."
    listed = lines[lines.index("Add or learn before the interview:") + 1 :]
    listed = listed[: listed.index("")] if "" in listed else listed
    assert [line.split()[0] for line in listed] == MISSING_IN_FIXTURE
    assert all(len(line.split()) > 2 for line in listed), "each missing pattern comes with a hint"
    assert "tools/legacy_export.py" in result.stderr  # skipped, named, and no reason to stop
    assert "  tools/legacy_export.py: line 2: Missing parentheses" in result.stdout


def test_the_links_file_defaults_to_the_current_folder(tmp_path):
    result = run_script(str(FIXTURE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = json.loads((tmp_path / "project-links.json").read_text())
    assert written["web_url"] is None and written["project"] == str(FIXTURE)


@pytest.mark.parametrize(
    "files, target, message",
    [
        ({}, "nowhere", "is not a folder"),
        ({"notes.py": "x = 1\n"}, "notes.py", "is not a folder"),
        ({"README.md": "# docs only\n"}, ".", "has no Python files"),
        ({"old.py": 'print "python 2"\n'}, ".", "has no Python files that parse"),
    ],
)
def test_a_path_with_no_python_code_is_an_error(tmp_path, files, target, message):
    project = write(tmp_path / "project", files) if files else tmp_path / "project"
    result = run_script(str(project / target), "--output", str(tmp_path / "links.json"), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "links.json").exists()


# --- reading the links back ---------------------------------------------------------------------


def test_the_links_load_back_as_patterns(tmp_path):
    output = tmp_path / "links.json"
    run_script(
        str(FIXTURE), "--web-url", "https://github.com/me/bookshelf/blob/main", "--output", str(output), cwd=tmp_path
    )
    assert load_project_links(output) == ProjectLinks(
        root=FIXTURE,
        web_url="https://github.com/me/bookshelf/blob/main",
        patterns={name: Pattern(name, path, start, end) for name, (path, start, end) in FOUND_IN_FIXTURE.items()},
    )


GOOD_LINKS = {
    "project": "/home/me/app",
    "web_url": None,
    "patterns": {"cors": {"path": "app/main.py", "start": 3, "end": 9}},
}


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "not valid JSON"),
        ("[]", "top level"),
        (json.dumps({k: v for k, v in GOOD_LINKS.items() if k != "patterns"}), "patterns"),
        (
            json.dumps({**GOOD_LINKS, "patterns": {"cors": {"path": "app/main.py", "start": "3", "end": 9}}}),
            "patterns.cors.start",
        ),
        (
            json.dumps({**GOOD_LINKS, "patterns": {"cors": {"path": "app/main.py", "start": 0, "end": 9}}}),
            "patterns.cors.start",
        ),
        (
            json.dumps({**GOOD_LINKS, "patterns": {"cors": {"path": "app/main.py", "start": 9, "end": 3}}}),
            "end 3 is before start 9",
        ),
        (json.dumps({**GOOD_LINKS, "patterns": {"cors": {"path": "/etc/passwd", "start": 1, "end": 1}}}), "relative"),
        (json.dumps({**GOOD_LINKS, "patterns": {"cors": {"path": "../x.py", "start": 1, "end": 1}}}), "relative"),
        (json.dumps({**GOOD_LINKS, "web_url": 7}), "web_url"),
        (json.dumps({**GOOD_LINKS, "extra": 1}), "extra"),
    ],
)
def test_malformed_links_name_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "my-links.json"
    path.write_text(content)
    with pytest.raises(ProjectLinksError) as error:
        load_project_links(path)
    assert str(error.value).startswith(f"{path}: ")
    assert problem in str(error.value)


def test_a_missing_links_file_is_named(tmp_path):
    with pytest.raises(ProjectLinksError, match="gone.json"):
        load_project_links(tmp_path / "gone.json")
