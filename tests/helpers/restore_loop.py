"""Restores two backups in turn until killed, printing "restored NAME" after each completes."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.services.backups import restore


def main(data_dir: str, first: str, second: str) -> None:
    print("ready", flush=True)
    sources = [Path(first), Path(second)]
    turn = 0
    while True:
        source = sources[turn % 2]
        ledger, _result = restore(Path(data_dir), source)
        ledger.close()
        print(f"restored {source.name}", flush=True)
        turn += 1


if __name__ == "__main__":
    main(*sys.argv[1:4])
