"""连接服务器台账: which PostgreSQL ledger this computer opens instead of the data folder's file.

The setting lives in the data folder as `server.json` (server, port, database, user name). The
password is never written to a file: the window asks for it each time it connects. Without the
setting the data folder's own ledger file is opened, as always.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.files import atomic_write_bytes
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.reasons import reason
from desktop_app.store.schema import LedgerError

SETTING_FILENAME = "server.json"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerConnection:
    host: str
    port: int
    database: str
    user: str

    @property
    def label(self) -> str:
        """'ledger（dangjian@192.168.1.10:5432）' for titles and messages (never the password)."""
        return f"{self.database}（{self.user}@{self.host}:{self.port}）"

    def url(self, password: str) -> str:
        return URL.create("postgresql+psycopg", username=self.user, password=password or None, host=self.host,
                          port=self.port, database=self.database).render_as_string(hide_password=False)

    def problems(self) -> list[FieldProblem]:
        missing = [FieldProblem(label, "必须填写") for label, value in
                   (("服务器", self.host), ("数据库", self.database), ("用户名", self.user)) if not value.strip()]
        if not 0 < self.port < 65536:
            missing.append(FieldProblem("端口", "应在 1–65535 之间（PostgreSQL 通常是 5432）"))
        return missing


def load_connection(data_dir: Path) -> ServerConnection | None:
    """The server this computer connects to, or None to open the data folder's own ledger."""
    path = Path(data_dir) / SETTING_FILENAME
    if not path.exists():
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return ServerConnection(str(stored["host"]), int(stored["port"]), str(stored["database"]), str(stored["user"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"服务器台账的设置文件“{path}”无法读取（{reason(exc)}），请重新设置连接，"
                        "或删除这个文件改用本机台账。") from exc


def connect(data_dir: Path, connection: ServerConnection, password: str) -> Ledger:
    """Open the server ledger (upgraded to this version's schema) and remember the setting, not the password."""
    problems = connection.problems()
    if problems:
        raise ValidationError(problems)
    try:
        ledger = open_ledger(connection.url(password))
    except LedgerError as exc:
        raise UserError(f"{exc}\n仍在使用原来的台账，没有改动。") from exc
    try:
        atomic_write_bytes(Path(data_dir) / SETTING_FILENAME,
                           json.dumps(asdict(connection), ensure_ascii=False, indent=1).encode("utf-8"))
    except UserError:
        ledger.close()
        raise
    return ledger


def forget_connection(data_dir: Path) -> None:
    """Back to the data folder's own ledger file at the next start (and now)."""
    try:
        (Path(data_dir) / SETTING_FILENAME).unlink(missing_ok=True)
    except OSError as exc:
        raise UserError(f"无法删除服务器台账的设置文件（{reason(exc)}）。") from exc
