"""Detectors for failing well: a circuit breaker around outbound calls, and going on without Redis
when it is down (fail open).
"""

from __future__ import annotations

import ast
import re

from project_code import (
    Candidate,
    Function,
    Project,
    Source,
    Span,
    best,
    definition_span,
    dotted,
    function_of,
    identifiers,
    method_calls,
    named,
    span_of,
    statement_of,
)

from .shared import mentions_call, statement_candidates, strings_in


def find_circuit_breaker(project: Project) -> Span | None:
    """A circuit breaker class (Circuit or Breaker in its name, with methods) and the helpers above it;
    more for each of a failure count, a half-open state and a cool-down. Or else a library's breaker
    (pybreaker, aiobreaker, circuitbreaker, purgatory)."""
    candidates = []
    for source in project.app_sources:
        for cls in source.classes:
            if not re.search(r"circuit|breaker", cls.name, re.I) or not any(
                isinstance(item, Function) for item in cls.body
            ):
                continue
            words = " ".join(strings_in(cls) | identifiers(cls)).lower()
            features = [r"fail", r"half.?open", r"cool.?down|reset_timeout|recovery_timeout"]
            score = 1 + sum(bool(re.search(feature, words)) for feature in features)
            candidates.append(Candidate(definition_span(source, cls), score))
    libraries = statement_candidates(
        project.app_sources,
        "pybreaker.CircuitBreaker",
        "aiobreaker.CircuitBreaker",
        "circuitbreaker.CircuitBreaker",
        "circuitbreaker.circuit",
        "purgatory.AsyncCircuitBreakerFactory",
    )
    decorated = [
        Candidate(span_of(source, function))
        for source in project.app_sources
        for function in source.functions
        if any(named(dotted(item, source.imports), "circuitbreaker.circuit") for item in function.decorator_list)
    ]
    return best([*candidates, *libraries, *decorated])


# --- Redis down: go on without it -----------------------------------------------------------------

NETWORK_ERRORS = ("ConnectionError", "TimeoutError", "OSError")
LOG_METHODS = ("debug", "info", "warning", "warn", "error", "exception")
BOUNDS_THE_WAIT = ("asyncio.timeout", "asyncio.wait_for", "anyio.fail_after", "anyio.move_on_after")


def caught(handler: ast.ExceptHandler, source: Source) -> list[str]:
    if handler.type is None:
        return []
    return [
        dotted(part, source.imports)
        for part in ast.walk(handler.type)
        if isinstance(part, (ast.Name, ast.Attribute)) and not isinstance(source.parents.get(part), ast.Attribute)
    ]


def catches_redis_outage(node: ast.Try, handler: ast.ExceptHandler, source: Source) -> bool:
    """`except RedisError` (any error class of redis-py), or a ConnectionError, TimeoutError or
    OSError around code that calls Redis."""
    names = caught(handler, source)
    if any(name.split(".")[0] == "redis" or named(name, "RedisError") for name in names):
        return True
    return any(named(name, *NETWORK_ERRORS) for name in names) and any(
        "redis" in word.lower() for statement in node.body for word in identifiers(statement)
    )


def find_redis_fail_open(project: Project) -> Span | None:
    """A function that carries on when Redis is down: an `except RedisError` (or a connection error
    around a Redis call) that does not raise again, with the constants right above it that it uses;
    features: the handler returns a fallback value, it logs the outage, the Redis call has a time
    limit (asyncio.timeout, wait_for)."""
    candidates = []
    for source in project.app_sources:
        for node in source.nodes:
            if not isinstance(node, ast.Try):
                continue
            for handler in node.handlers:
                if not catches_redis_outage(node, handler, source) or any(
                    isinstance(child, ast.Raise) for child in ast.walk(handler)
                ):
                    continue
                function = function_of(source, node)
                shown = function or statement_of(source, node)
                returns = any(isinstance(child, ast.Return) and child.value is not None for child in ast.walk(handler))
                logs = any(method_calls(handler, *LOG_METHODS))
                bounded = mentions_call(source, shown, *BOUNDS_THE_WAIT) or any(
                    isinstance(item, ast.keyword) and item.arg in {"socket_timeout", "timeout"}
                    for item in ast.walk(shown)
                )
                span = definition_span(source, function) if function is not None else span_of(source, shown)
                candidates.append(Candidate(span, returns + logs + bounded))
    return best(candidates)
