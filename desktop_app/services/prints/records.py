"""What left the print centre: certificate numbers and the print log (印制记录).

A certificate's number (year + sequence, 2026-007) is given the first time its honour is
previewed, printed or saved and is kept for every reprint, so one honour never has two numbers
and no number is given twice. Every run that is saved or sent to a printer is logged: what,
which numbers, when, and where it went.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select

from desktop_app.services.prints.certificates import Certificate
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.documents import CertificateNumber, PrintLogEntry

TOPIC = Topic.PRINT_RECORD
OUTPUTS = {"pdf": "保存PDF", "word": "保存Word", "printer": "打印"}


def number_text(year: int, sequence: int) -> str:
    return f"{year}-{sequence:03d}"


def assign_numbers(ledger: Ledger, certs: list[Certificate], now: datetime | None = None) -> list[Certificate]:
    """The certificates with their numbers: an honour keeps the number it was given; one printed
    for the first time gets the next of its year (the year of its date). One transaction."""
    now = now or datetime.now()
    result = []
    with ledger.transaction(TOPIC) as session:
        known = dict(session.execute(select(CertificateNumber.honour_id, CertificateNumber.number).where(
            CertificateNumber.honour_id.in_([c.honour_id for c in certs if c.honour_id]))).all())
        for cert in certs:
            number = known.get(cert.honour_id) if cert.honour_id else None
            if number is None:
                year = cert.day.year
                last = session.scalar(select(func.max(CertificateNumber.sequence)).where(CertificateNumber.year == year))
                number = number_text(year, (last or 0) + 1)
                session.add(CertificateNumber(number=number, year=year, sequence=(last or 0) + 1,
                                              honour_id=cert.honour_id, recipient=cert.recipient[:100],
                                              title=cert.honour[:50], issued_at=now))
                session.flush()
                if cert.honour_id:
                    known[cert.honour_id] = number
            result.append(replace(cert, number=number))
    return result


@dataclass(frozen=True)
class PrintLogRow:
    printed_at: datetime
    what: str
    output: str  # code
    copies: int
    numbers: str
    target: str

    @property
    def output_label(self) -> str:
        return OUTPUTS.get(self.output, self.output)


def log_print(ledger: Ledger, kind: str, school_year: str, what: str, output: str, items: list,
              target: str = "", now: datetime | None = None) -> None:
    numbers = "、".join(n for n in (getattr(item, "number", "") for item in items) if n)
    with ledger.transaction(TOPIC) as session:
        session.add(PrintLogEntry(printed_at=now or datetime.now(), kind=kind, school_year=school_year or None,
                                  what=what[:200], output=output, copies=len(items), numbers=numbers or None,
                                  target=(target or "")[:500] or None))


def recent_prints(ledger: Ledger, limit: int = 200) -> list[PrintLogRow]:
    with ledger.reading() as session:
        rows = session.scalars(select(PrintLogEntry).order_by(PrintLogEntry.printed_at.desc(), PrintLogEntry.id.desc())
                               .limit(limit))
        return [PrintLogRow(r.printed_at, r.what, r.output, r.copies, r.numbers or "", r.target or "") for r in rows]
