import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import redis

if shutil.which("redis-server") is None:
    sys.exit("redis-server is not installed: install Debian's redis-server")


def start(folder: str, *persistence: str) -> tuple:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(["redis-server", "--port", str(port), "--dir",
                               folder, *persistence], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port, decode_responses=True)
    for _ in range(100):
        try:
            client.ping()
            return server, client
        except redis.ConnectionError:
            time.sleep(0.02)
    sys.exit("redis-server did not start")


# --8<-- [start:show]
MODES = {
    "none": ["--save", "", "--appendonly", "no"],
    "rdb": ["--save", "", "--appendonly", "no"],  # SAVE below
    "aof": ["--save", "", "--appendonly", "yes",
            "--appendfsync", "always"],
}
for mode, options in MODES.items():
    with tempfile.TemporaryDirectory() as folder:
        server, r = start(folder, *options)
        r.set("before", "1")
        if mode == "rdb":
            r.save()  # point-in-time snapshot to dump.rdb
        r.set("after", "2")
        server.send_signal(signal.SIGKILL)  # a crash
        server.wait()
        server, r = start(folder, *options)
        print(f"{mode}: survived={sorted(r.keys())}")
        #> none: survived=[]
        #> rdb: survived=['before']
        #> aof: survived=['after', 'before']
# --8<-- [end:show]
        server.terminate()
        server.wait()
