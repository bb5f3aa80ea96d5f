"""Another project's code, read once for the pattern detectors (see detectors/).

Python files are parsed with `ast`, after rewriting syntax newer than the running Python into its
older equivalent on the same lines (newer_syntax.py); a file that still does not parse is kept in
`Project.unparsed` with the reason. YAML files (compose, Kubernetes, CI) composed into PyYAML
nodes, which keep their line numbers; Dockerfiles, Procfiles, compose files, shell scripts and Helm
templates are kept as lines. Hidden folders (but for CI folders such as .github), virtualenvs (any
folder holding a pyvenv.cfg) and caches are skipped.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from newer_syntax import to_running_python

SKIPPED_DIRS = {"__pycache__", "node_modules", "site-packages"}
CI_DIRS = {".github", ".gitlab", ".circleci"}  # hidden, but they hold the CI pipeline
TEST_DIRS = {"tests", "test", "testing"}
DOCKERFILE = re.compile(r"(Dockerfile|Containerfile)(\.[\w.-]+)?|[\w.-]+\.[Dd]ockerfile")
MAX_YAML_BYTES = 1_000_000  # larger YAML is a lock file or data, never a manifest worth parsing
DEPLOYMENT_FILE = re.compile(r"Procfile|[\w.-]+\.sh|(docker-)?compose[\w.-]*\.ya?ml")
HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route", "route"}
ROUTE_METHODS = HTTP_METHODS | {"websocket"}

Function = ast.FunctionDef | ast.AsyncFunctionDef
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Span:
    path: str  # relative to the project root, with forward slashes
    start: int  # first line, 1-based
    end: int  # last line

    @property
    def length(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True)
class Candidate:
    span: Span
    score: int = 0  # how many of the pattern's features this place shows


def best(candidates: Iterable[Candidate]) -> Span | None:
    """The candidate that shows the most features, then the shortest, then the first by path and line."""
    chosen = min(
        candidates,
        key=lambda candidate: (-candidate.score, candidate.span.length, candidate.span.path, candidate.span.start),
        default=None,
    )
    return chosen.span if chosen else None


# --- one parsed file ----------------------------------------------------------------------------


@dataclass(eq=False)
class Source:
    path: str
    tree: ast.Module
    is_test: bool
    imports: dict[str, str]  # local name -> what it was imported as, e.g. "jwt" -> "jose.jwt"
    parents: dict[ast.AST, ast.AST]
    nodes: list[ast.AST]  # every node, parents before children
    calls: list[tuple[ast.Call, str]]  # every call, with the dotted name of what it calls
    functions: list[Function]
    classes: list[ast.ClassDef]

    @cached_property
    def bodies(self) -> list[list[ast.stmt]]:
        """Every list of statements (see `bodies`), found only for the files a detector looks into."""
        return list(bodies(self.tree))


def is_dockerfile(name: str) -> bool:
    return bool(DOCKERFILE.fullmatch(name))


def is_test_path(path: str) -> bool:
    parts = path.split("/")
    name = parts[-1]
    return (
        bool(TEST_DIRS & set(parts[:-1]))
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
    )


def imports_of(nodes: list[ast.AST]) -> dict[str, str]:
    imports = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    imports[alias.asname] = alias.name
                else:
                    first = alias.name.split(".")[0]
                    imports[first] = first
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name != "*":
                    imports[alias.asname or alias.name] = ".".join(filter(None, [node.module, alias.name]))
    return imports


def dotted(node: ast.AST, imports: dict[str, str]) -> str:
    """`jwt.encode` -> "jwt.encode", `select(X).where` -> "sqlalchemy.select().where"; the first name
    is resolved through the file's imports."""
    if isinstance(node, ast.Name):
        return imports.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value, imports)}.{node.attr}"
    if isinstance(node, ast.Call):
        return dotted(node.func, imports) + "()"
    return "?"


def named(name: str, *suffixes: str) -> bool:
    """Whether a dotted name is one of `suffixes`, whole or as its last parts ("fastapi.FastAPI", "FastAPI")."""
    return any(name == suffix or name.endswith("." + suffix) for suffix in suffixes)


