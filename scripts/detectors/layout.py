"""Detectors for how the code is laid out: imports that go one way, from the routes down.
"""

from __future__ import annotations

import ast

from project_code import Project, Source, Span, best, dotted, named, run_candidates

from .shared import count, mentions_call


def module_parts(path: str) -> tuple[str, ...]:
    """`app/api/deps.py` -> ("app", "api", "deps"); a package's `__init__.py` is the package."""
    parts = tuple(path.removesuffix(".py").split("/"))
    return parts[:-1] if parts[-1] == "__init__" else parts


def module_index(project: Project) -> dict[tuple[str, ...], list[Source]]:
    """Every dotted ending of each app module's path, so `app.core.db` finds backend/app/core/db.py."""
    index: dict[tuple[str, ...], list[Source]] = {}
    for source in project.app_sources:
        parts = module_parts(source.path)
        for start in range(len(parts)):
            index.setdefault(parts[start:], []).append(source)
    return index


def imported_modules(source: Source, statement: ast.stmt, index: dict) -> list[Source]:
    """The app's own modules an import statement imports (a relative import, or a dotted name that
    ends like one of the app's paths); the standard library and packages find none."""
    if isinstance(statement, ast.Import):
        wanted = [tuple(alias.name.split(".")) for alias in statement.names]
    elif isinstance(statement, ast.ImportFrom):
        module = tuple(statement.module.split(".")) if statement.module else ()
        if statement.level:
            here = module_parts(source.path)
            package = here if source.path.endswith("__init__.py") else here[:-1]
            base = package[: len(package) - (statement.level - 1)] if statement.level > 1 else package
            module = base + module
        submodules = [module + (alias.name,) for alias in statement.names]  # `from . import auth, books`
        wanted = [name for name in submodules if name in index] or [module]
    else:
        return []
    return [
        matches[0]
        for name in wanted
        if name and (matches := index.get(name)) and len(matches) == 1 and matches[0] is not source
    ]


def provides_dependencies(project: Project, source: Source) -> bool:
    """Whether the file defines what routes ask for: a function passed to Depends() or an
    `Annotated[T, Depends(f)]` alias."""
    return any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in project.dependency_targets
        for statement in source.tree.body
    ) or any(
        isinstance(statement, (ast.Assign, ast.AnnAssign))
        and isinstance(statement.value, ast.Subscript)
        and named(dotted(statement.value.value, source.imports), "Annotated")
        and mentions_call(source, statement.value, "Depends", "Security")
        for statement in source.tree.body
    )


def find_import_direction(project: Project) -> Span | None:
    """The imports of the module the routes take their dependencies from, when they go one way: it
    imports at least two of the app's lower modules (database, settings, services) and no module
    with routes, while route modules import it, so nothing imports a router back. Shown as the
    stretch of its imports of the app's own modules; the more of them, the better."""
    index = module_index(project)
    route_modules = {id(route.source) for route in project.routes}
    imports = {
        id(source): {
            statement: imported_modules(source, statement, index)
            for statement in source.tree.body
            if isinstance(statement, (ast.Import, ast.ImportFrom))
        }
        for source in project.app_sources
    }
    imported_by_routes = {
        id(target)
        for source in project.app_sources
        if id(source) in route_modules
        for targets in imports[id(source)].values()
        for target in targets
    }
    candidates = []
    for source in project.app_sources:
        if id(source) in route_modules or id(source) not in imported_by_routes:
            continue
        own = {statement: targets for statement, targets in imports[id(source)].items() if targets}
        lower = {id(target) for targets in own.values() for target in targets}
        if len(lower) < 2 or lower & route_modules or not provides_dependencies(project, source):
            continue
        candidates += run_candidates(source, set(own), count)
    return best(candidates)
