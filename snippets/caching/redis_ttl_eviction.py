import shutil
import socket
import subprocess
import sys
import time

import redis

if shutil.which("redis-server") is None:
    sys.exit("redis-server is not installed: install Debian's redis-server")
with socket.socket() as probe:  # a free port for a private server
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen(
    ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no",
     "--maxmemory", "2mb", "--maxmemory-policy", "noeviction"],
    stdout=subprocess.DEVNULL)
r = redis.Redis(port=port, decode_responses=True)
for _ in range(50):
    try:
        r.ping()
        break
    except redis.ConnectionError:
        time.sleep(0.05)

# --8<-- [start:show]
r.set("otp:ada", "123456", px=100)  # TTL: gone 100 ms later
time.sleep(0.2)
print(r.get("otp:ada"))
#> None

value = "x" * 1024
try:
    for n in range(5000):  # about 5 MB into a 2 MB server
        r.set(f"page:{n}", value)
except redis.exceptions.OutOfMemoryError as error:
    print(type(error).__name__, "-", str(error).split(" > ")[0])
    #> OutOfMemoryError - command not allowed when used memory

r.config_set("maxmemory-policy", "allkeys-lru")
for n in range(5000):
    r.set(f"page:{n}", value)  # no error now: old keys make room
evicted = r.info("stats")["evicted_keys"]
print(f"allkeys-lru evicted={evicted > 0} kept={r.dbsize() < 5000}")
#> allkeys-lru evicted=True kept=True
# --8<-- [end:show]
server.terminate()
server.wait()
