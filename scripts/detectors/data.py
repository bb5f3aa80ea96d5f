"""Detectors for data access: queries, eager loading, transactions, conflicts, optimistic locking,
soft delete, idempotency, pagination, caches, and the schema (partial unique index, JSONB, PATCH,
UUID ids made by the app).
"""

from __future__ import annotations

import ast
import re

from project_code import (
    DEFINITIONS,
    Candidate,
    Function,
    Project,
    Source,
    Span,
    ancestors,
    assigned_names,
    best,
    by_function,
    calls_named,
    constant_str,
    definition_span,
    dotted,
    function_of,
    identifiers,
    is_true,
    keyword,
    method_calls,
    named,
    parameters,
    span_of,
    statement_of,
    terminal,
)

from .shared import count, decorated_by, raised, statement_candidates, stretches, strings_in


def builds_query(node: ast.AST, source: Source) -> bool:
    """Whether a call chain starts at select(...), update(...), delete(...) or session.query(...)."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call):
            called = dotted(node.func, source.imports)
            if named(called, "select", "sqlalchemy.update", "sqlalchemy.delete", "query") or called.startswith(
                "sqlmodel."
            ):
                return True
            node = node.func
        else:
            node = node.value
    return False


RUNS_QUERY = ("scalars", "scalar", "execute", "exec", "stream_scalars", "all", "first", "one")


def find_orm_query(project: Project) -> Span | None:
    """A function with a select(...).where(...) (or query(...).filter(...)); features: the filter
    uses a parameter of the function (a bound parameter), the function runs the query."""
    candidates = []
    for source in project.app_sources:
        filters = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute)
            and call.func.attr in {"where", "filter", "filter_by"}
            and builds_query(call.func.value, source)
        ]
        for function, calls in by_function(source, filters).items():
            params = {argument.arg for argument, _ in parameters(function)}
            bound = any(isinstance(node, ast.Name) and node.id in params for call in calls for node in ast.walk(call))
            candidates.append(Candidate(span_of(source, function), bound + any(method_calls(function, *RUNS_QUERY))))
    return best(candidates)


EAGER_LOADERS = (
    "selectinload",
    "joinedload",
    "subqueryload",
    "contains_eager",
    "immediateload",
    "prefetch_related",
    "select_related",
)


def find_eager_loading(project: Project) -> Span | None:
    """The statement that loads related rows up front (selectinload, joinedload, ...); or else a
    relationship declared with lazy="selectin" or "joined"."""
    loaders = statement_candidates(project.app_sources, *EAGER_LOADERS, score=1)
    declared = (
        Candidate(span_of(source, statement_of(source, call)))
        for source, call in calls_named(project.app_sources, "relationship")
        if constant_str(keyword(call, "lazy")) in {"selectin", "joined", "subquery"}
    )
    return best([*loaders, *declared])


WRITES = ("add", "add_all", "delete", "flush", "merge", "execute", "bulk_save_objects")

TRANSACTIONS = {"begin", "begin_nested", "atomic", "transaction"}


def writes_in(node: ast.AST) -> int:
    return sum(1 for _ in method_calls(node, *WRITES))


def find_transaction(project: Project) -> Span | None:
    """A `with session.begin():` block, or else a try that commits and rolls back on error; the one
    grouping the most writes, since that is what a transaction is for."""
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if isinstance(node, (ast.With, ast.AsyncWith)) and any(
                isinstance(item.context_expr, ast.Call) and terminal(item.context_expr.func) in TRANSACTIONS
                for item in node.items
            ):
                candidates.append(Candidate(span_of(source, node), 1 + writes_in(node)))
            elif (
                isinstance(node, ast.Try)
                and any(any(method_calls(handler, "rollback")) for handler in node.handlers)
                and any(any(method_calls(statement, "commit")) for statement in node.body)
            ):
                candidates.append(Candidate(span_of(source, node), writes_in(node)))
    return best(candidates)


def find_unique_conflict(project: Project) -> Span | None:
    """An `except IntegrityError` (or a unique-violation error) handler; features: it raises a new
    error, the error is a 409 conflict."""
    conflicts = ("IntegrityError", "UniqueViolation", "UniqueViolationError")
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if (
                isinstance(node, ast.ExceptHandler)
                and node.type is not None
                and any(
                    named(dotted(part, source.imports), *conflicts)
                    for part in ast.walk(node.type)
                    if isinstance(part, (ast.Name, ast.Attribute))
                )
            ):
                conflict = bool(re.search(r"conflict|409", ast.unparse(node), re.I))
                candidates.append(Candidate(span_of(source, node), bool(raised(node)) + conflict))
    return best(candidates)


VERSION_COLUMN = re.compile(r"^(version|version_id|row_version|revision|etag|lock_version)$", re.I)


def compares_versions(node: ast.AST) -> bool:
    """`Model.version == body.version`: a version column on both sides of ==."""
    return (
        isinstance(node, ast.Compare)
        and len(node.comparators) == 1
        and isinstance(node.ops[0], ast.Eq)
        and all(VERSION_COLUMN.match(terminal(side)) for side in (node.left, node.comparators[0]))
    )


def find_optimistic_locking(project: Project) -> Span | None:
    """A function that compares a stored version with the client's (`Model.version == body.version`);
    features: it bumps the version, it checks the row was matched (.returning or .rowcount). Or else
    a mapper with version_id_col, or an If-Match header."""
    candidates = []
    for source in project.app_sources:
        for function in by_function(source, [node for node in source.nodes if compares_versions(node)]):
            bumps = any(
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and VERSION_COLUMN.match(terminal(node.left))
                for node in ast.walk(function)
            )
            checks = any(method_calls(function, "returning")) or "rowcount" in identifiers(function)
            candidates.append(Candidate(span_of(source, function), 1 + bumps + checks))
        for node in source.nodes:
            if (constant_str(node) or "").lower() == "if-match" and (function := function_of(source, node)):
                candidates.append(Candidate(span_of(source, function)))
            elif constant_str(node) == "version_id_col":
                holder = next((parent for parent in ancestors(source, node) if isinstance(parent, ast.ClassDef)), None)
                if holder is not None:
                    candidates.append(Candidate(span_of(source, holder)))
    return best(candidates)


SOFT_DELETE_NAMES = {"deleted_at", "is_deleted", "deleted_on"}


def soft_delete_name(node: ast.AST) -> bool:
    name = (
        node.id
        if isinstance(node, ast.Name)
        else node.attr
        if isinstance(node, ast.Attribute)
        else node.arg
        if isinstance(node, ast.keyword)
        else None
    )
    return name in SOFT_DELETE_NAMES


def find_soft_delete(project: Project) -> Span | None:
    """The statement that filters out soft-deleted rows (`Model.deleted_at.is_(None)`, or an `if`
    on it); or else one that sets or declares the deleted_at column."""
    candidates = []
    for source in project.app_sources:
        for statement in {statement_of(source, node) for node in source.nodes if soft_delete_name(node)}:
            if isinstance(statement, (*DEFINITIONS, ast.Try)):
                continue
            filters = any(
                (
                    isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Attribute)
                    and child.func.attr in {"is_", "is_not", "isnot"}
                    and terminal(child.func.value) in SOFT_DELETE_NAMES
                )
                or (isinstance(child, ast.Compare) and SOFT_DELETE_NAMES & identifiers(child))
                for part in own_parts(statement)
                for child in ast.walk(part)
            )
            candidates.append(Candidate(span_of(source, statement), filters))
    return best(candidates)


def own_parts(statement: ast.stmt) -> list[ast.AST]:
    """What a statement says itself, without the statements it holds: an `if`'s condition, a
    `for`'s loop header, a `with`'s items; a simple statement whole."""
    if isinstance(statement, (ast.If, ast.While)):
        return [statement.test]
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return [statement.target, statement.iter]
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return list(statement.items)
    return [statement]


def find_idempotency_key(project: Project) -> Span | None:
    """The function that reads an Idempotency-Key header (a parameter named idempotency_key, or
    headers.get("Idempotency-Key")); a route handler first."""
    reading = {
        function
        for source in project.app_sources
        for call, _ in source.calls
        if any(
            (constant_str(argument) or "").lower() == "idempotency-key"
            for argument in [*call.args, *(item.value for item in call.keywords)]
        )
        and (function := function_of(source, call))
    }
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if function in reading or any(
                "idempotency" in argument.arg.lower() for argument, _ in parameters(function)
            ):
                candidates.append(Candidate(span_of(source, function), project.route_for(function) is not None))
    return best(candidates)


CURSOR_NAMES = {
    "cursor",
    "after",
    "before",
    "after_id",
    "before_id",
    "last_id",
    "starting_after",
    "since_id",
    "page_token",
}


def find_cursor_pagination(project: Project) -> Span | None:
    """A function with a cursor parameter (cursor, after, last_id, ...), with the helpers right above
    it that it uses (encode and decode the cursor); features: it filters with `>` or `<` (keyset),
    it hands out a next cursor."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if not CURSOR_NAMES & {argument.arg for argument, _ in parameters(function)}:
                continue
            keyset = any(
                isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.Gt, ast.Lt, ast.GtE, ast.LtE))
                for call in method_calls(function, "where", "filter")
                for node in ast.walk(call)
            )
            hands_out = any(re.search(r"next_?(cursor|token|page)", name, re.I) for name in identifiers(function))
            if keyset or hands_out:
                span = definition_span(source, function)
                candidates.append(Candidate(span, keyset + hands_out))
    return best(candidates)


