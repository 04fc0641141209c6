"""Attachments kept in the ledger for any record, named by (owner kind, owner id).

Writes happen inside the owner's own transaction (`add_in`, `remove_in`, `delete_for`), so a
record and its files are saved or discarded together. Reading lists sizes without loading
the files; `read` loads one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop_app.services.errors import NotFound, UserError
from desktop_app.services.files import atomic_write_bytes
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.attachments import Attachment

MAX_BYTES = 20 * 1024 * 1024  # a phone photo or a scanned page is far below; a video is not meant to go here
MAX_NAME = 255


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    size: int
    added_at: datetime | None

    @property
    def size_label(self) -> str:
        return size_label(self.size)


@dataclass(frozen=True)
class NewAttachment:
    """A file the user chose, read into memory until its owner is saved."""

    filename: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


def size_label(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def read_file(path: Path) -> NewAttachment:
    """The file as a pending attachment; UserError (Chinese, naming the file) when it cannot be taken."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"附件“{path.name}”有 {size_label(size)}，超过 {size_label(MAX_BYTES)} 的上限。")
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取附件“{path.name}”：{exc.strerror or exc}") from exc
    name = path.name[-MAX_NAME:]
    return NewAttachment(name, content)


def add_in(session: Session, owner_kind: str, owner_id: int, files: Iterable[NewAttachment]) -> None:
    for item in files:
        session.add(Attachment(owner_kind=owner_kind, owner_id=owner_id, filename=item.filename,
                               size=item.size, content=item.content))


def remove_in(session: Session, owner_kind: str, owner_id: int, ids: Iterable[int]) -> None:
    """Remove the owner's attachments with these ids (ids of another owner are left alone)."""
    ids = list(ids)
    if ids:
        session.execute(delete(Attachment).where(Attachment.owner_kind == owner_kind,
                                                 Attachment.owner_id == owner_id, Attachment.id.in_(ids)))


def delete_for(session: Session, owner_kind: str, owner_ids: Iterable[int]) -> None:
    """Every attachment of these owners: call where the owners themselves are deleted."""
    session.execute(delete(Attachment).where(Attachment.owner_kind == owner_kind,
                                             Attachment.owner_id.in_(list(owner_ids))))


def attachments_of(ledger: Ledger, owner_kind: str, owner_id: int) -> list[AttachmentRow]:
    query = (select(Attachment.id, Attachment.filename, Attachment.size, Attachment.added_at)
             .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
             .order_by(Attachment.id))
    with ledger.reading() as session:
        return [AttachmentRow(*row) for row in session.execute(query)]


def totals(ledger: Ledger, owner_kind: str, owner_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """owner id → (number of attachments, bytes), for the owners that have any."""
    ids = list(owner_ids)
    if not ids:
        return {}
    query = (select(Attachment.owner_id, func.count(), func.sum(Attachment.size))
             .where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(ids))
             .group_by(Attachment.owner_id))
    with ledger.reading() as session:
        return {owner: (count, int(size or 0)) for owner, count, size in session.execute(query)}


def read(ledger: Ledger, attachment_id: int) -> NewAttachment:
    with ledger.reading() as session:
        record = session.get(Attachment, attachment_id)
        if record is None:
            raise NotFound("该附件已不存在，可能已被删除。")
        return NewAttachment(record.filename, record.content)


def export_copy(ledger: Ledger, attachment_id: int, target: Path) -> Path:
    """Write the attachment to `target` whole or not at all (to open it, or to save a copy)."""
    item = read(ledger, attachment_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_bytes(target, item.content)
