"""Holds a data folder's lock (as a window would) until killed; prints "locked" once it has it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.store.folder_lock import FolderLock


def main(data_dir: str) -> None:
    lock = FolderLock(Path(data_dir))
    print("locked" if lock.take() else "refused", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1])
