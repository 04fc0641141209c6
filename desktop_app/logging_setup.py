"""A rotating log file in the data folder. Log events and counts, never names, IDs or phones."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.paths import ensure_private_dir

LOG_DIRNAME = "logs"
_HANDLER_NAME = "branch-ledger-file"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    folder = ensure_private_dir(Path(data_dir) / LOG_DIRNAME)
    path = folder / "ledger.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
