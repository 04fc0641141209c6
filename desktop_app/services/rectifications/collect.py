"""从家访记录汇总: turn the suggestions written on visit records into suggestion rows.

A visit whose `suggestions` text is not empty and that no suggestion row links to yet becomes
one suggestion (source from the visit kind, first category from its words, raised on the visit
date, recorded by the visitor). Running it again adds nothing for visits already collected.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.calendar import Period
from desktop_app.domain.rectifications import guess_category, source_for_visit_kind
from desktop_app.services.rectifications.commands import TOPICS
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.rectifications import Suggestion


@dataclass(frozen=True)
class CollectResult:
    created: int  # new suggestion rows
    already: int  # visits with suggestions collected before
    available: bool = True  # False while the ledger has no visit records at all

    @property
    def message(self) -> str:
        if not self.available:
            return "台账中还没有家访记录功能，无法汇总。"
        if not self.created and not self.already:
            return "所选期间的家访记录中没有填写意见建议。"
        text = f"从家访记录中汇总了 {self.created} 条意见建议"
        if self.already:
            text += f"，另有 {self.already} 条此前已汇总"
        return text + "。"


def _visit_model():
    """The visits feature's model, or None before it exists (built against it defensively)."""
    try:
        module = importlib.import_module("desktop_app.store.models.records")
    except ModuleNotFoundError:  # pragma: no cover - the module is part of the package
        return None
    model = getattr(module, "Visit", None)
    if model is None or not hasattr(model, "suggestions"):
        return None
    return model


def _first_attr(model, names: tuple[str, ...]):
    for name in names:
        if hasattr(model, name):
            return getattr(model, name)
    return None


def _kind_label(code: str | None) -> str:
    try:
        from desktop_app.domain.records import VisitKind
    except ImportError:  # pragma: no cover
        return code or ""
    return VisitKind.label_of(code)


def collect_from_visits(ledger: Ledger, period: Period | None = None) -> CollectResult:
    Visit = _visit_model()  # noqa: N806 - a class
    if Visit is None:
        return CollectResult(0, 0, available=False)
    day = _first_attr(Visit, ("visit_date", "visited_on", "date", "day"))
    visitor = _first_attr(Visit, ("visitor_id", "member_id"))
    kind = _first_attr(Visit, ("kind",))
    query = select(Visit).where(Visit.suggestions.is_not(None), Visit.suggestions != "")
    if period is not None and day is not None:
        query = query.where(day.between(period.start, period.end))
    created = already = 0
    with ledger.transaction(*TOPICS) as session:
        collected = set(session.scalars(select(Suggestion.visit_id).where(Suggestion.visit_id.is_not(None))))
        for visit in session.scalars(query.order_by(day, Visit.id) if day is not None else query):
            text = (visit.suggestions or "").strip()
            if not text:
                continue
            if visit.id in collected:
                already += 1
                continue
            session.add(Suggestion(
                content=text,
                category=guess_category(text).value,
                source=source_for_visit_kind(_kind_label(getattr(visit, kind.key) if kind is not None else None)).value,
                raised_by=_raised_by(visit),
                raised_on=getattr(visit, day.key),
                recorder_id=getattr(visit, visitor.key) if visitor is not None else None,
                visit_id=visit.id,
            ))
            created += 1
    return CollectResult(created, already)


def _raised_by(visit) -> str | None:
    """Who the opinion came from: the visited person as the visit record names them."""
    for name in ("target_name", "interviewee", "target", "visited"):
        value = getattr(visit, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()[:100]
    return None
