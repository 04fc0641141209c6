"""A rotating log file in the data folder. Log events and counts, never names, IDs or phones."""

from __future__ import annotations

import logging
import os
import re
import tempfile
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


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to DATA/logs/ledger.log; if that folder cannot be written (a read-only data folder or
    log), to a private folder in the system's temp folder; None when no file can be written.
    Logging never stops the program."""
    stop_logging()
    root = logging.getLogger()
    root.setLevel(level)
    for folder in (Path(data_dir) / LOG_DIRNAME, fallback_log_dir()):
        try:
            path = ensure_private_dir(folder) / "ledger.log"
            if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
                continue  # someone else's folder in a shared temp folder: never log there
            handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        except OSError:
            continue
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        if folder != Path(data_dir) / LOG_DIRNAME:
            logging.getLogger(__name__).warning("data folder's log not writable; logging to the temp folder")
        return path
    return None


def fallback_log_dir() -> Path:
    """Per user: Windows' temp folder is the user's own; on POSIX the folder carries the uid."""
    suffix = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    return Path(tempfile.gettempdir()) / f"branch-ledger-logs{suffix}"


def stop_logging() -> None:
    """Detach and close the log file handler (tests, and before a data folder is removed)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
