"""startups-admin: admin jobs from the command line, on the database the app uses (DATABASE_URL).

Installed as a console command by demo/pyproject.toml's [project.scripts]; also runs as
`python -m startups_api.cli purge-deleted --older-than-days 30`.
"""

import argparse
import asyncio
import sys
from datetime import timedelta

from sqlalchemy import delete, func, select

from .db import FundingRound, Startup, make_engine, utc_now
from .settings import get_settings


# --8<-- [start:admin-cli]
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="startups-admin", description="Admin jobs for the startups API.")
    parser.add_argument("--database-url", default=get_settings().database_url, help="default: $DATABASE_URL")
    commands = parser.add_subparsers(dest="command", required=True)
    purge = commands.add_parser("purge-deleted", help="hard-delete startups soft-deleted long ago")
    purge.add_argument("--older-than-days", type=int, required=True, metavar="N")
    purge.add_argument("--dry-run", action="store_true", help="count them, delete nothing")
    return parser


async def purge_deleted(url: str, older_than_days: int, dry_run: bool) -> int:
    """Deletes for real the startups soft-deleted more than N days ago; live rows never match."""
    cutoff = utc_now() - timedelta(days=older_than_days)
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:  # one transaction: all of them or none
            doomed = select(Startup.id).where(
                Startup.deleted_at < cutoff  # NULL < cutoff is never true
            )
            count = await connection.scalar(select(func.count()).select_from(doomed.subquery()))
            if not dry_run:
                await connection.execute(delete(FundingRound).where(FundingRound.startup_id.in_(doomed)))
                await connection.execute(delete(Startup).where(Startup.id.in_(doomed)))
            return count
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Parses `argv` (the real command line when None) and returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("set DATABASE_URL or pass --database-url")  # exits with 2, like any usage error
    if args.older_than_days < 0:
        parser.error("--older-than-days must be 0 or more")
    count = asyncio.run(purge_deleted(args.database_url, args.older_than_days, args.dry_run))
    verb = "would purge" if args.dry_run else "purged"
    print(f"{verb} {count} startups deleted more than {args.older_than_days} days ago")
    return 0


if __name__ == "__main__":
    sys.exit(main())
# --8<-- [end:admin-cli]
