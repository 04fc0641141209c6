"""The throw-away PostgreSQL cluster never outlives the test process, even one that was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent

STARTER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pg_cluster import Cluster
cluster = Cluster().start()
print(cluster.folder, cluster.port, flush=True)
time.sleep(600)
"""


def _server_answers(port: str) -> bool:
    try:
        psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", connect_timeout=2).close()
    except psycopg.OperationalError:
        return False
    return True


def test_a_killed_test_process_leaves_no_server_and_no_folder_behind():
    starter = subprocess.Popen([sys.executable, "-c", STARTER, str(HERE)], stdout=subprocess.PIPE, text=True)
    folder, port = starter.stdout.readline().split()
    assert _server_answers(port)
    os.kill(starter.pid, signal.SIGKILL)  # no atexit, no fixture teardown
    starter.wait()
    starter.stdout.close()
    for _ in range(30):  # the watchdog looks once a second
        if not Path(folder).exists():
            break
        time.sleep(0.5)
    assert not Path(folder).exists()
    assert not _server_answers(port)
