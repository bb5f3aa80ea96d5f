"""What a snippet runs on: the Python the lock file supports and the locked versions of what it imports.

Read from uv.lock at build time; a snippet that imports a module no locked package provides
stops the build.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

# the demo service's own package: project code, not a dependency
LOCAL_PACKAGES = frozenset({"startups_api"})


class VersionError(ValueError):
    pass


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Lock:
    requires_python: str  # for example ">=3.11"
    versions: dict[str, frozenset[str]]  # normalized package name -> every locked version

    @classmethod
    def read(cls, path: Path) -> Lock:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        versions: dict[str, set[str]] = {}
        for package in data.get("package", []):
            if "version" in package:
                versions.setdefault(normalized(package["name"]), set()).add(package["version"])
        return cls(data["requires-python"], {name: frozenset(found) for name, found in versions.items()})


def imported_modules(source: str) -> list[str]:
    """Dotted names a snippet imports; for `from a import b`, also `a.b` (b may be a submodule)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return names


@cache
def module_providers() -> dict[str, list[str]]:
    return metadata.packages_distributions()


@cache
def distribution_files(distribution: str) -> frozenset[str]:
    files = metadata.distribution(distribution).files or []
    return frozenset(file.as_posix() for file in files)


def provides(distribution: str, module: str) -> bool:
    path = module.replace(".", "/")
    return any(file == f"{path}.py" or file.startswith(f"{path}/") for file in distribution_files(distribution))


def written_modules(source: str) -> set[str]:
    """Modules a snippet writes itself (a file or folder it names in a string) before importing them."""
    strings = {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)}
    return {
        text.removesuffix(".py")
        for text in strings
        if isinstance(text, str) and re.fullmatch(r"[A-Za-z_]\w*(\.py)?", text)
    }


def distributions_of(modules: list[str], local: set[str] = frozenset()) -> set[str]:
    """The installed distributions that provide these modules (stdlib and project code left out)."""
    providers = module_providers()
    found = set()
    for module in modules:
        top = module.split(".")[0]
        if top in sys.stdlib_module_names or top in LOCAL_PACKAGES or top in local:
            continue
        candidates = providers.get(top)
        if not candidates:
            raise VersionError(f"imports '{module}', which no installed package provides")
        if len(candidates) == 1:
            found.add(candidates[0])
            continue
        # a namespace shared by several distributions (opentelemetry): the one holding this module
        exact = [name for name in candidates if provides(name, module)]
        if exact:
            found.update(exact)
        elif "." not in module:
            continue  # the namespace itself; its submodules name the distribution
        else:
            parent_imported = module.rsplit(".", 1)[0]
            if not any(provides(name, parent_imported) for name in candidates):
                raise VersionError(f"imports '{module}', which no installed package provides")
    return found


def runs_on(source: str, lock: Lock) -> list[tuple[str, str]]:
    """(name, version) pairs: Python from the lock, then each imported package's locked version."""
    pairs = [("Python", lock.requires_python.replace(">=", "").strip() + "+")]
    for distribution in sorted(distributions_of(imported_modules(source), written_modules(source)), key=normalized):
        name = normalized(distribution)
        installed = metadata.version(distribution)
        if installed not in lock.versions.get(name, ()):
            raise VersionError(
                f"imports {distribution} {installed}, which uv.lock does not pin (run scripts/setup)"
            )
        pairs.append((name, installed))
    return pairs
