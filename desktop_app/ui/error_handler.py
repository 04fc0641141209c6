"""One place for unexpected errors in the window: log them, tell the user, keep running."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from desktop_app.store.reasons import reason
from desktop_app.store.schema import LedgerError
from desktop_app.ui import messages

log = logging.getLogger("desktop_app.unexpected")

USER_TEXT = (
    "程序遇到了一个意外错误，刚才的操作没有完成，已保存的数据不受影响。\n"
    "可以继续使用；如果问题反复出现，请把数据文件夹中 logs 里的日志发给技术支持。\n\n"
    "错误类型：{kind}"
)


def report_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    # The traceback goes to the log (it names code, not people); the message names only the type.
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    try:
        known = known_reason(value)
        if known:
            messages.error(None, "操作没有完成", known)
            return
        messages.error(None, "意外错误", USER_TEXT.format(kind=kind.__name__))
    except Exception:  # the handler itself must never raise
        log.exception("could not show the error message")


def known_reason(value: BaseException) -> str | None:
    """A file or database problem she can act on (read-only folder, full disk, locked ledger), in Chinese."""
    if isinstance(value, LedgerError):
        return str(value)
    if isinstance(value, (sqlite3.Error, SQLAlchemyError, OSError)):
        return f"刚才的操作没有完成，已保存的数据不受影响。\n原因：{reason(value)}"
    return None


def install_error_handler() -> None:
    def hook(kind, value, tb):  # noqa: ANN001
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        report_unexpected(kind, value, tb)

    sys.excepthook = hook
