"""Agreement figures in the window: a heatmap of kappa per annotator pair and label, alpha, span and relation F1."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from annotator.core.scheme import Scheme
from annotator.services.team.agreement import OVERALL, AgreementReport
from annotator.ui.display import joined, label_title
from annotator.ui.screen_fit import resize_within_screen
from annotator.ui.texts import isolate


def heat(value: float) -> QColor:
    """Red (0 or less) through yellow to green (1); grey when there is nothing to compare."""
    if math.isnan(value):
        return QColor("#e0e0e0")
    v = max(0.0, min(1.0, value))
    red = 230 if v < 0.5 else round(230 - (v - 0.5) * 2 * 150)
    green = round(90 + v * 2 * 110) if v < 0.5 else 200
    return QColor(red, green, 90)


def _cell(value: float) -> QTableWidgetItem:
    item = QTableWidgetItem("—" if math.isnan(value) else f"{value:.2f}")
    item.setBackground(heat(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class AgreementView(QDialog):
    def __init__(self, report: AgreementReport, parent: QWidget | None = None, *, scheme: Scheme | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.setWindowTitle(self.tr("Agreement"))
        columns = [OVERALL, *report.labels]
        pairs = list(report.kappa)
        self.kappa_table = QTableWidget(len(pairs) + 1, len(columns))
        self.kappa_table.setObjectName("agreementTable")
        self.kappa_table.setHorizontalHeaderLabels(
            [self.tr("all labels") if column == OVERALL else (label_title(scheme, column) if scheme else column) for column in columns]
        )
        self.kappa_table.setVerticalHeaderLabels([self.tr("α (all annotators)")] + [f"κ {isolate(a)} × {isolate(b)}" for a, b in pairs])
        for column, label in enumerate(columns):
            self.kappa_table.setItem(0, column, _cell(report.alpha.get(label, math.nan)))
            for row, pair in enumerate(pairs, start=1):
                self.kappa_table.setItem(row, column, _cell(report.kappa[pair][label]))
        self.span_table = QTableWidget(len(pairs), 3)
        self.span_table.setObjectName("spanAgreementTable")
        self.span_table.setHorizontalHeaderLabels([self.tr("span F1, exact"), self.tr("span F1, overlap"), self.tr("relation F1")])
        self.span_table.setVerticalHeaderLabels([f"{isolate(a)} × {isolate(b)}" for a, b in pairs])
        for row, pair in enumerate(pairs):
            self.span_table.setItem(row, 0, _cell(report.exact[pair][OVERALL].f1))
            self.span_table.setItem(row, 1, _cell(report.overlap[pair][OVERALL].f1))
            self.span_table.setItem(row, 2, _cell(report.relations[pair].f1))
        for table in (self.kappa_table, self.span_table):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            self.tr("%1 document(s), %2 tokens; annotators: %3")
            .replace("%1", isolate(str(report.documents))).replace("%2", isolate(str(report.tokens)))
            .replace("%3", joined([isolate(name) for name in report.annotators]))
        ))
        layout.addWidget(QLabel(self.tr("Token-level agreement (Krippendorff's α, Cohen's κ per pair); untagged tokens are a category of their own")))
        layout.addWidget(self.kappa_table)
        layout.addWidget(QLabel(self.tr("Span and relation agreement per pair")))
        layout.addWidget(self.span_table)
        resize_within_screen(self, 760, 520)
