"""One window per data folder: a second launch asks the running one to come forward, then exits.

The running app listens on a local socket in the data folder, readable by this user only. A socket left
behind by a crash answers no one, so it is removed and claimed again rather than blocking the next start.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ui.qt import QLocalServer, QLocalSocket, QObject, Signal
from wellbeing_app.errors import InvalidInput
from wellbeing_app.paths import ensure_private_dir

SOCKET_NAME = "window.socket"
# sun_path holds 108 bytes on Linux and 104 on macOS; longer folders use a name Qt places in its temp folder.
MAX_SOCKET_PATH = 100
CONNECT_TIMEOUT_MS = 500
RAISE_MESSAGE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """The socket's path inside the data folder, or a name derived from it where that path is too long."""
    path = data_dir.resolve() / SOCKET_NAME
    if len(str(path).encode()) <= MAX_SOCKET_PATH:
        return str(path)
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:24]
    return f"wellbeing-app-{digest}"


def ask_running_window(name: str) -> bool:
    """Whether a running app answered on ``name`` and was asked to bring its window forward."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(RAISE_MESSAGE)
    socket.flush()
    if socket.bytesToWrite():
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Claim the data folder for this process, or hand over to the process that holds it."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def claim(self) -> bool:
        """True when this process now owns the folder; False when a running app was asked to come forward.

        When the socket cannot be created at all (a folder that cannot be written, say) the app still starts:
        a window is better than none, and opening the vault will explain what is wrong with the folder.
        """
        try:
            ensure_private_dir(self.data_dir)
        except InvalidInput:
            return True
        if ask_running_window(self.name):
            return False
        if self._server.listen(self.name):
            return True
        # Nobody answered, so what is there is stale (a crash, a power cut): remove it and listen again.
        QLocalServer.removeServer(self.name)
        self._server.listen(self.name)
        return True

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def release(self) -> None:
        """Stop listening (the socket file goes) and drop any connection still open."""
        self._server.close()
        for connection in self._server.findChildren(QLocalSocket):
            connection.abort()
            connection.deleteLater()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(self._read)
            connection.disconnected.connect(connection.deleteLater)

    def _read(self) -> None:
        connection = self.sender()
        if isinstance(connection, QLocalSocket) and bytes(connection.readAll().data()).startswith(b"raise"):
            self.activation_requested.emit()
