"""Load the demo service as deployed and print a Markdown report: throughput, p50/p95/p99 latency
and answers by status, per scenario, with the machine it ran on.

    uv run python scripts/load_benchmark.py [--requests 2000] [--concurrency 16] [--seconds 20]

The service runs as in production: `uvicorn startups_api.main:create_app --factory --workers 2`
(cwd demo/) with DATABASE_URL and REDIS_URL set; by default against a private PostgreSQL cluster
and a private Redis that this script starts and removes (scripts/private_services.py), or against
--database-url/--redis-url. One async httpx2 client drives it over loopback only (127.0.0.0/8),
at most --concurrency requests in flight, and each scenario stops at --requests or --seconds,
whichever comes first. It is a measurement, not a test: nothing here passes or fails on speed.

Scenarios:
- plain reads: GET /api/v2/startups?limit=20&offset=k, the database every time;
- cached reads: GET /api/v2/startups/{id} after a warm-up, Redis hits (the X-Cache header is counted);
- query (process pool): POST /api/v2/query, a DB read and a ranking in the worker's process pool;
- writes (idempotency keys): POST /api/v2/startups, each with a new Idempotency-Key, and every
  fifth a retry of an earlier key (answered from the stored response, Idempotent-Replayed);
- rate-limited clients: a few clients each sending more than the per-minute limit: 429s
  expected, never a 5xx. Each client has its own loopback address (127.0.1.x), since the limiter
  keys by address; the query scenario likewise spreads over 127.0.2.x so the limit never bites it.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "demo"))

from private_services import DemoServer, PrivatePostgres, PrivateRedis, prepare_database  # noqa: E402
from startups_api.data import startup_rows  # noqa: E402

NAMES = [row["name"] for row in startup_rows()]
WORKERS = 2
RATE_LIMIT = 300  # per client address per minute, for the whole run
RATE_LIMITED_CLIENTS = 4


@dataclass
class Result:
    name: str
    concurrency: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    note: str = ""

    def row(self) -> str:
        count = len(self.latencies)
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive") if count > 1 else [0.0] * 99
        p50, p95, p99 = (cuts[q - 1] * 1000 for q in (50, 95, 99))
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(self.statuses.items(), key=str))
        return (
            f"| {self.name} | {count} | {self.concurrency} | {self.seconds:.1f} | {count / self.seconds:.0f} "
            f"| {p50:.1f} | {p95:.1f} | {p99:.1f} | {statuses} | {self.note} |"
        )


def client(base_url: str, local_address: str | None = None, concurrency: int = 16) -> httpx2.AsyncClient:
    transport = httpx2.AsyncHTTPTransport(
        local_address=local_address, limits=httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    )
    return httpx2.AsyncClient(base_url=base_url, transport=transport, timeout=30, trust_env=False)


async def drive(result: Result, make_request, clients: list[httpx2.AsyncClient], requests: int, seconds: float,
                on_response=None) -> Result:
    """`concurrency` tasks take request numbers until `requests` are sent or `seconds` have passed."""
    numbers = itertools.count()
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        while time.monotonic() < deadline:
            number = next(numbers)
            if number >= requests:
                return
            http = clients[number % len(clients)]
            method, path, kwargs = make_request(number)
            started = time.perf_counter()
            try:
                response = await http.request(method, path, **kwargs)
            except httpx2.HTTPError as error:
                result.statuses[type(error).__name__] += 1
                continue
            result.latencies.append(time.perf_counter() - started)
            result.statuses[response.status_code] += 1
            if on_response:
                on_response(number, response)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(result.concurrency)))
    result.seconds = time.perf_counter() - started
    return result


async def run_scenarios(base_url: str, requests: int, concurrency: int, seconds: float) -> list[Result]:
    results = []
    async with client(base_url, concurrency=concurrency) as main:
        form = {"username": "eli", "password": "demo-password"}
        token = (await main.post("/api/v2/auth/token", data=form)).raise_for_status().json()["access_token"]
        editor = {"Authorization": f"Bearer {token}"}

        plain = lambda n: ("GET", f"/api/v2/startups?limit=20&offset={n % 20}", {})  # noqa: E731
        await drive(Result("warm-up", concurrency), plain, [main], 100, seconds)
        results.append(await drive(Result("plain reads (database)", concurrency), plain, [main], requests, seconds))

        cached = lambda n: ("GET", f"/api/v2/startups/{n % len(NAMES) + 1}", {})  # noqa: E731
        await drive(Result("warm-up", concurrency), cached, [main], 2 * len(NAMES), seconds)
        hits = Counter()
        result = await drive(Result("cached reads (Redis)", concurrency), cached, [main], requests, seconds,
                             lambda n, response: hits.update([response.headers.get("x-cache")]))
        result.note = f"X-Cache hit {hits['hit']}, miss {hits['miss']}"
        results.append(result)

        spread = [client(base_url, f"127.0.2.{n + 1}", concurrency) for n in range(32)]  # under the limit each
        body = lambda n: {"query": "payments fraud detection", "startups": NAMES[n % 30:n % 30 + 10]}  # noqa: E731
        query = lambda n: ("POST", "/api/v2/query", {"json": body(n)})  # noqa: E731
        await drive(Result("warm-up", concurrency), query, spread, 64, seconds)
        result = await drive(Result("query (process pool)", concurrency), query, spread,
                             min(requests, 32 * (RATE_LIMIT - 10)), seconds)
        result.note = f"{WORKERS} workers x 2 rank processes"
        results.append(result)
        for http in spread:
            await http.aclose()

        run = f"{time.time_ns():x}"
        done: list[str] = []

        def write(n: int):
            if n % 5 == 4 and done:  # a retry of a write that already succeeded
                key = done[n % len(done)]
            else:
                key = f"load-{run}-{n}"
            startup = {"name": f"Load {key[-20:]}", "sector": "devtools", "city": "Lisbon", "founded": 2024,
                       "employees": 3}
            return "POST", "/api/v2/startups", {"json": startup, "headers": {**editor, "Idempotency-Key": key}}

        replays = Counter()

        def on_write(n: int, response: httpx2.Response) -> None:
            if response.status_code == 201:
                replays.update([response.headers.get("idempotent-replayed") == "true"])
                if n % 5 != 4:
                    done.append(response.request.headers["idempotency-key"])

        result = await drive(Result("writes (idempotency keys)", concurrency), write, [main], requests, seconds, on_write)
        result.note = f"{replays[True]} retries replayed, {replays[False]} created"
        results.append(result)

        limited_clients = [client(base_url, f"127.0.1.{n + 1}", concurrency) for n in range(RATE_LIMITED_CLIENTS)]
        per_client = RATE_LIMIT + 100
        sectors = lambda n: ("GET", "/api/v2/sectors", {})  # noqa: E731
        result = await drive(Result("rate-limited clients", concurrency), sectors, limited_clients,
                             RATE_LIMITED_CLIENTS * per_client, seconds)
        result.note = f"{RATE_LIMITED_CLIENTS} clients x {per_client} requests, limit {RATE_LIMIT}/min each"
        results.append(result)
        for http in limited_clients:
            await http.aclose()
    return results


def machine_facts(database: str, redis: str) -> list[str]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    import fastapi
    import sqlalchemy
    import uvicorn

    return [
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, uvicorn {uvicorn.__version__}, FastAPI {fastapi.__version__}, "
        f"SQLAlchemy {sqlalchemy.__version__}",
        f"- Service: uvicorn --workers {WORKERS}, RANK_WORKERS=2 per worker; {database}; {redis}",
        "- Client: one httpx2 async process on the same machine, loopback only; it shares the cores with "
        "the service, PostgreSQL and Redis, so read the numbers as relative, not as capacity",
    ]


def server_versions(database_url: str, redis_url: str) -> tuple[str, str]:
    code = (
        "import asyncio, sys\n"
        "from redis.asyncio import Redis\n"
        "from sqlalchemy import text\n"
        "from startups_api.db import make_engine\n"
        "async def main():\n"
        "    engine = make_engine(sys.argv[1])\n"
        "    async with engine.connect() as c: print((await c.execute(text('SHOW server_version'))).scalar_one())\n"
        "    await engine.dispose()\n"
        "    redis = Redis.from_url(sys.argv[2]); print((await redis.info('server'))['redis_version']); await redis.aclose()\n"
        "asyncio.run(main())\n"
    )
    demo = Path(__file__).resolve().parent.parent / "demo"
    out = subprocess.run([sys.executable, "-c", code, database_url, redis_url], cwd=demo, capture_output=True,
                         text=True, check=True, timeout=30).stdout.splitlines()
    return f"PostgreSQL {out[0]}", f"Redis {out[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="per scenario, at most")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight, at most")
    parser.add_argument("--seconds", type=float, default=20, help="per scenario, at most")
    parser.add_argument("--database-url", help="an existing PostgreSQL (default: a private one)")
    parser.add_argument("--redis-url", help="an existing Redis (default: a private one)")
    args = parser.parse_args()

    postgres = None if args.database_url else PrivatePostgres(fsync=True)
    redis = None if args.redis_url else PrivateRedis()
    try:
        if postgres:
            postgres.start()
        if redis:
            redis.start()
        database_url = args.database_url or postgres.url
        redis_url = args.redis_url or redis.url
        prepare_database(database_url)
        env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "RANK_WORKERS": "2",
               "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)}
        with DemoServer(env, workers=WORKERS) as demo:
            results = asyncio.run(run_scenarios(demo.base_url, args.requests, args.concurrency, args.seconds))
            database, redis_version = server_versions(database_url, redis_url)
    finally:
        if redis:
            redis.stop()
        if postgres:
            postgres.cleanup()

    print("| Scenario | Requests | Concurrency | Seconds | Req/s | p50 ms | p95 ms | p99 ms | Answers by status | Notes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for result in results:
        print(result.row())
    print()
    print("\n".join(machine_facts(database, redis_version)))
    server_errors = sum(n for result in results for status, n in result.statuses.items()
                        if not isinstance(status, int) or status >= 500)
    if server_errors:
        print(f"\n{server_errors} answers were 5xx or transport errors", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
