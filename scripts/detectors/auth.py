"""Detectors for dependencies, auth and limits: the session and current-user dependencies, role
checks, password hashing and checking, JWTs, rate limits and semaphores.
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
    assigned_names,
    best,
    by_function,
    calls_in,
    calls_named,
    dotted,
    identifiers,
    is_module_level,
    named,
    outermost_function,
    parameters,
    previous,
    reachable,
    run_candidates,
    span_of,
    statement_of,
    statements_holding,
    terminal,
    top_level_of,
    without_docstring,
)

from .shared import (
    count,
    decorated_by,
    defined_here,
    mentions_call,
    names_outside_calls,
    raised,
    raises_status,
    statement_candidates,
    stretches,
    strings_in,
    with_users,
)


def find_db_session_dependency(project: Project) -> Span | None:
    """A generator that yields a session; features: the yielded name says session, it is opened
    with `with` or closed in `finally`, it is passed to Depends()."""
    candidates = []
    for source in project.app_sources:
        yields = [
            node
            for node in source.nodes
            if isinstance(node, ast.Yield)
            and isinstance(node.value, ast.Name)
            and re.search(r"session|db|conn", node.value.id, re.I)
        ]
        for function, found in by_function(source, yields).items():
            managed = any(isinstance(node, (ast.With, ast.AsyncWith)) for node in ast.walk(function)) or any(
                node.finalbody for node in ast.walk(function) if isinstance(node, ast.Try)
            )
            says_session = any("session" in node.value.id.lower() for node in found)
            candidates.append(
                Candidate(
                    span_of(source, function), says_session + managed + (function.name in project.dependency_targets)
                )
            )
    return best(candidates)


SECURITY_SCHEMES = (
    "OAuth2PasswordBearer",
    "OAuth2AuthorizationCodeBearer",
    "HTTPBearer",
    "HTTPBasic",
    "APIKeyHeader",
    "APIKeyCookie",
    "APIKeyQuery",
)


def depends_on_scheme(call: ast.Call, called: str, source: Source, schemes: set[str]) -> bool:
    """`Depends(oauth2_scheme)` for a known scheme, or `Depends(HTTPBearer())` made in place."""
    if not (named(called, "Depends", "Security") and call.args):
        return False
    target = call.args[0]
    if isinstance(target, ast.Call):
        return named(dotted(target.func, source.imports), *SECURITY_SCHEMES)
    return terminal(target) in schemes


def returned_functions(source: Source, function: Function) -> set[str]:
    """The module-level functions of the file that a factory hands out, when all its body does is
    `return one if flag else other`; empty for any other function."""
    body = without_docstring(function.body)
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return set()
    value = body[0].value
    if not all(isinstance(node, (ast.Name, ast.IfExp, ast.Load)) for node in ast.walk(value)):
        return set()
    defined = {statement.name for statement in source.tree.body if isinstance(statement, Function)}
    returned = {node.id for node in ast.walk(value) if isinstance(node, ast.Name)}
    return returned & defined


def find_current_user_dependency(project: Project) -> Span | None:
    """A function that takes the request's credentials through a security scheme, directly or
    through an Annotated alias (or is named like get_current_user); features: scheme, name, passed
    to Depends(). Shown with the alias right after it."""
    schemes = {
        name
        for source, call in calls_named(project.app_sources, *SECURITY_SCHEMES)
        for name in assigned_names(statement_of(source, call))
    }
    scheme_aliases = {  # TokenDep = Annotated[str, Depends(oauth2_scheme)]
        name
        for source in project.app_sources
        for call, called in source.calls
        if depends_on_scheme(call, called, source, schemes)
        and isinstance(statement := statement_of(source, call), (ast.Assign, ast.AnnAssign))
        for name in assigned_names(statement)
    }
    factories = {  # get_current_user_authorizer(required) -> _get_current_user or _get_current_user_optional
        id(function): (function, returned)
        for source in project.app_sources
        for function in source.functions
        if (returned := returned_functions(source, function))
    }
    credited = {  # the functions a factory passed to Depends(...) hands out are dependencies too
        name
        for function, returned in factories.values()
        if function.name in project.dependency_targets
        for name in returned
    }
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            if project.route_for(function) or id(function) in factories:
                continue
            takes_scheme = any(
                depends_on_scheme(call, called, source, schemes)
                for argument, default in parameters(function)
                for part in (argument.annotation, default)
                if part is not None
                for call, called in calls_in(part, source.imports)
            ) or any(names_outside_calls(argument.annotation) & scheme_aliases for argument, _ in parameters(function))
            named_so = "current_user" in function.name
            if takes_scheme or named_so:
                rejects = any(isinstance(node, ast.Raise) for node in ast.walk(function))  # 401/403 on a bad token
                score = takes_scheme + named_so + rejects + (function.name in project.dependency_targets | credited)
                span = (
                    with_users(source, function, function.name)
                    if is_module_level(source, function)
                    else span_of(source, function)
                )
                candidates.append(Candidate(span, score))
    return best(candidates)


ROLE_WORDS = re.compile(r"role|scopes|permission|privilege|superuser|is_admin|is_staff", re.I)


def find_role_check(project: Project) -> Span | None:
    """A top-level function or class that looks at roles, scopes or permissions and refuses;
    features: the refusal is a 403, it is a dependency (passed to Depends(), a factory returning
    the check, or a class). Shown with the aliases right after it."""
    candidates = []
    for source in project.app_sources:
        refusing = {
            top_level_of(source, node) for node in source.nodes if isinstance(node, ast.Raise) and node.exc is not None
        }
        for top in refusing:
            if not isinstance(top, DEFINITIONS) or not ROLE_WORDS.search(" ".join(identifiers(top) | strings_in(top))):
                continue
            dependency = (
                top.name in project.dependency_targets
                or isinstance(top, ast.ClassDef)
                or any(isinstance(inner, Function) for inner in top.body)
            )
            forbidden = any(
                raises_status(exception, 403, r"forbidden|permission|notallowed") for exception in raised(top)
            )
            candidates.append(Candidate(with_users(source, top, top.name), forbidden + dependency))
    return best(candidates)


def find_password_hashing(project: Project) -> Span | None:
    """Neighbouring statements that make a password hasher (pwdlib, passlib, argon2) or use it or
    bcrypt: usually the hasher and the hash and verify functions."""
    makers = ("PasswordHash.recommended", "PasswordHash", "CryptContext", "PasswordHasher")
    direct = ("bcrypt.hashpw", "bcrypt.checkpw", "bcrypt.gensalt", "hashlib.pbkdf2_hmac", "hashlib.scrypt")
    candidates = []
    for source in project.app_sources:
        made = [call for call, called in source.calls if named(called, *makers)]
        hashers = {name for call in made for name in assigned_names(statement_of(source, call))}
        uses = [
            node
            for node in source.nodes
            if (isinstance(node, ast.Name) and node.id in hashers)
            or (isinstance(node, ast.Attribute) and node.attr in hashers and terminal(node.value) in {"self", "cls"})
        ]
        hashing = [call for call, called in source.calls if named(called, *direct)]
        members = {
            item
            for item in statements_holding(source, [*made, *uses, *hashing])
            if not isinstance(item, (ast.ClassDef, ast.Import, ast.ImportFrom))
        }
        candidates += run_candidates(source, members, count)
    return best(candidates)


def is_jwt(called: str) -> bool:
    return named(called, "jwt.encode", "jwt.decode", "JWT.encode", "JWT.decode", "jws.sign", "jws.verify")


def find_jwt_tokens(project: Project) -> Span | None:
    """Neighbouring statements that encode or decode JWTs; both together beat one alone."""
    candidates = []
    for source in project.app_sources:
        operations = {call: called.rsplit(".", 1)[-1] for call, called in source.calls if is_jwt(called)}
        members = {item for item in statements_holding(source, operations) if not isinstance(item, ast.ClassDef)}
        members |= {  # create_access_token() calling the file's create_jwt_token() is part of it too
            statement
            for statement in source.tree.body
            if isinstance(statement, Function) and any(function in members for function in reachable(source, statement))
        }

        def kinds(run: list[ast.stmt], operations: dict = operations, source: Source = source) -> int:
            reached = [function for item in run if isinstance(item, Function) for function in reachable(source, item)]
            return len(
                {operations[node] for item in [*run, *reached] for node in ast.walk(item) if node in operations}
            )

        candidates += run_candidates(source, members, kinds)
    return best(candidates)


def find_rate_limit_dependency(project: Project) -> Span | None:
    """A top-level function that limits request rates (a dependency, or a factory of one);
    features: its name says so, it is passed to Depends() or decorates routes as slowapi's
    @limiter.limit does, it answers 429. A name or a 429 is needed to count at all."""
    candidates = []
    for source in project.app_sources:
        for function in source.tree.body:
            if not isinstance(function, Function):
                continue
            limits_name = bool(re.search(r"rate_?limit|throttl", function.name, re.I))
            answers_429 = any(
                raises_status(exception, 429, r"ratelimit|toomany|throttl") for exception in raised(function)
            )
            dependency = function.name in project.dependency_targets or decorated_by(function, "limit")
            if limits_name or answers_429 or decorated_by(function, "limit"):
                candidates.append(Candidate(span_of(source, function), limits_name + answers_429 + dependency))
    return best(candidates)


LIMITER_METHODS = {
    "hit",
    "allow",
    "allowed",
    "is_allowed",
    "acquire",
    "try_acquire",
    "consume",
    "check",
    "take",
    "limit",
}


def find_rate_limiter(project: Project) -> Span | None:
    """Neighbouring classes named like limiters (limit, window, bucket, throttle) with a method such as
    hit() or allow(); or else a slowapi Limiter, or a function counting with Redis INCR and EXPIRE."""

    def member(source: Source, statement: ast.stmt) -> bool:
        return (
            isinstance(statement, ast.ClassDef)
            and bool(re.search(r"limit|window|bucket|throttl", statement.name, re.I))
            and any(isinstance(item, Function) and item.name in LIMITER_METHODS for item in statement.body)
        )

    classes = [Candidate(candidate.span, candidate.score + 1) for candidate in stretches(project, member, count)]
    others = list(statement_candidates(project.app_sources, "slowapi.Limiter", "FastAPILimiter.init"))
    for source in project.app_sources:
        counting = [
            call
            for call, _ in source.calls
            if isinstance(call.func, ast.Attribute) and call.func.attr in {"incr", "incrby", "expire"}
        ]
        for function, calls in by_function(source, counting).items():
            methods = {call.func.attr for call in calls}
            if "expire" in methods and methods & {"incr", "incrby"}:  # a fixed window in Redis
                others.append(Candidate(span_of(source, function)))
    return best(classes + others)


def find_semaphore_limit(project: Project) -> Span | None:
    """The outermost function around an `async with` on an asyncio (or anyio) Semaphore, which caps
    how many tasks run at once; or else the statement that makes the semaphore."""
    makers = ("asyncio.Semaphore", "asyncio.BoundedSemaphore", "anyio.Semaphore", "anyio.CapacityLimiter")
    made = list(calls_named(project.app_sources, *makers))
    semaphores = {name for source, call in made for name in assigned_names(statement_of(source, call))}
    candidates = [Candidate(span_of(source, statement_of(source, call))) for source, call in made]
    for source in project.app_sources if made else []:
        aliases = semaphores | {  # in_flight = request.app.state.semaphore
            name
            for node in source.nodes
            if isinstance(node, ast.Assign) and terminal(node.value) in semaphores
            for name in assigned_names(node)
        }
        for node in source.nodes:
            if isinstance(node, ast.AsyncWith) and any(
                terminal(item.context_expr) in aliases or mentions_call(source, item.context_expr, *makers)
                for item in node.items
            ):
                holder = outermost_function(source, node)
                if holder is not None:
                    candidates.append(Candidate(span_of(source, holder), 1))
    return best(candidates)


VERIFY_NAMES = re.compile(r"verify|check_?password|checkpw", re.I)

OFFLOADS = ("run_in_threadpool", "to_thread", "to_thread.run_sync", "run_sync", "run_in_executor")

DUMMY_NAMES = re.compile(r"dummy|decoy|fake_hash", re.I)


def find_login_password_check(project: Project) -> Span | None:
    """A function that checks a password hash in a worker thread (run_in_threadpool, to_thread,
    run_in_executor) or against a dummy hash when the user is unknown, with the dummy hash right
    above it; both beat one, and a direct verify with neither does not count."""
    candidates = []
    for source in project.app_sources:
        for function in source.functions:
            calls = list(calls_in(function, source.imports))
            offloaded = any(
                named(called, *OFFLOADS) and any(VERIFY_NAMES.search(terminal(argument)) for argument in call.args)
                for call, called in calls
            )
            verifies = offloaded or any(VERIFY_NAMES.search(called.rsplit(".", 1)[-1]) for _, called in calls)
            dummies = {name for name in identifiers(function) if DUMMY_NAMES.search(name)}
            if not verifies or not (offloaded or dummies):
                continue
            span = span_of(source, function)
            above = previous(source, function)
            if above is not None and dummies & defined_here(above):
                span = Span(span.path, span_of(source, above).start, span.end)
            candidates.append(Candidate(span, offloaded + bool(dummies)))
    return best(candidates)
