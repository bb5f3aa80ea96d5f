import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx2

APP = """import os
async def app(scope, receive, send):  # replies with the pid that served it
    await send({"type": "http.response.start", "status": 200})
    await send({"type": "http.response.body", "body": b"%d" % os.getpid()})
"""
def wait_for(pattern: str) -> int:  # reads the server's log
    for line in server.stderr:
        if found := re.search(pattern, line):
            return int(found[1])


folder = tempfile.TemporaryDirectory()
Path(folder.name, "tiny.py").write_text(APP)
# --8<-- [start:show]
# uvicorn tiny:app --workers 2
# (Gunicorn: -w 2 -k uvicorn_worker.UvicornWorker, or -k asgi)
server = subprocess.Popen(
    [sys.executable, "-m", "uvicorn", "tiny:app",
     "--app-dir", folder.name, "--port", "0", "--workers", "2",
     "--lifespan", "off", "--no-access-log"],
    stderr=subprocess.PIPE, text=True)
port = wait_for(r"running on http://127.0.0.1:(\d+)")
parent = wait_for(r"Started parent process \[(\d+)\]")
STARTED = r"Started server process \[(\d+)\]"
workers = [wait_for(STARTED) for _ in range(2)]
url = f"http://127.0.0.1:{port}/"
served_by = {int(httpx2.get(url).text) for _ in range(6)}
print(f"workers={len(workers)}",
      f"parent_serves={parent in served_by}")
#> workers=2 parent_serves=False
print(f"every_reply_from_a_worker={served_by <= set(workers)}")
#> every_reply_from_a_worker=True

os.kill(workers[0], signal.SIGKILL)  # a worker crashes...
replacement = wait_for(STARTED)
print(f"new_worker_started={replacement not in workers}")
#> new_worker_started=True
# --8<-- [end:show]
server.send_signal(signal.SIGTERM)  # what Docker or Kubernetes sends on stop
print(f"clean_exit={server.wait(timeout=5) == 0}")
#> clean_exit=True
