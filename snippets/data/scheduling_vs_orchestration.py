# A model, not Airflow: two nightly jobs, extract then load, started by a
# scheduler (cron times) and by an orchestrator (a DAG: extract >> load).
def clock(minutes: int) -> str:
    return f"{minutes // 60:02}:{minutes % 60:02}"


def cron(extract_minutes: int, extract_ok: bool) -> str:
    # crontab: extract at 01:00, load at 02:00; neither knows the other
    extract_done, load_start = 60 + extract_minutes, 120
    fresh = extract_ok and load_start >= extract_done
    return f"load ran at {clock(load_start)}, fresh data: {fresh}"


def orchestrator(extract_minutes: int, extract_ok: bool) -> str:
    # the DAG run starts at 01:00; load waits for extract's success
    if not extract_ok:
        return "load upstream_failed, alert sent, nothing loaded"
    return f"load ran at {clock(60 + extract_minutes)}, fresh data: True"


for night, (minutes, ok) in {"usual": (40, True), "slow": (100, True),
                             "failed": (5, False)}.items():
    print(f"{night:6} cron:         {cron(minutes, ok)}")
    #> usual  cron:         load ran at 02:00, fresh data: True
    #> slow   cron:         load ran at 02:00, fresh data: False
    #> failed cron:         load ran at 02:00, fresh data: False
    print(f"{night:6} orchestrator: {orchestrator(minutes, ok)}")
    #> usual  orchestrator: load ran at 01:40, fresh data: True
    #> slow   orchestrator: load ran at 02:40, fresh data: True
    #> failed orchestrator: load upstream_failed, alert sent, nothing loaded
