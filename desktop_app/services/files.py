"""Writing a file so that it appears whole or not at all.

Every file the app writes for the user (workbooks, PDFs, Word files, templates, reports, backups)
goes to a temporary name in the target's own folder, is flushed to disk, and only then renamed
onto the final name: a crash, a kill or a full disk leaves the previous file as it was. The
temporary names end in `.partial` so leftovers of a crash can be recognised and removed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.services.errors import UserError

PARTIAL_SUFFIX = ".partial"
PRIVATE_FILE_MODE = 0o600


def partial_name(path: Path) -> Path:
    """A fresh temporary name beside `path` (unique, so two writers never share one)."""
    return path.with_name(f"{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


@contextmanager
def atomic_output(path: os.PathLike | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on any error it is removed.

    The caller writes the whole file to the yielded path (by any library); nothing is visible under
    `path` until the block has finished without an error.
    """
    path = Path(path)
    partial = partial_name(path)
    try:
        yield partial
        _fsync(partial)
        _make_private(partial)
        os.replace(partial, path)
        _fsync_folder(path.parent)
    except PermissionError as exc:
        _discard(partial)
        raise UserError(f"无法保存“{path}”：文件可能正在被其他程序打开，或文件夹没有写入权限。") from exc
    except OSError as exc:
        _discard(partial)
        raise UserError(f"无法保存“{path}”：{_reason(exc)}") from exc
    except BaseException:
        _discard(partial)
        raise


def atomic_write_bytes(path: os.PathLike | str, data: bytes) -> Path:
    with atomic_output(path) as partial:
        partial.write_bytes(data)
    return Path(path)


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == errno.EROFS:
        return "该位置只读"
    if exc.errno == errno.ENOENT:
        return "文件夹不存在"
    return exc.strerror or str(exc)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _make_private(path: Path) -> None:
    if os.name == "posix":
        try:
            path.chmod(PRIVATE_FILE_MODE)
        except OSError:
            pass


def _discard(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:
        pass
