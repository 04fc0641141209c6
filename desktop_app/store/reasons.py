"""SQLite, PostgreSQL and operating-system errors in words the secretary can act on, in Chinese."""

from __future__ import annotations

import errno
from pathlib import Path

# (fragment of SQLite's English message, what it means for her)
_SQLITE_REASONS = (
    ("database is locked", "台账正被另一个程序（或另一个窗口）写入，请稍后再试"),
    ("database table is locked", "台账正被另一个程序（或另一个窗口）写入，请稍后再试"),
    ("disk i/o error", "读写磁盘出错（磁盘或网络文件夹可能有问题）"),
    ("database or disk is full", "磁盘空间已满，请清理磁盘或换一个位置"),
    ("readonly", "没有写入权限（文件夹可能是只读的，或文件正被其他程序占用）"),
    ("read-only", "没有写入权限（文件夹可能是只读的，或文件正被其他程序占用）"),
    ("file is not a database", "不是 SQLite 数据库文件（文件已损坏或不是台账文件）"),
    ("malformed", "数据文件已损坏"),
    ("unable to open", "无法打开文件（文件夹不存在、不可写，或路径有误）"),
    ("unique constraint failed", "与已有记录重复"),
    ("foreign key constraint failed", "引用的记录已不存在"),
    ("not null constraint failed", "缺少必须的内容"),
)
# (fragment of libpq's English message when there is no SQLSTATE yet: connecting, what it means for her)
_SERVER_REASONS = (
    ("password authentication failed", "用户名或密码不对"),
    ("no password supplied", "需要输入密码"),
    ("does not exist", "服务器上没有这个数据库或用户，请核对数据库名和用户名"),
    ("connection refused", "服务器没有响应（地址或端口不对，或服务器没有开）"),
    ("timeout expired", "连接服务器超时（网络不通，或地址不对）"),
    ("could not translate host name", "找不到这个服务器地址，请核对"),
    ("no pg_hba.conf entry", "服务器不允许这台电脑连接，请联系数据库管理员"),
)
# PostgreSQL's SQLSTATE (psycopg's `sqlstate`): exact codes first, then classes (the first two characters)
_SQLSTATE_REASONS = {
    "23505": "与已有记录重复",
    "23503": "引用的记录已不存在",
    "23502": "缺少必须的内容",
    "40001": "另一位同事同时修改了相关记录，请重试",
    "40P01": "另一位同事同时修改了相关记录，请重试",
    "53100": "服务器磁盘空间已满，请联系管理员",
    "28P01": "用户名或密码不对",
    "42501": "没有权限做这项操作",
    "08": "无法连接台账服务器（网络断开或服务器未开）",
    "57": "台账服务器正在关闭或重启，请稍后再试",
}
_OS_REASONS = {
    errno.EACCES: "没有读写权限（文件夹可能是只读的，或文件正被其他程序占用）",
    errno.EPERM: "没有读写权限（文件夹可能是只读的，或文件正被其他程序占用）",
    errno.EROFS: "没有写入权限（磁盘或文件夹是只读的）",
    errno.ENOSPC: "磁盘空间已满，请清理磁盘或换一个位置",
    errno.EDQUOT: "磁盘空间已满（超出了磁盘配额），请清理磁盘或换一个位置",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EEXIST: "路径中有一部分不是文件夹（已有同名的文件）",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EIO: "读写磁盘出错（磁盘或网络文件夹可能有问题）",
    errno.EBUSY: "文件正被其他程序占用",
}


def reason(exc: BaseException) -> str:
    """The cause of `exc` in Chinese; the original text only when nothing better is known."""
    exc = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    code = getattr(exc, "errno", None)
    if isinstance(exc, PermissionError) and code not in _OS_REASONS:
        code = errno.EACCES
    if code in _OS_REASONS:
        return _OS_REASONS[code]
    state = getattr(exc, "sqlstate", None) or ""
    if state[:5] in _SQLSTATE_REASONS or state[:2] in _SQLSTATE_REASONS:
        return _SQLSTATE_REASONS.get(state[:5]) or _SQLSTATE_REASONS[state[:2]]
    text = str(exc).lower()
    for fragment, meaning in _SQLITE_REASONS + _SERVER_REASONS:
        if fragment in text:
            return meaning
    first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
    return first_line or type(exc).__name__


def about_file(action: str, path: Path | str, exc: BaseException) -> str:
    """'无法保存“名册.xlsx”（/home/…/名册.xlsx）：磁盘空间已满…' — the file and the cause."""
    path = Path(path)
    return f"无法{action}“{path.name}”（{path}）：{reason(exc)}"
