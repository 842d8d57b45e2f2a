"""Every claim of the layer shown, in one sortable, filterable table; Enter opens the article at the claim, and
Ctrl+Shift+S shows everything attributed to the selected claim's source, by date, contradictions marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.normalize import fold
from annotator.core.scheme import Attribute, Scheme
from annotator.services.corpus.tables import ClaimRow
from annotator.ui.display import value_title
from annotator.ui.texts import isolate

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
CONTRADICTED = QColor("#fbe3e3")


class ClaimsModel(QAbstractTableModel):
    """Rows are read once; each cell is made when the view asks for it (a view asks only for what it shows)."""

    def __init__(self, rows: list[ClaimRow], scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        claim = scheme.span_role("claim")
        self._attributes: dict[str, Attribute] = {a.name: a for a in scheme.span_label(claim).attributes} if claim else {}
        self._searchable: list[str | None] = [None] * len(rows)
        self.columns: list[tuple[str, Callable[[ClaimRow], Any]]] = [
            (self.tr("Claim"), lambda r: r.text),
            (self.tr("Article"), lambda r: r.article),
            (self.tr("Outlet"), lambda r: r.outlet or ""),
            (self.tr("Date"), lambda r: r.date or ""),
            (self.tr("Source"), lambda r: r.source or ""),
            (self.tr("Cue"), lambda r: r.cue or ""),
            (self.tr("Polarity"), lambda r: self._value("polarity", r.polarity)),
            (self.tr("Certainty"), lambda r: self._value("certainty", r.certainty)),
            (self.tr("Check-worthy"), lambda r: self._value("check_worthy", r.check_worthy)),
            (self.tr("Cluster"), lambda r: r.cluster or ""),
            (self.tr("Supporting"), lambda r: r.supporting),
            (self.tr("Contradicting"), lambda r: r.contradicting),
        ]

    def _value(self, attribute: str, value: str | None) -> str:
        if value is None:
            return ""
        known = self._attributes.get(attribute)
        return value_title(known, value) if known is not None else value

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        value = self.columns[index.column()][1](row)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value) if isinstance(value, int) else " ".join(value.split())
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 1, 4):
            return value
        if role == Qt.ItemDataRole.BackgroundRole and row.contradicting:
            return CONTRADICTED
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def replace(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._searchable = [None] * len(rows)
        self.endResetModel()

    def searchable(self, row: int) -> str:
        """The row's words, folded (harakat, tatweel and hamza forms ignored), made the first time a filter asks."""
        text = self._searchable[row]
        if text is None:
            claim = self.rows[row]
            text = fold(" ".join(str(value) for value in (claim.text, claim.article, claim.outlet, claim.source, claim.cue, claim.cluster) if value))
            self._searchable[row] = text
        return text


class ClaimsFilter(QSortFilterProxyModel):
    def __init__(self, model: ClaimsModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.query: list[str] = []
        self.source: str | None = None

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.query = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_source(self, source: str | None) -> None:
        self.beginFilterChange()
        self.source = source
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt's name)
        model: ClaimsModel = self.sourceModel()  # type: ignore[assignment]
        if self.source is not None and model.rows[row].source != self.source:
            return False
        words = model.searchable(row) if self.query else ""
        return all(word in words for word in self.query)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Loading(QRunnable):
    def __init__(self, read: Callable[[], list[ClaimRow]]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.read = read
        self.signals = _Signals()

    def run(self) -> None:
        try:
            rows = self.read()
        except AnnotatorError as error:
            self.signals.failed.emit(str(error))
            return
        self.signals.done.emit(rows)


class ClaimsView(QDialog):
    def __init__(self, rows: list[ClaimRow], scheme: Scheme, *, open_claim: Callable[[ClaimRow], None],
                 source: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsView" if source is None else "sourceView")
        self.open_claim = open_claim
        self.scheme = scheme
        self.model = ClaimsModel(rows, scheme, self)
        self.proxy = ClaimsFilter(self.model)
        self.table = QTableView()
        self.table.setObjectName("claimsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setColumnWidth(0, 380)
        self.table.setColumnWidth(1, 220)
        self.table.doubleClicked.connect(self._open)
        open_action = QAction(self.tr("Open the article at the claim"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._open(self.table.currentIndex()))
        self.table.addAction(open_action)
        self.filter = QLineEdit()
        self.filter.setObjectName("claimsFilter")
        self.filter.setPlaceholderText(self.tr("Filter: words of the claim, article, outlet, source or cue"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filtered)
        self.filter.returnPressed.connect(self.table.setFocus)
        self.count = QLabel()
        self.count.setObjectName("claimsCount")
        layout = QVBoxLayout(self)
        if source is not None:
            self.setWindowTitle(self.tr("Claims attributed to %1").replace("%1", isolate(source)))
            heading = QLabel(self.tr("Everything attributed to %1, by date; claims that are contradicted are marked.").replace("%1", isolate(source)))
            heading.setWordWrap(True)
            layout.addWidget(heading)
            self.proxy.set_source(source)
            self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        else:
            self.setWindowTitle(self.tr("Claims"))
            self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.count)
        show_source = QAction(self.tr("Show the source's claims"), self)
        show_source.setObjectName("showSourceClaims")
        show_source.setShortcut(QKeySequence("Ctrl+Shift+S"))
        show_source.triggered.connect(self.show_source)
        self.addAction(show_source)
        self.source_view: ClaimsView | None = None
        self._filtered("")
        self.resize(1100, 640)

    def load(self, read: Callable[[], list[ClaimRow]]) -> None:
        """Read the claims on a worker thread (a project's reads are safe from another thread); show them when done."""
        self.count.setText(self.tr("Reading the claims…"))
        self.loading = _Loading(read)
        self.loading.signals.done.connect(self.set_rows)
        self.loading.signals.failed.connect(self.count.setText)
        QThreadPool.globalInstance().start(self.loading)

    def set_rows(self, rows: list[ClaimRow]) -> None:
        """The claims again (a colleague wrote): filter, sorting and the selected claim stay as they were."""
        kept = self.selected()
        self.model.replace(rows)
        self._filtered(self.filter.text())
        if kept is not None:
            for row in range(self.proxy.rowCount()):
                if self._claim_at(self.proxy.index(row, 0)).uid == kept.uid:
                    self.table.setCurrentIndex(self.proxy.index(row, 0))
                    break

    def _filtered(self, text: str) -> None:
        self.proxy.set_query(text)
        self.count.setText(self.tr("%1 of %2 claims · Enter opens the article at the claim · Ctrl+Shift+S: the source's claims")
                           .replace("%1", isolate(str(self.proxy.rowCount()))).replace("%2", isolate(str(self.model.rowCount()))))

    def _claim_at(self, index: QModelIndex) -> ClaimRow:
        """The claim of a row of the table as shown (sorted and filtered)."""
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def selected(self) -> ClaimRow | None:
        index = self.table.currentIndex()
        return self._claim_at(index) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_claim(self._claim_at(index))

    def show_source(self) -> None:
        claim = self.selected()
        if claim is None or not claim.source:
            self.count.setText(self.tr("Select a claim that has a source first."))
            return
        view = ClaimsView(self.model.rows, self.scheme, open_claim=self.open_claim, source=claim.source, parent=self.parentWidget())
        view.show()
        self.source_view = view
