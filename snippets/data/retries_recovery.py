# A model of Airflow's task states, retries and trigger rules (Airflow is
# not installed here). Real DAG: retries=2, retry_delay=timedelta(minutes=5)
DAG = {"extract": [], "transform": ["extract"], "load": ["transform"],
       "cleanup": ["transform"]}
TRIGGER_RULE = {"cleanup": "all_done"}  # default rule: all_success
calls = {"transform": 0}


def run(task: str) -> None:
    if task == "transform":
        calls["transform"] += 1
        if calls["transform"] <= 4:  # the source API is down for a while
            raise ConnectionError("source API timed out")


# --8<-- [start:show]
def run_dag(states: dict, retries: int = 2) -> dict:
    for task, upstream in DAG.items():  # in dependency order
        if states.get(task) == "success":
            continue  # a rerun skips what already succeeded
        rule = TRIGGER_RULE.get(task, "all_success")
        if rule == "all_success" and any(states[u] != "success"
                                         for u in upstream):
            states[task] = "upstream_failed"
            continue
        for attempt in range(1 + retries):  # up_for_retry between
            try:
                run(task)
                states[task] = "success"
                break
            except ConnectionError:
                states[task] = "failed"
    return states
# --8<-- [end:show]


def show(states: dict[str, str]) -> None:
    print(" ".join(f"{task}={state}" for task, state in states.items()))
    #> extract=success transform=failed load=upstream_failed cleanup=success
    #> extract=success transform=success load=success cleanup=success
    print("transform attempts so far:", calls["transform"])
    #> transform attempts so far: 3
    #> transform attempts so far: 5


states = run_dag({})
show(states)
for task in ("transform", "load", "cleanup"):  # UI: Clear, with downstream
    states[task] = "cleared"
show(run_dag(states))  # extract is not run again