def terminal(node: ast.AST) -> str:
    """The last name of an expression: `app.state.index` -> "index", `make()` -> "make"."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return terminal(node.func)
    return ""


def parse_python(path: str, text: str) -> ast.Module:
    """The file's tree, also when it is written for a newer Python than this one (see newer_syntax.py:
    the rewrite keeps every line where it was). Raises SyntaxError or ValueError for a file that
    still cannot be parsed, with the error of the rewritten text when there was a rewrite."""
    try:
        return ast.parse(text, filename=path)
    except SyntaxError:
        rewritten = to_running_python(text)
        if rewritten is None:
            raise
    return ast.parse(rewritten, filename=path)


def why_unparsed(error: Exception) -> str:
    """A short reason for a file that does not parse: "line 3: invalid syntax"."""
    if isinstance(error, UnicodeDecodeError):
        return f"not {error.encoding} text ({error.reason} at byte {error.start})"
    if isinstance(error, SyntaxError):
        return f"line {error.lineno}: {error.msg}" if error.lineno else error.msg
    return str(error)


def read_python(path: Path) -> str:
    """A Python file's text, in the encoding its coding comment names (UTF-8 by default)."""
    data = path.read_bytes()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown encoding named, or no coding line and not UTF-8
        data.decode("utf-8")  # raises UnicodeDecodeError, the clearer reason, when that is the problem
        raise
    return data.decode(encoding)


def parse_source(path: str, text: str) -> Source:
    """Raises SyntaxError or ValueError for a file Python cannot parse."""
    tree = parse_python(path, text)
    nodes = list(ast.walk(tree))
    imports = imports_of(nodes)
    parents, calls, functions, classes = {}, [], [], []
    for node in nodes:
        for child in ast.iter_child_nodes(node):
            parents[child] = node
        if isinstance(node, ast.Call):
            calls.append((node, dotted(node.func, imports)))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(node)
        elif isinstance(node, ast.ClassDef):
            classes.append(node)
    return Source(path, tree, is_test_path(path), imports, parents, nodes, calls, functions, classes)


# --- where a node is ----------------------------------------------------------------------------


def ancestors(source: Source, node: ast.AST) -> Iterator[ast.AST]:
    while node in source.parents:
        node = source.parents[node]
        yield node


def statement_of(source: Source, node: ast.AST) -> ast.stmt:
    """The innermost statement that holds `node` (the node itself if it is one)."""
    if isinstance(node, ast.stmt):
        return node
    return next(parent for parent in ancestors(source, node) if isinstance(parent, ast.stmt))


def function_of(source: Source, node: ast.AST) -> Function | None:
    return next((parent for parent in ancestors(source, node) if isinstance(parent, Function)), None)


def outermost_function(source: Source, node: ast.AST) -> Function | None:
    functions = [parent for parent in ancestors(source, node) if isinstance(parent, Function)]
    return functions[-1] if functions else None


def is_module_level(source: Source, node: ast.stmt) -> bool:
    return source.parents.get(node) is source.tree


def top_level_of(source: Source, node: ast.AST) -> ast.stmt:
    """The module-level statement that holds `node`."""
    return next(parent for parent in [node, *ancestors(source, node)] if is_module_level(source, parent))


def by_function(source: Source, nodes: Iterable[ast.AST]) -> dict[Function, list[ast.AST]]:
    """Nodes grouped by the innermost function that holds them; nodes outside functions are left out."""
    grouped: dict[Function, list[ast.AST]] = {}
    for node in nodes:
        function = function_of(source, node)
        if function is not None:
            grouped.setdefault(function, []).append(node)
    return grouped


def span_of(source: Source, node: ast.AST) -> Span:
    """The lines of a node; a function or class starts at its first decorator."""
    start = min([node.lineno] + [decorator.lineno for decorator in getattr(node, "decorator_list", [])])
    return Span(source.path, start, node.end_lineno)


def statements_holding(source: Source, nodes: Iterable[ast.AST]) -> set[ast.stmt]:
    """Every statement that holds one of `nodes`, from the innermost out to the module level."""
    found = set()
    for node in nodes:
        found |= {parent for parent in [node, *ancestors(source, node)] if isinstance(parent, ast.stmt)}
    return found