def find_cache_aside(project: Project) -> Span | None:
    """A function that gets and sets the same cache or Redis client (read, miss, fill); a route first.
    Or else a route cached by a decorator such as fastapi-cache's @cache(expire=...)."""
    candidates = []
    for source in project.app_sources:
        cache_calls = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute)
            and call.func.attr in {"get", "set", "setex"}
            and re.search(r"cache|redis", ast.unparse(call.func.value), re.I)
        ]
        for function, calls in by_function(source, cache_calls).items():
            receivers = {
                method: {ast.unparse(call.func.value) for call in calls if call.func.attr in method}
                for method in [("get",), ("set", "setex")]
            }
            if receivers[("get",)] & receivers[("set", "setex")]:
                candidates.append(Candidate(span_of(source, function), 1 + (project.route_for(function) is not None)))
    candidates += [Candidate(route.span) for route in project.routes if decorated_by(route.function, "cache")]
    return best(candidates)


def find_response_cache(project: Project) -> Span | None:
    """Neighbouring cache classes (a name with Cache and get and set methods); or else a cache made
    by a library (fastapi-cache, cachetools, aiocache)."""

    def member(source: Source, statement: ast.stmt) -> bool:
        methods = {item.name for item in getattr(statement, "body", []) if isinstance(item, Function)}
        return isinstance(statement, ast.ClassDef) and "cache" in statement.name.lower() and {"get", "set"} <= methods

    classes = [Candidate(candidate.span, candidate.score + 1) for candidate in stretches(project, member, count)]
    libraries = statement_candidates(
        project.app_sources, "FastAPICache.init", "TTLCache", "LRUCache", "Cache.from_url", "aiocache.Cache"
    )
    return best([*classes, *libraries])


