# A model, not Airflow: two nightly jobs, extract then load, started by a
# scheduler (fixed cron times) or an orchestrator (a DAG: extract >> load).
def clock(minutes: int) -> str:
    return f"{minutes // 60:02}:{minutes % 60:02}"


# --8<-- [start:show]
def cron_start(extract_done: int | None) -> int:
    return 120  # "0 2 * * *": load at 02:00 whatever extract did


def dag_start(extract_done: int | None) -> int | None:
    return extract_done  # load starts when extract succeeds, or never


def load(start: int | None, extract_done: int | None) -> str:
    if start is None:
        return "skipped (upstream_failed), alert sent"
    fresh = extract_done is not None and start >= extract_done
    return f"ran at {clock(start)}, fresh data: {fresh}"
# --8<-- [end:show]


# extract starts at 01:00; None means it failed
nights = {"usual": 60 + 40, "slow": 60 + 100, "failed": None}
for night, extract_done in nights.items():
    for name, policy in (("cron", cron_start), ("dag", dag_start)):
        start = policy(extract_done)
        print(f"{night:6} {name:4} load {load(start, extract_done)}")
        #> usual  cron load ran at 02:00, fresh data: True
        #> usual  dag  load ran at 01:40, fresh data: True
        #> slow   cron load ran at 02:00, fresh data: False
        #> slow   dag  load ran at 02:40, fresh data: True
        #> failed cron load ran at 02:00, fresh data: False
        #> failed dag  load skipped (upstream_failed), alert sent