def run_span(source: Source, run: list[ast.stmt]) -> Span:
    return Span(source.path, span_of(source, run[0]).start, run[-1].end_lineno)


def bodies(tree: ast.Module) -> Iterator[list[ast.stmt]]:
    """Every list of statements: a module's, a class's or function's, an if's, a try's, ..."""
    for node in ast.walk(tree):
        for _, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                yield value


def siblings(source: Source, statement: ast.stmt) -> list[ast.stmt]:
    """The statement list that holds `statement`."""
    parent = source.parents[statement]
    return next(
        value
        for _, value in ast.iter_fields(parent)
        if isinstance(value, list) and any(item is statement for item in value)
    )


def runs(body: list[ast.stmt], member: Callable[[ast.stmt], bool]) -> Iterator[list[ast.stmt]]:
    """The longest stretches of neighbouring statements of `body` that are all members."""
    run: list[ast.stmt] = []
    for statement in body:
        if member(statement):
            run.append(statement)
        elif run:
            yield run
            run = []
    if run:
        yield run


def run_candidates(
    source: Source, members: set[ast.stmt], score: Callable[[list[ast.stmt]], int]
) -> Iterator[Candidate]:
    """A candidate for each stretch of neighbouring member statements that are not inside another
    member; a stretch that is all a function does (past its docstring) is shown as the function."""
    if not members:
        return
    for body in source.bodies:
        for run in runs(body, members.__contains__):
            if any(parent in members for parent in ancestors(source, run[0])):
                continue
            owner = source.parents.get(run[0])
            if isinstance(owner, Function) and run == without_docstring(owner.body):
                yield Candidate(span_of(source, owner), score(run))
            else:
                yield Candidate(run_span(source, run), score(run))


def without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    if body and isinstance(body[0], ast.Expr) and isinstance(constant_str(body[0].value), str):
        return body[1:]
    return body


def with_helpers_above(source: Source, statement: ast.stmt) -> Span:
    """A definition with the statements right above it that define what it uses (helper functions,
    compiled patterns, constants), so the pattern is shown whole. Names used only in decorators,
    such as the router, do not count."""
    span = span_of(source, statement)
    used = names_used(statement)
    body = siblings(source, statement)
    index = next(number for number, item in enumerate(body) if item is statement)
    for above in reversed(body[:index]):
        if not defined_names(above) & used:
            break
        used |= names_used(above)
        span = Span(span.path, span_of(source, above).start, span.end)
    return span



def definition_span(source: Source, node: ast.stmt) -> Span:
    """A module-level definition with the helpers right above it that it uses; otherwise just it."""
    return with_helpers_above(source, node) if is_module_level(source, node) else span_of(source, node)

def names_used(statement: ast.stmt) -> set[str]:
    if isinstance(statement, DEFINITIONS):
        parts = [*statement.body, *getattr(statement, "bases", []), getattr(statement, "args", None)]
        return set().union(*(identifiers(part) for part in parts if part is not None))
    return identifiers(statement)


def defined_names(statement: ast.stmt) -> set[str]:
    if isinstance(statement, DEFINITIONS):
        return {statement.name}
    targets = statement.targets if isinstance(statement, ast.Assign) else [getattr(statement, "target", None)]
    return {target.id for target in targets if isinstance(target, ast.Name)}


def reachable(source: Source, function: Function) -> list[Function]:
    """The function and every module-level function of its file that it calls by name, directly or
    through another of them: `upgrade()` calling `create_users_table()` reaches its op.create_table."""
    defined = {statement.name: statement for statement in source.tree.body if isinstance(statement, Function)}
    found, pending = [function], [function]
    while pending:
        for node in ast.walk(pending.pop()):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            callee = defined.get(node.func.id) if called else None
            if callee is not None and all(callee is not item for item in found):
                found.append(callee)
                pending.append(callee)
    return found


def following(source: Source, statement: ast.stmt) -> list[ast.stmt]:
    """The statements after `statement` in the same list."""
    body = siblings(source, statement)
    index = next(number for number, item in enumerate(body) if item is statement)
    return body[index + 1 :]


