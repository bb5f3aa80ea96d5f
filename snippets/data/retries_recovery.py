# not run here (needs airflow): Apache Airflow is a platform of its own (scheduler, metadata database, workers), too big to install for a snippet.
from datetime import datetime, timedelta

from airflow.sdk import dag, task

from startups_etl import overwrite_partition  # the pipeline's own loader

RETRIES = {"retries": 3, "retry_delay": timedelta(minutes=5)}


@dag(schedule="@daily", start_date=datetime(2026, 1, 1), catchup=False, default_args=RETRIES)
def nightly_startups():
    @task
    def extract(ds=None) -> str:
        return f"s3://raw/startups/{ds}.csv"  # one partition per run: a retry rereads the same day

    @task(retries=5)  # a flaky partner gets more attempts than the default three
    def load(path: str) -> int:
        return overwrite_partition(path)  # overwrite, never append: reruns are idempotent

    @task(trigger_rule="all_done")  # runs even when an upstream task failed
    def report() -> None: ...

    load(extract()) >> report()


nightly_startups()
