"""What the Dockerfile builds: the files it copies exist, and requirements.txt pins every
package the service imports to the version the project's lock file tests."""

import ast
import re
import sys
import tomllib
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent
IMPORT_NAMES = {"jwt": "pyjwt", "multipart": "python-multipart", "prometheus_client": "prometheus-client",
                "pydantic_settings": "pydantic-settings", "starlette": "fastapi", "pydantic": "pydantic",
                "opentelemetry": "opentelemetry-sdk"}


def pinned_requirements() -> dict[str, str]:
    pins = {}
    for line in (DEMO / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"\[.*\]", "", name)] = version
    return pins


def imported_packages() -> set[str]:
    found = set()
    for path in (DEMO / "startups_api").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                found.add(node.module.split(".")[0])
    return {IMPORT_NAMES.get(name, name) for name in found - set(sys.stdlib_module_names)}


def test_requirements_match_the_lock_file():
    lock = tomllib.loads((DEMO.parent / "uv.lock").read_text())
    locked = {package["name"]: package["version"] for package in lock["package"]}
    assert {name: locked.get(name) for name in pinned_requirements()} == pinned_requirements()


def test_every_imported_package_is_a_requirement():
    assert imported_packages() - set(pinned_requirements()) == set()


def test_the_dockerfile_copies_files_that_exist_and_runs_the_app():
    dockerfile = (DEMO / "Dockerfile").read_text()
    for source in re.findall(r"^COPY (\S+)", dockerfile, re.MULTILINE):
        assert (DEMO / source).exists(), f"Dockerfile copies a missing {source}"
    assert "uvicorn startups_api.main:app" in dockerfile and "--workers" in dockerfile


def package_imports() -> dict[str, set[str]]:
    """Each startups_api module with the package modules it imports at module level."""
    graph = {}
    for path in (DEMO / "startups_api").glob("*.py"):
        imported = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported |= {node.module} if node.module else {alias.name for alias in node.names}
        graph[path.stem] = imported
    return graph


def test_package_imports_flow_one_way():
    graph = package_imports()
    routers = {name for name, path in ((p.stem, p) for p in (DEMO / "startups_api").glob("*.py"))
               if "APIRouter(" in path.read_text()}
    assert not graph["dependencies"] & routers, "the shared dependency types must not import a router"
    done, visiting = set(), []

    def visit(module: str) -> None:
        assert module not in visiting, f"import cycle: {' -> '.join(visiting + [module])}"
        if module not in done:
            visiting.append(module)
            for imported in graph.get(module, ()):
                visit(imported)
            visiting.pop()
            done.add(module)

    for module in graph:
        visit(module)