def previous(source: Source, statement: ast.stmt) -> ast.stmt | None:
    body = siblings(source, statement)
    index = next(number for number, item in enumerate(body) if item is statement)
    return body[index - 1] if index else None


# --- reading expressions ------------------------------------------------------------------------


def constant_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((item.value for item in call.keywords if item.arg == name), None)


def is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def identifiers(node: ast.AST) -> set[str]:
    """Every name, attribute and parameter name in a subtree."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif isinstance(child, ast.arg):
            found.add(child.arg)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(child.name)
    return found


def calls_in(node: ast.AST, imports: dict[str, str]) -> Iterator[tuple[ast.Call, str]]:
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            yield child, dotted(child.func, imports)


def calls_named(sources: list[Source], *names: str) -> Iterator[tuple[Source, ast.Call]]:
    for source in sources:
        for call, called in source.calls:
            if named(called, *names):
                yield source, call


def method_calls(node: ast.AST, *methods: str) -> Iterator[ast.Call]:
    """Calls like `x.add(...)` of one of the method names, anywhere in a subtree."""
    for child in ast.walk(node):
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in methods:
            yield child


def parameters(function: Function) -> list[tuple[ast.arg, ast.expr | None]]:
    """Each parameter with its default (None when it has none)."""
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    return list(zip(positional, defaults, strict=True)) + list(
        zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
    )


def parameter_names(function: Function, source: Source, *wanted: str) -> set[str]:
    """Names of the parameters whose annotation or default mentions one of `wanted`."""
    found = set()
    for argument, default in parameters(function):
        mentioned = set()
        for part in (argument.annotation, default):
            if part is not None:
                mentioned |= {
                    dotted(child, source.imports)
                    for child in ast.walk(part)
                    if isinstance(child, (ast.Name, ast.Attribute))
                }
        if any(named(name, *wanted) for name in mentioned):
            found.add(argument.arg)
    return found


def assigned_names(statement: ast.stmt) -> set[str]:
    """The last names an assignment binds: `app.state.index = ...` -> {"index"}."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        targets = [statement.target]
    else:
        return set()
    return {terminal(target) for target in targets} - {""}


# --- routes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    source: Source
    function: Function
    method: str  # "get", "post", ... or "websocket"
    path: str
    public: bool  # neither deprecated nor hidden from the OpenAPI schema
    call: ast.Call  # the decorator or add_api_route call that registers it

    @property
    def span(self) -> Span:
        return span_of(self.source, self.function)

    @property
    def is_http(self) -> bool:
        return self.method != "websocket"


def hidden_routers(source: Source) -> set[str]:
    """Module-level routers or apps made deprecated or left out of the schema as a whole."""
    hidden = set()
    for statement in source.tree.body:
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
            if is_true(keyword(statement.value, "deprecated")) or is_false(
                keyword(statement.value, "include_in_schema")
            ):
                hidden |= assigned_names(statement)
    return hidden


def route_path(call: ast.Call) -> str:
    return constant_str(call.args[0] if call.args else keyword(call, "path")) or ""


def route_of(source: Source, function: Function, hidden: set[str]) -> Route | None:
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr in ROUTE_METHODS
        ):
            public = not (
                terminal(decorator.func.value) in hidden
                or is_true(keyword(decorator, "deprecated"))
                or is_false(keyword(decorator, "include_in_schema"))
            )
            return Route(source, function, decorator.func.attr, route_path(decorator), public, decorator)
    return None


# --- the whole project --------------------------------------------------------------------------


