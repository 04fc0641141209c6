"""A dialog that runs one BackgroundTask at a time (import, export): while it runs, 取消/关闭,
Esc and ✕ mean 停止, and closing the dialog waits for the job to notice."""

from __future__ import annotations

from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.widgets.form_dialog import FittedDialog


class TaskDialog(FittedDialog):
    task: BackgroundTask | None = None

    @property
    def busy(self) -> bool:
        """True from starting a job until its result reached the GUI thread."""
        return self.task is not None

    def reject(self) -> None:
        if self.busy:  # 停止: the job sees the request at its next progress report
            self.task.cancel()
            return
        super().reject()

    def done(self, code: int) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30)
        super().done(code)
