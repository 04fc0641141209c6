"""The scheme of each school year: stored as JSON, carried forward from the last year, else the default."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.scheme import Scheme, default_scheme, validate_scheme
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.evaluations.locks import locks_for
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.evaluations import EvaluationScheme
from desktop_app.store.versions import Loaded, read_version

TOPIC = Topic.EVALUATION


def get_scheme(ledger: Ledger, school_year: str) -> Scheme:
    """The year's own scheme; otherwise the nearest earlier year's; otherwise the shipped default."""
    year = parse_school_year(school_year)
    with ledger.reading() as session:
        own = session.get(EvaluationScheme, year)
        if own is not None:
            return Scheme.from_dict(year, own.data)
        earlier = session.scalars(
            select(EvaluationScheme).where(EvaluationScheme.school_year < year)
            .order_by(EvaluationScheme.school_year.desc()).limit(1)
        ).first()
        if earlier is not None:
            return Scheme.from_dict(year, earlier.data)
    return default_scheme(year)


def has_own_scheme(ledger: Ledger, school_year: str) -> bool:
    with ledger.reading() as session:
        return session.get(EvaluationScheme, parse_school_year(school_year)) is not None


def scheme_to_edit(ledger: Ledger, school_year: str) -> tuple[Scheme, Loaded | None]:
    """The year's scheme, and its stored row's version read first (None while the year has no own scheme)."""
    year = parse_school_year(school_year)
    with ledger.reading() as session:
        version = read_version(session, EvaluationScheme.__tablename__, year)
    loaded = Loaded(EvaluationScheme.__tablename__, year, version) if version is not None else None
    return get_scheme(ledger, year), loaded


def save_scheme(ledger: Ledger, scheme: Scheme) -> None:
    """Save the scheme for its year; refused while any result of that year is approved."""
    problems = validate_scheme(scheme)
    if problems:
        raise ValidationError(problems)
    year = parse_school_year(scheme.school_year)
    if locks_for(ledger, year):
        raise UserError(f"{year}学年的考核结果已审批锁定，不能修改考核方案。如确需修改，请先解除锁定。")
    with ledger.transaction(TOPIC) as session:
        row = session.get(EvaluationScheme, year)
        if row is None:
            session.add(EvaluationScheme(school_year=year, data=scheme.to_dict()))
        else:
            row.data = scheme.to_dict()
