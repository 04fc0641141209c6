"""检查台账: is a ledger file whole (integrity, foreign keys) and readable by this version?

Read-only: it never opens the file through the upgrade path, so checking changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.services.errors import UserError
from desktop_app.store.backup import integrity_problems, is_sqlite_file
from desktop_app.store.schema import LedgerError, check_not_too_new, current_revision


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: list[str]
    revision: str | None  # None for a file without tables yet

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            version = f"（数据版本 {self.revision}）" if self.revision else "（空台账）"
            return f"正常：{self.path}{version}"
        return "\n".join([f"发现问题：{self.path}"] + [f"  - {problem}" for problem in self.problems])


def check_ledger_file(path: Path) -> CheckResult:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。")
    revision = None
    if not is_sqlite_file(path):
        problems = ["不是 SQLite 数据库文件（文件头已损坏或不是台账文件）"]
    else:
        problems = integrity_problems(path)
        if not problems:
            try:
                revision = current_revision(path)
                check_not_too_new(revision)
            except LedgerError as exc:
                problems = [str(exc)]
    return CheckResult(path, problems, revision)
