"""The periodic jobs Celery beat starts: the outbox relay, and the sector report, a chain of
extract, transform and load tasks; inline without a broker, through a real worker with Redis."""

import json
import secrets
import time
from collections import defaultdict

import pytest
from celery.contrib.testing.worker import start_worker
from celery.schedules import crontab
from sqlalchemy import func, select

from startups_api import jobs
from startups_api.db import FundingRound, OutboxEvent, Startup
from startups_api.settings import get_settings
from startups_api.tasks import make_celery


@pytest.fixture
def celery(app, client, monkeypatch):
    """A Celery app like the worker's, pointed at the database and Redis the API under test uses."""
    url = app.state.sessions.kw["bind"].url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    celery = make_celery(get_settings())
    yield celery
    celery.close()
    monkeypatch.undo()
    get_settings.cache_clear()


def test_beat_starts_the_relay_every_30_seconds_and_the_report_nightly(celery):
    schedule = celery.conf.beat_schedule
    assert schedule["relay-outbox"] == {"task": jobs.RELAY_OUTBOX, "schedule": 30.0}
    assert schedule["sector-report"]["task"] == jobs.SECTOR_REPORT
    assert schedule["sector-report"]["schedule"] == crontab(hour=2, minute=0)
    assert "startups_api.jobs" in celery.conf.include and {jobs.RELAY_OUTBOX, jobs.SECTOR_REPORT} <= set(celery.tasks)


def test_the_scheduled_relay_sends_an_event_no_create_would_have_sent(app, client, celery, backend):
    async def leave_an_unsent_event(payload: str) -> None:  # as if the after-commit run had failed
        async with app.state.sessions() as session, session.begin():
            session.add(OutboxEvent(topic="startup.created", payload=payload))

    async def sent_at(payload: str):
        async with app.state.sessions() as session:
            return await session.scalar(select(OutboxEvent.sent_at).where(OutboxEvent.payload == payload))

    payload = json.dumps({"startup_id": 0, "name": f"Missed {secrets.token_hex(3)}"})
    client.portal.call(leave_an_unsent_event, payload)
    assert celery.tasks[jobs.RELAY_OUTBOX].apply().get() >= 1  # what beat sends every 30 s, run here
    assert client.portal.call(sent_at, payload) is not None
    if backend == "embedded":  # no broker: the notification ran inline
        assert payload in celery.notifications.delivered()


def expected_stats(app, client) -> list[tuple]:
    async def rows():
        async with app.state.sessions() as session:
            funding = select(func.coalesce(func.sum(FundingRound.amount_musd), 0.0)).where(
                FundingRound.startup_id == Startup.id).scalar_subquery()
            return (await session.execute(
                select(Startup.sector, Startup.employees, funding).where(Startup.deleted_at.is_(None)))).all()

    totals = defaultdict(lambda: [0, 0, 0.0])
    for sector, employees, funding in client.portal.call(rows):
        totals[sector][0] += 1
        totals[sector][1] += employees
        totals[sector][2] += funding
    return [(sector, n, people, round(money, 1)) for sector, (n, people, money) in sorted(totals.items())]


def report(client) -> list[dict]:
    return client.get("/api/v2/sectors/stats").json()


def wait_for_a_new_report(client, after: str | None, seconds: float = 30) -> list[dict]:
    deadline = time.monotonic() + seconds
    while True:
        rows = report(client)
        if rows and rows[0]["computed_at"] != after:
            return rows
        assert time.monotonic() < deadline, "the chain did not load a report in time"
        time.sleep(0.1)


def test_the_sector_report_chain_extracts_sums_and_replaces_the_table(app, client, celery, backend):
    def run_report() -> None:
        celery.tasks[jobs.SECTOR_REPORT].apply_async()  # what beat sends at 02:00

    before = report(client)
    if backend == "embedded":  # no broker: the chain runs inline, step after step
        run_report()
        run_report()  # a rerun replaces the rows, it does not add to them
        rows = report(client)
    else:  # through Redis: each step is a message the worker takes after the step before it
        with start_worker(celery, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            run_report()
            first = wait_for_a_new_report(client, before[0]["computed_at"] if before else None)
            run_report()
            rows = wait_for_a_new_report(client, first[0]["computed_at"])
    found = [(row["sector"], row["startups"], row["employees"], row["funding_musd"]) for row in rows]
    assert found == expected_stats(app, client) and len({row["sector"] for row in rows}) == len(rows)


# inline only: the steps run in this thread, where a planted failure can reach them
@pytest.mark.parametrize("backend", ["embedded"], indirect=True)
def test_a_failing_step_stops_the_chain_before_the_load(celery, backend, monkeypatch):
    ran = []
    monkeypatch.setattr(jobs, "with_database", lambda work: ran.append(work.__name__) or [])

    def broken_transform(rows):
        raise ValueError("planted: a row the transform cannot handle")

    monkeypatch.setattr(celery.tasks[jobs.TRANSFORM], "run", broken_transform)
    celery.tasks[jobs.SECTOR_REPORT].apply_async()
    assert ran == ["read"]  # the extract ran; after the failed transform, the load never did
