"""Detectors for migrations and the admin command: Alembic migrations, a zero-downtime one, and a CLI.
"""

from __future__ import annotations

import ast

from project_code import (
    Candidate,
    Function,
    Project,
    Source,
    Span,
    best,
    calls_in,
    dotted,
    is_true,
    keyword,
    method_calls,
    named,
    parameters,
    reachable,
    run_candidates,
    span_of,
    with_helpers_above,
)

from .shared import strings_in


def find_alembic_migration(project: Project) -> Span | None:
    """Neighbouring upgrade() and downgrade() functions that call alembic's op, themselves or through
    helper functions of the file (create_users_table()); the more tables the migration creates (the
    initial schema shows the most), the better."""
    candidates = []
    for source in project.app_sources:
        members = {
            statement
            for statement in source.tree.body
            if isinstance(statement, Function)
            and statement.name in {"upgrade", "downgrade"}
            and any(
                called.startswith(("alembic.op.", "op."))
                for function in reachable(source, statement)
                for _, called in calls_in(function, source.imports)
            )
        }

        def tables(run: list[ast.stmt], source: Source = source) -> int:
            functions = {id(function): function for item in run for function in reachable(source, item)}
            return sum(
                named(called, "op.create_table")
                for function in functions.values()
                for _, called in calls_in(function, source.imports)
            )

        candidates += run_candidates(source, members, tables)
    return best(candidates)


def find_admin_cli(project: Project) -> Span | None:
    """A command-line entry point: a module-level function that parses arguments with argparse
    (or a click/typer command), with the helpers right above it that it uses; features: it takes
    the argument list (`main(argv)`), the file runs it under `if __name__ == "__main__"`, it has
    subcommands. A script that does not import the project's own code (a release or lint tool of the
    repository) is not the app's admin command."""
    candidates = []
    for source in project.app_sources:
        if not project.uses_own_code(source):
            continue
        runs_as_script = any(
            isinstance(statement, ast.If) and "__main__" in strings_in(statement.test) for statement in source.tree.body
        )
        for function in source.tree.body:
            if not isinstance(function, Function):
                continue
            parses = any(method_calls(function, "parse_args", "parse_known_args")) or any(
                named(dotted(decorator, source.imports), "click.command", "click.group", "command")
                or (isinstance(decorator, ast.Call) and named(dotted(decorator.func, source.imports), "click.command", "click.group", "command"))
                for decorator in function.decorator_list
            )
            if not parses:
                continue
            span = with_helpers_above(source, function)
            shown = [item for item in source.tree.body if span.start <= item.lineno <= span.end]
            subcommands = any(method_calls(item, "add_subparsers") for item in shown)
            takes_argv = any(argument.arg in {"argv", "args"} for argument, _ in parameters(function))
            candidates.append(Candidate(span, takes_argv + runs_as_script + subcommands))
    return best(candidates)


def find_zero_downtime_migration(project: Project) -> Span | None:
    """An Alembic upgrade() that adds a column nullable and makes it NOT NULL later (by
    alter_column(nullable=False) or SET NOT NULL); features: it backfills in a loop, commits
    outside one long transaction (autocommit_block), builds an index CONCURRENTLY."""
    candidates = []
    for source in project.app_sources:
        for function in source.tree.body:
            if not (isinstance(function, Function) and function.name == "upgrade"):
                continue
            adds_nullable = any(
                is_true(keyword(node, "nullable"))
                for call in method_calls(function, "add_column")
                for node in ast.walk(call)
                if isinstance(node, ast.Call)
            )
            not_null = any(
                isinstance(keyword(call, "nullable"), ast.Constant) and keyword(call, "nullable").value is False
                for call in method_calls(function, "alter_column")
            ) or any("SET NOT NULL" in text.upper() for text in strings_in(function))
            if not (adds_nullable and not_null):
                continue
            loops = any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(function))
            commits = any(method_calls(function, "autocommit_block"))
            concurrently = any(is_true(keyword(call, "postgresql_concurrently")) for call, _ in calls_in(function, source.imports))
            candidates.append(Candidate(span_of(source, function), loops + commits + concurrently))
    return best(candidates)