def find_partial_unique_index(project: Project) -> Span | None:
    """An index limited to some rows by `postgresql_where=` or `sqlite_where=` (a partial index), in
    a model or a migration; features: it is unique, it is declared on the model."""
    candidates = []
    for source in project.app_sources:
        for call, called in source.calls:
            if not named(called, "Index", "op.create_index", "create_index"):
                continue
            if keyword(call, "postgresql_where") is None and keyword(call, "sqlite_where") is None:
                continue
            on_model = any(isinstance(parent, ast.ClassDef) for parent in ancestors(source, call))
            candidates.append(Candidate(span_of(source, call), is_true(keyword(call, "unique")) + on_model))
    return best(candidates)


def find_jsonb_column(project: Project) -> Span | None:
    """A PostgreSQL JSONB column type; features: `with_variant` keeps it portable (JSON elsewhere),
    it is declared on the model, not in a migration function, the file also has a GIN index."""
    candidates = []
    for source in project.app_sources:
        gin = any((constant_str(keyword(call, "postgresql_using")) or "").lower() == "gin" for call, _ in source.calls)
        uses = [
            node
            for node in source.nodes
            if isinstance(node, (ast.Name, ast.Attribute))
            and not isinstance(source.parents.get(node), ast.Attribute)
            and named(dotted(node, source.imports), "JSONB")
        ]
        for statement in {statement_of(source, node) for node in uses}:
            if isinstance(statement, (ast.Import, ast.ImportFrom, *DEFINITIONS)):
                continue
            portable = any(isinstance(node, ast.Attribute) and node.attr == "with_variant" for node in ast.walk(statement))
            declared = function_of(source, statement) is None
            candidates.append(Candidate(span_of(source, statement), portable + declared + gin))
    return best(candidates)