@dataclass(eq=False)
class Project:
    root: Path
    sources: list[Source]
    texts: dict[str, list[str]]  # Dockerfiles, Procfiles, compose files, shell scripts, Helm templates: path -> lines
    yaml: dict[str, list[yaml.Node]]  # each YAML file's documents
    unparsed: dict[str, str]  # Python files that do not parse, even rewritten: path -> why

    @cached_property
    def app_sources(self) -> list[Source]:
        return [source for source in self.sources if not source.is_test]

    @cached_property
    def test_sources(self) -> list[Source]:
        return [source for source in self.sources if source.is_test]

    @cached_property
    def routes(self) -> list[Route]:
        """Every route handler: decorated with @x.get(...) and friends, or passed to add_api_route."""
        found = []
        for source in self.app_sources:
            hidden = hidden_routers(source)
            found += [route for function in source.functions if (route := route_of(source, function, hidden))]
        found += self.registered_routes(found)
        return found

    def registered_routes(self, decorated: list[Route]) -> list[Route]:
        known = {id(route.function) for route in decorated}
        found = []
        for source in self.app_sources:
            for call, called in source.calls:
                if named(called, "add_api_route", "add_api_websocket_route", "add_websocket_route"):
                    endpoint = call.args[1] if len(call.args) > 1 else keyword(call, "endpoint")
                    method = "websocket" if "websocket" in called else "get"
                    for target_source, function in self.module_functions(terminal(endpoint) if endpoint else ""):
                        if id(function) not in known:
                            known.add(id(function))
                            found.append(Route(target_source, function, method, route_path(call), True, call))
        return found

    @cached_property
    def own_modules(self) -> set[str]:
        """Names the project's own code can be imported by: every folder and module name in its paths."""
        return {part.removesuffix(".py") for source in self.sources for part in source.path.split("/")}

    def uses_own_code(self, source: Source) -> bool:
        """Whether the file imports the project's own code (a relative import, or one of its modules)."""
        for node in source.nodes:
            if isinstance(node, ast.ImportFrom):
                names = [] if node.level > 0 else [node.module or ""]  # a relative import is the project's
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if not names or any(name.split(".")[0] in self.own_modules for name in names):
                return True
        return False

    @cached_property
    def route_by_function(self) -> dict[int, Route]:
        return {id(route.function): route for route in self.routes}

    def route_for(self, function: Function) -> Route | None:
        return self.route_by_function.get(id(function))

    def module_functions(self, name: str) -> list[tuple[Source, Function]]:
        """Module-level functions of that name in the app's code."""
        return [
            (source, statement)
            for source in self.app_sources
            for statement in source.tree.body
            if isinstance(statement, Function) and statement.name == name
        ]

    @cached_property
    def dependency_targets(self) -> set[str]:
        """Names of what is passed to Depends(...) or Security(...) anywhere in the app."""
        return {
            terminal(call.args[0])
            for source in self.app_sources
            for call, called in source.calls
            if named(called, "Depends", "Security") and call.args
        }


def skipped_dir(path: Path) -> bool:
    hidden = path.name.startswith(".") and path.name not in CI_DIRS
    return hidden or path.name in SKIPPED_DIRS or (path / "pyvenv.cfg").exists()


def is_helm_template(path: Path) -> bool:
    """A file in a Helm chart's templates/ folder: YAML with {{ }} in it, often not parseable as YAML."""
    return path.parent.name == "templates" and (path.parent.parent / "Chart.yaml").exists()


def project_files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not skipped_dir(Path(folder) / name))
        found += [Path(folder) / name for name in sorted(files)]
    return found


def read_project(root: Path) -> Project:
    """Every Python and YAML file parsed and every deployment file's lines, under `root`."""
    sources, texts, documents, unparsed = [], {}, {}, {}
    for path in project_files(root):
        where = path.relative_to(root).as_posix()
        if path.suffix == ".py":
            try:
                sources.append(parse_source(where, read_python(path)))
            except (SyntaxError, ValueError) as error:  # UnicodeDecodeError is a ValueError
                unparsed[where] = why_unparsed(error)
        if is_helm_template(path):
            texts[where] = path.read_text(encoding="utf-8", errors="replace").splitlines()
        elif path.suffix in {".yml", ".yaml"} and path.stat().st_size <= MAX_YAML_BYTES:
            try:
                documents[where] = [
                    node for node in yaml.compose_all(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) if node
                ]
            except (yaml.YAMLError, ValueError):
                pass  # a template (Helm's {{ }}) or not YAML: nothing to show from it
        if is_dockerfile(path.name) or DEPLOYMENT_FILE.fullmatch(path.name):
            try:
                texts[where] = path.read_text(encoding="utf-8").splitlines()
            except ValueError:
                pass  # not text: nothing to show from it
    return Project(root, sources, texts, documents, unparsed)
