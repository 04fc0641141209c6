"""Run slow work (a large import, a batch of prints, the dashboard's figures) off the GUI thread.

`BackgroundTask(job)` runs `job(progress)` on a pool thread; `progress(done, total)` reports
back (total 0 = unknown) and raises the job's cancellation error once `cancel()` was called.
Results come back as Qt signals, delivered on the GUI thread: the job never touches widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.services.errors import UserError

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int], None]], Any]


class TaskCancelled(Exception):
    """Raised inside a job by `progress()` once the user asked to stop."""


class TaskSignals(QObject):
    progress = Signal(int, int)  # done, total (0: unknown)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user, in Chinese
    cancelled = Signal()


class BackgroundTask(QRunnable):
    def __init__(self, job: Job, *, cancelled_error: type[Exception] = TaskCancelled,
                 failure_message: str = "发生了意外错误，没有写入任何数据。详情已记入日志文件。"):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the dialog keeps a reference
        self.signals = TaskSignals()
        self._job = job
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._cancelled_error = cancelled_error
        self._failure_message = failure_message  # what the user reads when the job breaks unexpectedly

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ended (used when a window closes during work)."""
        return self._done.wait(timeout)

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise self._cancelled_error()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except self._cancelled_error:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:
            log.exception("background task failed")
            self.signals.failed.emit(self._failure_message)
        else:
            self.signals.finished.emit(result)
        finally:
            self._done.set()
