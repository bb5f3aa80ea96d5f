from datetime import datetime, timedelta

import pandas as pd

NOW = datetime(2026, 7, 1, 6, 0)
EXPECTED_COLUMNS = ["startup_id", "event", "at"]


# --8<-- [start:show]
def check_run(batch: pd.DataFrame, rows_last_run: int) -> dict:
    """Checks after each load, logged as one record."""
    problems = []
    if list(batch.columns) != EXPECTED_COLUMNS:
        problems.append("schema changed")
    if len(batch) < 0.5 * rows_last_run:
        problems.append(
            f"volume dropped {rows_last_run} -> {len(batch)}")
    if (null_rate := batch["startup_id"].isna().mean()) > 0.01:
        problems.append(f"startup_id null rate {null_rate:.0%}")
    if NOW - batch["at"].max() > timedelta(hours=2):
        problems.append("stale: newest event is over 2 h old")
    return {"rows": len(batch), "ok": not problems,
            "problems": problems}
# --8<-- [end:show]


minutes_ago = [NOW - timedelta(minutes=m) for m in (5, 9, 30, 55)]
healthy = pd.DataFrame({"startup_id": [7, 9, 7, 3], "event": ["view"] * 4,
                        "at": minutes_ago})
broken = healthy.head(1).assign(startup_id=[None],
                                at=[NOW - timedelta(hours=5)])
for batch in (healthy, broken):
    record = check_run(batch, rows_last_run=4)
    # in production: one JSON log line and metrics; ok=False pages someone
    print(f"ok={record['ok']} rows={record['rows']}", *record["problems"],
          sep="\n  ")
    #> ok=True rows=4
    #> ok=False rows=1
    #>   volume dropped 4 -> 1
    #>   startup_id null rate 100%
    #>   stale: newest event is over 2 h old
