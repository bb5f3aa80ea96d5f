"""Detectors for failing well: a circuit breaker around outbound calls.
"""

from __future__ import annotations

import re

from project_code import (
    Candidate,
    Function,
    Project,
    Span,
    best,
    definition_span,
    dotted,
    identifiers,
    named,
    span_of,
)

from .shared import statement_candidates, strings_in


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
