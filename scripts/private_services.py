"""Throwaway PostgreSQL and Redis servers, and the demo run as deployed (a real uvicorn process),
for the fault tests (demo/tests/test_faults.py) and the load benchmark (scripts/load_benchmark.py).

Each server is private: its own free port and temporary folder, so stopping or restarting it
never touches the shared services that scripts/services starts for everyone else.

- PrivateRedis: `redis-server --save '' --appendonly no` as a child process; stop() and start().
- PrivatePostgres: a cluster made with Debian's initdb and pg_ctl (run as the `postgres` user when
  we are root, since PostgreSQL refuses to run as root), trust auth on 127.0.0.1 only.
- DemoServer: `uvicorn startups_api.main:create_app --factory --workers N` with cwd demo/.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEMO = PROJECT / "demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout: float, what: str, interval: float = 0.05) -> None:
    """Polls check() until it is true; raises TimeoutError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(interval)
    raise TimeoutError(f"{what} not within {timeout} s")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Started:
    """A process started on entry and cleaned up on exit, also when starting it fails halfway."""

    def start(self) -> None:
        raise NotImplementedError

    def cleanup(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()


class PrivateRedis(Started):
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: port_open(self.port), 10, f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def cleanup(self) -> None:
        self.stop()


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise FileNotFoundError("no pg_ctl: install Debian's postgresql package")


class PrivatePostgres(Started):
    """A cluster in a temporary folder; trust auth, so the URL needs no password."""

    def __init__(self, fsync: bool = False) -> None:
        self.port = free_port()
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="private-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:  # the server refuses root; the folder must belong to the user running it
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        user = "postgres"
        self.url = f"postgresql+asyncpg://{user}@127.0.0.1:{self.port}/postgres"
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        if not fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self.options = options
        self.run(["initdb", "-D", str(self.data), "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync"])

    def run(self, command: list[str], timeout: float = 60) -> None:
        command = [str(self.bin / command[0]), *command[1:]]
        if self.as_root:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.folder)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{shlex.join(command)} failed:\n{result.stdout}{result.stderr}{log}")

    def start(self) -> None:
        self.run(["pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", self.options, "-w", "-t", "30", "start"])

    def stop(self, mode: str = "fast") -> None:
        self.run(["pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop"])

    def restart(self) -> None:
        self.run(["pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", self.options, "-m", "fast",
                  "-w", "-t", "30", "restart"])

    def cleanup(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop("immediate")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)



def prepare_database(database_url: str) -> None:
    """Creates the tables and loads the bundled rows once, before several workers start at the
    same moment (each worker's lifespan then finds everything there and adds nothing)."""
    code = (
        "import asyncio, sys\n"
        "from startups_api import auth\n"
        "from startups_api.data import startup_rows\n"
        "from startups_api.db import create_and_load, make_engine\n"
        "from startups_api.settings import get_settings\n"
        "async def main():\n"
        "    engine = make_engine(sys.argv[1])\n"
        "    password = get_settings().demo_password.get_secret_value()\n"
        "    await create_and_load(engine, startup_rows(), auth.hash_password(password))\n"
        "    await engine.dispose()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", code, database_url], cwd=DEMO, check=True, timeout=60,
                   env={**os.environ, "DATABASE_URL": database_url})


class DemoServer(Started):
    """`uvicorn startups_api.main:create_app --factory` on 127.0.0.1, logging to a file."""

    def __init__(self, env: dict[str, str], workers: int = 1, extra_args: list[str] | None = None) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.folder = Path(tempfile.mkdtemp(prefix="demo-uvicorn-"))
        self.log_path = self.folder / "uvicorn.log"
        self.env = {**os.environ, **env}
        self.extra_args = extra_args or []
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        command = [
            sys.executable, "-m", "uvicorn", "startups_api.main:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
            "--no-access-log", *self.extra_args,
        ]
        self.log_file = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, cwd=DEMO, env=self.env, stdout=self.log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)

        def ready() -> bool:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            if len(self.worker_pids()) < self.workers:
                return False
            with urllib.request.urlopen(f"{self.base_url}/health/live", timeout=2) as response:
                return response.status == 200

        wait_for(ready, timeout, f"the demo on port {self.port}", interval=0.1)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def worker_pids(self) -> list[int]:
        """The workers now serving: each logs 'Application startup complete' after its
        'Started server process [pid]' line, and the supervisor logs 'Child process [pid] died'."""
        text = self.log()
        started = [int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", text)]
        died = {int(pid) for pid in re.findall(r"Child process \[(\d+)\] died", text)}
        return [pid for pid in started if pid not in died and pid_alive(pid)]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        if self.process:
            self.log_file.close()
        self.process = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)



def pid_alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead but not yet reaped
    except FileNotFoundError:
        return False
