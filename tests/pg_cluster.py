"""A throw-away PostgreSQL cluster for the tests: initdb in a temp folder, pg_ctl on a free local port.

The binaries come from the distribution's `postgresql` package (.ci/run installs it); their absence
is a failure, not a skip. As root, initdb and pg_ctl run as the `postgres` user (they refuse root).

The server never outlives the test run: `stop()` runs at the fixture's end and again at exit
(atexit), and a watchdog process, started in its own session so Ctrl+C does not reach it, stops the
server and removes its folder once the test process is gone, even if that process was killed or
aborted (Qt aborts the whole process on some asserts).
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found and shutil.which("initdb"):
        found = [shutil.which("initdb")]
    if not found:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) are missing: apt-get install -y postgresql")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bin = _binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="ledger-pg-"))
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        self._stopped = False
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")

    def _command(self, *args: str) -> list[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        return ["runuser", "-u", "postgres", "--", *command] if self._as_postgres else command

    def _run(self, *args: str) -> None:
        subprocess.run(self._command(*args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def _stop_command(self) -> list[str]:
        return self._command("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def start(self) -> "Cluster":
        data = str(self.folder / "data")
        self._run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale",
                  "--no-sync")
        self._run("pg_ctl", "-D", data, "-l", str(self.folder / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.folder} -h 127.0.0.1 -c fsync=off -c full_page_writes=off", "start")
        atexit.register(self.stop)
        self._watch()
        return self

    def _watch(self) -> None:
        """A process that stops the server once this one has ended, however it ended."""
        script = ("import os, shutil, subprocess, sys, time\n"
                  "parent, folder, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3:]\n"
                  "while os.path.exists(f'/proc/{parent}') and os.path.isdir(folder):\n"
                  "    time.sleep(1)\n"
                  "if os.path.isdir(folder):\n"
                  "    subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                  "    shutil.rmtree(folder, ignore_errors=True)\n")
        self._watchdog = subprocess.Popen([sys.executable, "-c", script, str(os.getpid()), str(self.folder), *self._stop_command()],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        try:
            subprocess.run(self._stop_command(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self._watchdog.wait(timeout=10)  # it sees the folder gone within a second

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def fresh_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of `template` (a database nobody is connected to); its URL."""
        import psycopg

        name = "ledger_" + uuid.uuid4().hex[:12]
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)
