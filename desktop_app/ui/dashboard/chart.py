"""Monthly observations and visits of this school year, as a QtCharts bar chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop_app.services.dashboard import MonthCount


class MonthlyChart(QChartView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.Antialiasing)
        self.setMinimumHeight(260)
        self.show_months(())

    def show_months(self, months: tuple[MonthCount, ...]) -> None:
        chart = QChart()
        chart.setTitle("本学年每月听课与家访")
        chart.setTitleFont(self.font())
        observations, visits = QBarSet("听课（节）"), QBarSet("家访·访谈（次）")
        observations.setColor(QColor("#c62828"))
        visits.setColor(QColor("#f2a93b"))
        for month in months:
            observations.append(month.observations)
            visits.append(month.visits)
        series = QBarSeries()
        series.append(observations)
        series.append(visits)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([m.label for m in months] or ["—"])
        chart.addAxis(axis_x, Qt.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([m.visits for m in months] + [m.observations for m in months] + [4]))
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setFont(self.font())
        self.setChart(chart)
        self.months = months

