"""One window per ledger: the data folder's lock, and a local socket that raises the running window.

The first window takes the folder's lock and listens on a local server named after the folder.
A second launch on the same folder cannot take the lock; it asks the running window to come to
the front and exits.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.store.folder_lock import FolderLock

log = logging.getLogger(__name__)
RAISE_REQUEST = b"raise\n"
CONNECT_MS = 3000


def server_name(data_dir: Path) -> str:
    """The same name for the same folder, however it was spelt (resolved, case kept)."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:20]
    return f"branch-ledger-{digest}"


class InstanceGuard(QObject):
    raised = Signal()  # the running window was brought to the front for a second launch

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = FolderLock(self.data_dir)
        self.name = server_name(self.data_dir)
        self._server = None  # a QLocalServer once serving
        self._window: QWidget | None = None

    def claim(self) -> bool:
        """True when this launch owns the folder (a crashed window's stale lock is taken over).

        In a read-only folder no lock file can be made; the window opens the ledger read-only.
        """
        return self.lock.take() or self.lock.cannot_write()

    def holder(self) -> int | None:
        return self.lock.holder()

    def serve(self, window: QWidget) -> None:
        """Listen for later launches; each one raises `window`."""
        from PySide6.QtNetwork import QLocalServer  # after the first paint: the window needs no network first

        self._window = window
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed window (POSIX)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.UserAccessOption)
        if not self._server.listen(self.name):
            log.warning("single-instance server not listening: %s", self._server.errorString())
            return
        self._server.newConnection.connect(self._on_connection)

    def ask_running_to_raise(self) -> bool:
        """From a second launch: ask the window that holds the folder to come to the front."""
        from PySide6.QtNetwork import QLocalSocket  # only a second launch asks

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(RAISE_REQUEST)
        socket.flush()  # often writes everything at once; waitForBytesWritten then has nothing to wait for
        if socket.bytesToWrite():
            socket.waitForBytesWritten(CONNECT_MS)
        written = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        return written

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self.lock.release()

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # The request is one short line sent right after connecting: read it here, no lambdas
            # holding sockets that the server may already have deleted.
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                request = bytes(socket.readAll().data())
            else:
                request = b""
            socket.disconnectFromServer()
            socket.deleteLater()
            if request.strip() == RAISE_REQUEST.strip() and self._window is not None:
                bring_to_front(self._window)
                self.raised.emit()


def bring_to_front(window: QWidget) -> None:
    window.setWindowState((window.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
