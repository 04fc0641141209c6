"""Users of a shared ledger: the secretary's account, grade-office accounts, and logging in.

Passwords are kept as scrypt hashes (hashlib.scrypt) with their salt and cost parameters, never
as text. Logging in sets `Ledger.user` (named in every record's entered_by / changed_by) and
`Ledger.role`, which the store checks in every write transaction (store/access.py). Only the
secretary may write this table: the same check refuses a grade office.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.roles import Role
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.users import AppUser

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MiB and a few tens of ms per try
HASH_BYTES, SALT_BYTES = 64, 16
MIN_PASSWORD = 6
WRONG_LOGIN = "用户名或密码不正确（或账号已停用），请重新输入。"


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    role: Role
    department: str | None
    active: bool

    @property
    def label(self) -> str:
        """'高一年级组（年级组）' for the title bar and lists."""
        return f"{self.name}（{self.department or self.role.label}）" if self.role is Role.GRADE_OFFICE \
            else f"{self.name}（{self.role.label}）"


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024,
                          dklen=HASH_BYTES)


def _set_password(user: AppUser, password: str) -> None:
    salt = secrets.token_bytes(SALT_BYTES)
    user.password_salt, user.scrypt_n, user.scrypt_r, user.scrypt_p = salt.hex(), SCRYPT_N, SCRYPT_R, SCRYPT_P
    user.password_hash = _hash(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex()


def _matches(user: AppUser, password: str) -> bool:
    tried = _hash(password, bytes.fromhex(user.password_salt), user.scrypt_n, user.scrypt_r, user.scrypt_p)
    return hmac.compare_digest(tried.hex(), user.password_hash)


def _row(user: AppUser) -> UserRow:
    return UserRow(user.id, user.name, Role(user.role), user.department, user.active)


def _password_problems(password: str) -> list[FieldProblem]:
    return [FieldProblem("密码", f"至少 {MIN_PASSWORD} 个字符")] if len(password) < MIN_PASSWORD else []


def has_users(ledger: Ledger) -> bool:
    """False for a ledger nobody logs in to yet (her own file, or a server ledger before its first account)."""
    with ledger.reading() as session:
        return bool(session.scalar(select(func.count()).select_from(AppUser)))


def list_users(ledger: Ledger) -> list[UserRow]:
    with ledger.reading() as session:
        return [_row(u) for u in session.scalars(select(AppUser).order_by(AppUser.role.desc(), AppUser.name))]


def add_user(ledger: Ledger, name: str, role: Role, password: str, department: str | None = None) -> int:
    """A new account; ValidationError for a missing name or department, a short password or a taken name."""
    name, department = name.strip(), (department or "").strip() or None
    problems = [] if name else [FieldProblem("用户名", "必须填写")]
    if role is Role.GRADE_OFFICE and not department:
        problems.append(FieldProblem("年级组", "必须填写（例如 高一年级组）"))
    problems += _password_problems(password)
    if problems:
        raise ValidationError(problems)
    with ledger.transaction() as session:
        if session.scalar(select(AppUser.id).where(AppUser.name == name)) is not None:
            raise ValidationError([FieldProblem("用户名", f"“{name}”已经有了，请换一个")])
        user = AppUser(name=name, role=Role(role).value, department=department, active=True)
        _set_password(user, password)
        session.add(user)
        session.flush()
        return user.id


def create_first_secretary(ledger: Ledger, name: str, password: str) -> UserRow:
    """The first account of a server ledger: the secretary's own, and she is logged in with it."""
    if has_users(ledger):
        raise UserError("这个台账已经有账号了，请用已有的账号登录。")
    add_user(ledger, name, Role.SECRETARY, password)
    return log_in(ledger, name, password)


def log_in(ledger: Ledger, name: str, password: str) -> UserRow:
    """Check the password; the ledger then writes as this user in this role. UserError when wrong."""
    with ledger.reading() as session:
        user = session.scalar(select(AppUser).where(AppUser.name == name.strip()))
        if user is None or not user.active or not _matches(user, password):
            raise UserError(WRONG_LOGIN)
        row = _row(user)
    ledger.user, ledger.role = row.name, row.role.value
    return row


def reset_password(ledger: Ledger, user_id: int, password: str) -> None:
    problems = _password_problems(password)
    if problems:
        raise ValidationError(problems)
    with ledger.transaction() as session:
        _set_password(_user(session, user_id), password)


def set_active(ledger: Ledger, user_id: int, active: bool) -> None:
    """停用 (or 启用) an account; the logged-in user's own account stays active."""
    with ledger.transaction() as session:
        user = _user(session, user_id)
        if not active and user.name == ledger.user:
            raise UserError("不能停用正在使用的账号。")
        user.active = active


def _user(session, user_id: int) -> AppUser:  # noqa: ANN001
    user = session.get(AppUser, user_id)
    if user is None:
        raise NotFound("该账号已不存在。")
    return user
