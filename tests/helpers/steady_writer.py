"""A writer that commits one class every 0.1 s through Ledger.transaction, printing "committed N"."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.store.ledger import Ledger
from desktop_app.store.models import SchoolClass


def main(data_dir: str, start: int) -> None:
    ledger = Ledger(Path(data_dir))  # already upgraded by the test; opening must not take a backup
    print("ready", flush=True)
    number = start
    while True:
        with ledger.transaction("school_class") as session:
            session.add(SchoolClass(name=f"写入{number}班", grade="高一"))
        print(f"committed {number}", flush=True)
        number += 1
        time.sleep(0.1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
