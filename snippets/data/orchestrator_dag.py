# not run here (needs airflow): Apache Airflow is a platform of its own (scheduler, metadata database, workers), too big to install for a snippet.
from datetime import datetime

from airflow.sdk import dag, task


@dag(schedule="0 2 * * *", start_date=datetime(2026, 1, 1), catchup=False)
def startups_pipeline():
    @task
    def extract() -> list[dict]: ...

    @task
    def clean(rows: list[dict]) -> list[dict]: ...

    @task
    def load(rows: list[dict]) -> int: ...

    @task
    def refresh_search_index() -> None: ...

    # a DAG: each task starts when its inputs are ready, and every run is recorded
    load(clean(extract())) >> refresh_search_index()


startups_pipeline()
