"""Saving a workbook without ever leaving a half-written file behind."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from desktop_app.services.errors import UserError


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Write to a temp file next to the target, then replace it; a clear message on failure."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    except PermissionError as exc:
        _discard(partial)
        raise UserError(f"无法保存“{path}”：文件可能正在被 Excel 打开，或文件夹没有写入权限。") from exc
    except OSError as exc:
        _discard(partial)
        raise UserError(f"无法保存“{path}”：{exc.strerror or exc}") from exc
    return path


def _discard(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:
        pass
