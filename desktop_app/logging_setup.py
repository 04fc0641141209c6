"""A rotating log file in the data folder. Log events and counts, never names, IDs or phones."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.paths import ensure_private_dir

LOG_DIRNAME = "logs"
_HANDLER_NAME = "branch-ledger-file"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # ledger.log.1 … ledger.log.5


# A safety net under the rule "log events and counts only": database errors quote their
# parameters (names, phones), and a traceback may quote a value. Names cannot be spotted
# reliably, so the code must not log them; numbers that identify a person can be.
_REDACTIONS = (
    (re.compile(r"\[parameters: [^\n]*\]"), "[parameters: 已隐去]"),
    (re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])"), "[身份证号已隐去]"),
    (re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"), "[电话已隐去]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    folder = ensure_private_dir(Path(data_dir) / LOG_DIRNAME)
    path = folder / "ledger.log"
    stop_logging()
    root = logging.getLogger()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def stop_logging() -> None:
    """Detach and close the log file handler (tests, and before a data folder is removed)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
