"""Posting (公示) one or several pledges: the period and where they are posted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.pledges import Publication, PublicationPlace
from desktop_app.services import pledges as svc
from desktop_app.services.pledges import PledgeRow
from desktop_app.store.ledger import Ledger
from desktop_app.ui.pledges.common import ok_cancel
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show

DEFAULT_DAYS = 7


def names_line(rows: list[PledgeRow], limit: int = 8) -> str:
    names = [f"{r.owner_name}（{r.kind_label}）" for r in rows[:limit]]
    more = f" 等 {len(rows)} 份" if len(rows) > limit else ""
    return "、".join(names) + more


class PublishDialog(FormDialog):
    def __init__(self, ledger: Ledger, rows: list[PledgeRow], parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self._rows = rows
        self.setWindowTitle("公示承诺" if len(rows) == 1 else f"批量公示承诺（{len(rows)} 份）")
        self.setMinimumWidth(460)
        start = today or date.today()
        self.start = OptionalDateEdit(self, placeholder="如 2025-09-10")
        self.start.set_date(start)
        self.end = OptionalDateEdit(self, placeholder="如 2025-09-16")
        self.end.set_date(start + timedelta(days=DEFAULT_DAYS - 1))
        self.places: dict[str, QCheckBox] = {}
        places_row = QHBoxLayout()
        for place in PublicationPlace:
            box = QCheckBox(place.label, self)
            box.setChecked(place is PublicationPlace.NOTICE_BOARD)
            self.places[place.value] = box
            places_row.addWidget(box)
        places_row.addStretch(1)
        who = QLabel(names_line(rows), self)
        who.setWordWrap(True)

        form = QFormLayout()
        form.addRow("公示的承诺", who)
        form.addRow("公示开始", self.start)
        form.addRow("公示结束", self.end)
        form.addRow("公示方式", places_row)
        self.problems = ProblemBanner(self)
        self.problems.register_form(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "公示"))

    def publication(self) -> Publication | None:
        problems = [f"{label}：{p}" for label, p in (("公示开始", self.start.problem()), ("公示结束", self.end.problem()))
                    if p]
        self.problems.show_texts(problems)
        if problems:
            return None
        places = [code for code, box in self.places.items() if box.isChecked()]
        return Publication(self.start.date(), self.end.date(), places)

    def accept(self) -> None:
        publication = self.publication()
        if publication is None:
            return
        ids = [r.id for r in self._rows]
        if run_or_show(self.problems, self.windowTitle(), lambda: svc.publish_many(self._ledger, ids, publication)):
            super().accept()