def find_patch_partial_update(project: Project) -> Span | None:
    """`model_dump(exclude_unset=True)` (or Pydantic v1's `.dict(exclude_unset=True)`), shown as the
    model method or the route that calls it; features: nulls are kept (no exclude_none), it is a
    method of the PATCH model or in a PATCH route."""
    candidates = []
    for source in project.app_sources:
        for call in method_calls(source.tree, "model_dump", "dict"):
            if not is_true(keyword(call, "exclude_unset")):
                continue
            keeps_nulls = not is_true(keyword(call, "exclude_none"))
            function = function_of(source, call)
            owner = next((parent for parent in ancestors(source, call) if isinstance(parent, ast.ClassDef)), None)
            route = project.route_for(function) if function else None
            if owner is not None:
                candidates.append(Candidate(span_of(source, owner), keeps_nulls + 1))
            elif route is not None:
                candidates.append(Candidate(route.span, keeps_nulls + (route.method == "patch")))
            else:
                candidates.append(Candidate(span_of(source, statement_of(source, call)), keeps_nulls))
    return best(candidates)


# --- ids made by the app (UUIDs known before the INSERT) ------------------------------------------

UUID_MAKERS = ("uuid1", "uuid4", "uuid6", "uuid7")
TIME_ORDERED = ("uuid1", "uuid6", "uuid7")
DEFAULT_OPTIONS = {"default", "default_factory", "insert_default"}
EVENT_WORDS = re.compile(r"event|outbox|message|notification", re.I)


def uuid_makers_of(source: Source) -> dict[str, set[str]]:
    """The file's names for a UUID maker (`new_id = getattr(uuid, "uuid7", uuid.uuid4)`, a function
    returning `uuid.uuid7()`), each with the makers it may use."""
    found = {}
    for statement in source.tree.body:
        if isinstance(statement, ast.Assign):
            makers, names = uuid_makers_in(statement.value, source, {}), assigned_names(statement)
        elif isinstance(statement, Function):
            returned = [node.value for node in ast.walk(statement) if isinstance(node, ast.Return) and node.value]
            makers = set().union(*(uuid_makers_in(value, source, {}) for value in returned))
            names = {statement.name}
        else:
            continue
        found |= {name: makers for name in names if makers}
    return found


def uuid_makers_in(node: ast.AST, source: Source, local: dict[str, set[str]]) -> set[str]:
    """Which UUID makers an expression refers to: `uuid.uuid4`, `uuid4`, `lambda: str(uuid7())`,
    or one of the file's own names for them."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, (ast.Name, ast.Attribute)):
            name = dotted(child, source.imports)
            found |= {maker for maker in UUID_MAKERS if named(name, maker) and "uuid" in name.split(".")[0]}
            if isinstance(child, ast.Name):
                found |= local.get(child.id, set())
        elif isinstance(child, ast.Call) and terminal(child.func) == "getattr" and child.args:  # newest if there
            if dotted(child.args[0], source.imports).split(".")[0] == "uuid":
                found |= {text for part in child.args[1:] if (text := constant_str(part)) in UUID_MAKERS}
    return found


def find_uuid_ids(project: Project) -> Span | None:
    """A column or field whose default is made by the app as a UUID (`default=uuid.uuid4`,
    `Field(default_factory=uuid7)`, or the file's own name for one), shown as its model with the
    helpers right above it; features: it is the primary key, the UUID is time-ordered (uuid7,
    uuid6, uuid1), the model holds events or messages."""
    candidates = []
    for source in project.app_sources:
        local = uuid_makers_of(source)
        for call, _ in source.calls:
            options = [item for item in call.keywords if item.arg in DEFAULT_OPTIONS]
            makers = set().union(*(uuid_makers_in(item.value, source, local) for item in options))
            if not makers:
                continue
            model = next((parent for parent in ancestors(source, call) if isinstance(parent, ast.ClassDef)), None)
            span = definition_span(source, model) if model is not None else span_of(source, statement_of(source, call))
            words = " ".join([model.name, *strings_in(model)]) if model is not None else ""
            score = is_true(keyword(call, "primary_key")) + bool(makers & set(TIME_ORDERED)) + bool(
                EVENT_WORDS.search(words)
            )
            candidates.append(Candidate(span, score))
    return best(candidates)
