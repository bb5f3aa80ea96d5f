"""The Celery side: the app (broker: REDIS_URL) and a task that announces a new startup.

With REDIS_URL unset there is no broker: tasks run inline, in the caller (task_always_eager).
A worker runs as its own process: `celery -A startups_api.tasks worker --concurrency=2`, and one
beat process starts the periodic jobs (startups_api/jobs.py): `celery -A startups_api.tasks beat`.
"""

from __future__ import annotations

import threading

from celery import Celery, shared_task
from celery.schedules import crontab
from redis import Redis
from redis.exceptions import RedisError

from .settings import Settings, get_settings

NOTIFY_STARTUP_CREATED = "startups.notify_created"
NOTIFICATIONS_KEY = "notifications:startup-created"  # the feed a consumer reads


def make_celery(settings: Settings) -> Celery:
    """One Celery app per API process (and one in each worker), configured from the settings."""
    # include: the worker also imports the periodic jobs (startups_api/jobs.py)
    celery = Celery("startups_api", set_as_current=False, include=["startups_api.jobs"])
    celery.conf.update(
        broker_url=settings.redis_url or "memory://",
        task_always_eager=settings.redis_url is None,  # no broker: run the task in the caller
        task_ignore_result=True,  # fire and forget: no result backend to fill up
        # a message a worker took but never acknowledged comes back after this long
        broker_transport_options={"visibility_timeout": 3600},
        # while Redis is down, give up publishing after about a second, not minutes
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.3},
        broker_connection_timeout=2,
        worker_hijack_root_logger=False,
    )
    # --8<-- [start:celery-beat]
    # `celery -A startups_api.tasks beat` sends each job on the clock alone, whatever else ran:
    celery.conf.beat_schedule = {
        # what an after-commit relay run left unsent goes out within 30 s, not with the next create
        "relay-outbox": {"task": "startups.relay_outbox", "schedule": 30.0},
        # the sector report at 02:00 UTC; if last night's run is still going, this one starts anyway
        "sector-report": {"task": "startups.sector_report", "schedule": crontab(hour=2, minute=0)},
    }
    celery.conf.timezone = "UTC"
    # --8<-- [end:celery-beat]
    # where the task delivers: a Redis list, or a list in this process when there is no Redis
    if settings.redis_url:
        celery.notifications = RedisNotifications(Redis.from_url(settings.redis_url, socket_timeout=2))
    else:
        celery.notifications = MemoryNotifications()
    return celery


# --8<-- [start:celery-task]
@shared_task(
    name=NOTIFY_STARTUP_CREATED,
    bind=True,
    acks_late=True,  # acknowledge after it ran: a worker lost mid-task means redelivery, not loss
    reject_on_worker_lost=True,  # also when only the pool child dies (OOM kill)
    autoretry_for=(RedisError, OSError),  # transient: the connection, a timeout
    retry_backoff=True,  # wait about 1, 2, 4, 8 ... s (with jitter) between attempts
    retry_backoff_max=60,
    max_retries=5,
)
def notify_startup_created(self, event_id: str, message: str) -> bool:
    """Idempotent: keyed by the outbox event's id, so a retry or a redelivery after the
    delivery sends nothing twice. Returns whether this run delivered it."""
    return self.app.notifications.deliver_once(event_id, message)


# on Redis, one atomic step: mark the event delivered (for a day) and append it, or do nothing
DELIVER_ONCE_SCRIPT = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', 86400) then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""
# --8<-- [end:celery-task]


class RedisNotifications:
    def __init__(self, redis: Redis):
        self.redis = redis
        self.script = redis.register_script(DELIVER_ONCE_SCRIPT)

    def deliver_once(self, event_id: str, message: str) -> bool:
        return bool(self.script(keys=[f"notified:{event_id}", NOTIFICATIONS_KEY], args=[message]))

    def delivered(self) -> list[str]:
        return [item.decode() for item in self.redis.lrange(NOTIFICATIONS_KEY, 0, -1)]


class MemoryNotifications:
    """The same, in this process: what the embedded defaults (no Redis, tasks inline) use."""

    def __init__(self) -> None:
        self.lock, self.seen, self.feed = threading.Lock(), set[str](), list[str]()

    def deliver_once(self, event_id: str, message: str) -> bool:
        with self.lock:
            if event_id in self.seen:
                return False
            self.seen.add(event_id)
            self.feed.append(message)
            return True

    def delivered(self) -> list[str]:
        return list(self.feed)



app = make_celery(get_settings())  # what `celery -A startups_api.tasks worker` runs
