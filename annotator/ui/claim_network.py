"""The claim network window: who claimed what across the articles, and where the claims support, contradict or
repeat one another. Filters by source, cluster, outlet and date range; a focus on the selected claim's
neighbourhood; a click (or Enter on the selected node) opens the article at the claim; export as SVG or PNG.

Reads the layer the window shows (blind mode applies: claim_rows reads only what the identity may read).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId
from annotator.services.corpus.network import ClaimNetwork, ClaimNode, SourceNode, build_network
from annotator.ui.display import in_reading_order, label_title
from annotator.ui.network_legend import legend_size, paint_legend, swatch
from annotator.ui.network_scene import LABEL_ALL, LABELLED_WIDTH, OTHER_OUTLET, SOURCE_TYPE_COLORS, NetworkScene, Palette, edge_styles, source_type_title
from annotator.ui.network_view import MAX_FIT_ZOOM, NetworkView
from annotator.ui.texts import isolate, short

ANY_DATE = QDate(1900, 1, 1)  # a date edit at its minimum shows "any" (the day before the first article, when dated)
EXPORT_SIDE = 1800  # at most this many pixels on the longer side of an exported network
MAX_CLAIMS = 1_000  # claims drawn at most (the most linked); filters and the focus reach the others


class ClaimNetworkView(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("claimNetworkView")
        self.whole = ClaimNetwork()
        self._palette: tuple[ClaimNetwork | None, Palette | None] = (None, None)
        self.shown = ClaimNetwork()
        self.scene = NetworkScene(controller.project.scheme, self)
        self.view = NetworkView(self.scene, self)
        self._filters()
        self.legend = QListWidget()
        self.legend.setObjectName("claimNetworkLegend")
        self.legend.setAccessibleName(self.tr("Legend"))
        self.legend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend.setMinimumWidth(200)
        self.legend.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.legend)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        controller.changed.connect(self._project_changed)
        controller.documentOpened.connect(self._layer_maybe_changed)
        self.layer = controller.layer
        QShortcut(QKeySequence("Ctrl+F"), self, lambda: self.source_box.setFocus())
        self.resize(1180, 760)
        self.reload()

    # building

    def _filters(self) -> None:
        self.source_box = QComboBox()
        self.source_box.setObjectName("networkSource")
        self.source_box.setEditable(True)
        self.source_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source_box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.source_box.completer().setCompletionMode(self.source_box.completer().CompletionMode.PopupCompletion)
        self.cluster_box = QComboBox()
        self.cluster_box.setObjectName("networkCluster")
        self.outlet_box = QComboBox()
        self.outlet_box.setObjectName("networkOutlet")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, "networkFrom"), (self.date_to, "networkTo")):
            edit.setObjectName(name)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setMinimumDate(ANY_DATE)
            edit.setSpecialValueText(self.tr("any"))
            edit.setDate(ANY_DATE)
        self.focus_box = QCheckBox(self.tr("&Neighbourhood of the selected claim"))
        self.focus_box.setObjectName("networkFocus")
        self.hops = QSpinBox()
        self.hops.setRange(1, 4)
        self.hops.setValue(2)
        self.hops.setSuffix(self.tr(" link(s)"))
        self.hops.setAccessibleName(self.tr("Links from the selected claim"))
        self.fit_button = QPushButton(self.tr("&Fit"))
        self.svg_button = QPushButton(self.tr("Export S&VG…"))
        self.png_button = QPushButton(self.tr("Export &PNG…"))
        bar = QHBoxLayout()
        for text, widget in ((self.tr("&Source:"), self.source_box), (self.tr("&Cluster:"), self.cluster_box),
                             (self.tr("&Outlet:"), self.outlet_box), (self.tr("F&rom:"), self.date_from), (self.tr("&To:"), self.date_to)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        self.source_box.setMinimumContentsLength(18)
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cluster_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cluster_box.setMinimumContentsLength(10)
        self.outlet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outlet_box.setMinimumContentsLength(10)
        bar.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.focus_box)
        second.addWidget(self.hops)
        second.addStretch(1)
        for button in (self.fit_button, self.svg_button, self.png_button):
            button.setAutoDefault(False)
            second.addWidget(button)
        self.filter_bar = QVBoxLayout()
        self.filter_bar.addLayout(bar)
        self.filter_bar.addLayout(second)
        self.source_box.activated.connect(self.apply_filters)
        self.source_box.lineEdit().returnPressed.connect(self.apply_filters)
        for box in (self.cluster_box, self.outlet_box):
            box.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filters)
        self.focus_box.toggled.connect(self.apply_filters)
        self.hops.valueChanged.connect(lambda _: self.focus_box.isChecked() and self.apply_filters())
        self.fit_button.clicked.connect(self.view.fit)
        self.svg_button.clicked.connect(lambda: self._ask_export("svg"))
        self.png_button.clicked.connect(lambda: self._ask_export("png"))

    def reload(self) -> None:
        """Read the network again from the project (F5), keeping the filters where they still apply."""
        self.layer = self.controller.layer
        self.setWindowTitle(self.tr("Claim network: %1").replace("%1", isolate(self.layer)))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # about a second on a 10,000-article project
        try:
            self.whole = build_network(self.controller.project, self.controller.identity, layers=[self.controller.layer])
        except AnnotatorError as error:
            self.status.setText(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._fill_choices()
        self.apply_filters()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._layer_maybe_changed()  # the layer may have changed with no article open (no documentOpened then)

    def _layer_maybe_changed(self) -> None:
        """The window shows another layer: so does the picture (it is of the layer shown)."""
        if self.controller.layer != self.layer:
            self.reload()

    def _project_changed(self, changes: Any) -> None:
        """Tagging goes on while the picture is open: say it is out of date rather than move it under the reader."""
        if changes.spans or changes.relations or changes.corpus_links or changes.sources or changes.bulk:
            self.status.setText(self.tr("The project has changed since this picture was drawn: F5 draws it again."))

    def _fill_choices(self) -> None:
        counts: dict[str, int] = {}
        for claim in self.whole.claims():
            if claim.source is not None:
                counts[claim.source] = counts.get(claim.source, 0) + 1
        sources = sorted(self.whole.sources(), key=lambda node: (-counts.get(node.key, 0), node.name))
        chosen = {box: box.currentData() for box in (self.source_box, self.cluster_box, self.outlet_box)}
        sizes: dict[str, int] = {}
        for claim in self.whole.claims():
            if claim.row.cluster:
                sizes[claim.row.cluster] = sizes.get(claim.row.cluster, 0) + 1
        outlets = self.whole.outlets()
        first = self.whole.dates()[0]
        least = QDate.fromString(first, "yyyy-MM-dd").addDays(-1) if first else ANY_DATE
        for edit in (self.date_from, self.date_to):  # "any" just before the first article: a step up reaches it
            edit.blockSignals(True)
            chosen_date = edit.date() if edit.date() != edit.minimumDate() else None
            edit.setMinimumDate(least)
            edit.setDate(chosen_date if chosen_date is not None and chosen_date > least else least)
            edit.blockSignals(False)
        fill = {
            self.source_box: (self.tr("all sources"), [(in_reading_order(f"{isolate(node.name)} ({counts.get(node.key, 0)})"), node.key) for node in sources]),
            self.cluster_box: (self.tr("all clusters"), [(self.tr("%1 claims: %2").replace("%1", str(sizes[name])).replace(
                "%2", isolate(short(self._cluster_text(name), 30))), name) for name in sorted(sizes, key=lambda n: (-sizes[n], n))]),
            self.outlet_box: (self.tr("all outlets"), [(isolate(outlet), outlet) for outlet in outlets]),
        }
        for box, (everything, entries) in fill.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, data in entries:
                box.addItem(text, data)
            index = box.findData(chosen[box]) if chosen[box] is not None else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def _cluster_text(self, cluster: str) -> str:
        for claim in self.whole.claims():
            if claim.row.cluster == cluster:
                return claim.row.text
        return cluster

    # filtering

    def _source_choice(self) -> str | None:
        """The chosen source: the entry picked, or one whose name holds the words typed."""
        typed = self.source_box.currentText().strip()
        index = self.source_box.findText(typed)
        if index < 0 and typed:
            index = self.source_box.findText(typed, Qt.MatchFlag.MatchContains)
            if index >= 0:
                self.source_box.setCurrentIndex(index)
        return self.source_box.itemData(index) if index > 0 else None

    def apply_filters(self) -> None:
        source = self._source_choice()
        cluster, outlet = self.cluster_box.currentData(), self.outlet_box.currentData()
        start, end = self.date_from.date(), self.date_to.date()
        shown = self.whole.filtered(
            sources=None if source is None else [source], clusters=None if cluster is None else [cluster],
            outlets=None if outlet is None else [outlet],
            date_from=None if start == self.date_from.minimumDate() else start.toString("yyyy-MM-dd"),
            date_to=None if end == self.date_to.minimumDate() else end.toString("yyyy-MM-dd"),
        )
        selected = self.scene.selected
        unfocused = False
        if self.focus_box.isChecked():
            if selected is None or selected not in shown.nodes:
                unfocused = True
                self.focus_box.blockSignals(True)
                self.focus_box.setChecked(False)
                self.focus_box.blockSignals(False)
            else:
                shown = shown.neighbourhood(selected, self.hops.value())
        cut = shown.busiest(MAX_CLAIMS)
        self.show_network(cut)
        if len(cut.claims()) < len(shown.claims()):
            self.status.setText(self.tr("Showing the %1 most linked of %2 claims: filter by source, cluster, outlet or date, or "
                                        "focus on a claim's neighbourhood, to see the others.")
                                .replace("%1", f"{len(cut.claims()):,}").replace("%2", f"{len(shown.claims()):,}"))
        if unfocused:
            self.status.setText(self.tr("Select a claim first: the neighbourhood is that of the selected claim."))

    def show_network(self, network: ClaimNetwork) -> None:
        self.shown = network
        selected = self.scene.selected
        viewport = self.view.viewport().size()
        ratio = max(0.5, min(3.0, viewport.width() / max(1, viewport.height())))
        wide = LABELLED_WIDTH if len(network.nodes) <= LABEL_ALL else 1.0  # the scene spreads a labelled network sideways
        if self._palette[0] is not self.whole:  # the colours are the whole network's: an outlet keeps its colour through filters
            self._palette = (self.whole, Palette(self.whole))
        self.scene.show_network(network, network.layout(aspect=ratio / wide), self._palette[1])
        self.scene.selected = None
        self.scene.select(selected if selected in network.nodes else None)
        self._fill_legend()
        self.view.fit()
        self._say_counts()

    def _say_counts(self) -> None:
        links = sum(edge.kind != "attribution" for edge in self.shown.edges)
        contradictions = sum(edge.kind == "contradiction" for edge in self.shown.edges)
        self.status.setText(
            self.tr("%1 of %2 claims, %3 sources, %4 links between claims (%5 contradictions). Click a claim to open its "
                    "article; the wheel zooms, 0 fits.")
            .replace("%1", str(len(self.shown.claims()))).replace("%2", str(len(self.whole.claims())))
            .replace("%3", str(len(self.shown.sources()))).replace("%4", str(links)).replace("%5", str(contradictions))
        )

    def legend_entries(self) -> list[tuple[str, str, str]]:
        """(kind, colour, text) in the legend's order: kind is "heading", "claim", "source" or a link's pen."""
        palette = self.scene.palette
        entries: list[tuple[str, str, str]] = [("heading", "", self.tr("Claims by outlet"))]
        shown = {claim.row.outlet for claim in self.shown.claims()}
        entries += [("claim", color, isolate(outlet)) for outlet, color in palette.outlets.items() if outlet in shown]
        if any(outlet not in palette.outlets for outlet in shown):
            entries.append(("claim", OTHER_OUTLET, self.tr("other or no outlet")))
        types = sorted({node.type for node in self.shown.sources()}, key=list(SOURCE_TYPE_COLORS).index)
        if types:
            entries.append(("heading", "", self.tr("Sources by type")))
            entries += [("source", SOURCE_TYPE_COLORS[kind], source_type_title(kind)) for kind in types]
        entries.append(("heading", "", self.tr("Links")))
        scheme = self.controller.project.scheme
        styles = edge_styles(scheme)
        for kind, confirmed in styles:
            role = scheme.relation_role(kind)
            if kind == "same":
                text = self.tr("same claim") if confirmed else self.tr("same claim, suggested")
            else:
                text = label_title(scheme, role) if role else kind
            entries.append(("dash" if styles[(kind, confirmed)].dashed else "line", styles[(kind, confirmed)].color, text))
        return entries

    def _fill_legend(self) -> None:
        self.legend.clear()
        for kind, color, text in self.legend_entries():
            item = QListWidgetItem(text)
            if kind == "heading":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setIcon(QIcon(swatch(kind, color, 16)))
            self.legend.addItem(item)

    # selecting and opening

    def select(self, key: str | None) -> None:
        self.scene.select(key)
        node = self.shown.nodes.get(key or "")
        if isinstance(node, ClaimNode):
            row = node.row
            # The sentence starts with a word of the interface's language: a line starting with an isolate was laid
            # out right to left in the English interface, whatever mark came first.
            self.status.setText(self.tr("Claim «%1» — %2, %3; source: %4").replace("%1", isolate(short(row.text, 80)))
                                .replace("%2", isolate(row.outlet or row.article)).replace("%3", isolate(row.date or "—"))
                                .replace("%4", isolate(row.source or "—")))
        elif isinstance(node, SourceNode):
            self.status.setText(self.tr("Source %1 (%2): Enter shows its claims only").replace("%1", isolate(node.name))
                                .replace("%2", source_type_title(node.type)))

    def step(self, delta: int) -> None:
        """The next node in reading order (top to bottom, then along the line)."""
        keys = sorted(self.scene.places, key=lambda k: (round(self.scene.places[k].y() / 20), self.scene.places[k].x()))
        if not keys:
            return
        here = keys.index(self.scene.selected) if self.scene.selected in keys else (-1 if delta > 0 else 0)
        key = keys[(here + delta) % len(keys)]
        self.select(key)
        self.view.ensureVisible(self.scene.items_by_key[key], 60, 60)

    def open_selected(self) -> None:
        """Open the selected claim's article at the claim; on a source, show that source's claims."""
        node = self.shown.nodes.get(self.scene.selected or "")
        if isinstance(node, SourceNode):
            index = self.source_box.findData(node.key)
            if index >= 0:
                self.source_box.setCurrentIndex(index)
                self.apply_filters()
            return
        if not isinstance(node, ClaimNode):
            return
        window = self.parent()
        try:
            if hasattr(window, "open_at"):
                window.open_at(DocumentId(node.row.document_id), node.row.span_id)
            else:
                self.controller.ensure_open(DocumentId(node.row.document_id))
        except AnnotatorError as error:
            self.status.setText(str(error))

    # export

    def _ask_export(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the claim network"), f"claim-network.{kind}",
                                              self.tr("SVG pictures (*.svg)") if kind == "svg" else self.tr("PNG pictures (*.png)"))
        if not name:
            return
        try:
            (self.export_svg if kind == "svg" else self.export_png)(Path(name))
        except OSError as error:
            self.status.setText(self.tr("Could not write %1: %2").replace("%1", isolate(name)).replace("%2", error.strerror or str(error)))
            return
        self.status.setText(self.tr("Written: %1").replace("%1", isolate(name)))

    def _export_layout(self) -> tuple[QSize, QRectF, QRectF]:
        """The picture's size, where the network goes and where the legend goes (a column beside it, on the right
        or in a right-to-left interface on the left). The network is drawn as the window fits it, up to
        EXPORT_SIDE pixels: nodes and labels keep their size on screen, so a bigger scale would only spread them."""
        rect = self.scene.sceneRect()
        zoom = min(MAX_FIT_ZOOM, EXPORT_SIDE / max(rect.width(), rect.height(), 1.0))
        picture = QRectF(0, 0, max(320.0, rect.width() * zoom), max(320.0, rect.height() * zoom))
        legend = legend_size(self.legend_entries(), self.font())
        size = QSize(round(picture.width() + legend.width() + 24), round(max(picture.height(), legend.height() + 24)))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            picture.moveLeft(legend.width() + 24)
            place = QRectF(12, 12, legend.width(), legend.height())
        else:
            place = QRectF(picture.right() + 12, 12, legend.width(), legend.height())
        return size, picture, place

    def _paint(self, painter: QPainter) -> QSize:
        size, picture, place = self._export_layout()
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("#ffffff"))
        self.scene.render_to(painter, picture)
        paint_legend(painter, self.legend_entries(), place, self.font(),
                     right_to_left=self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        return size

    def export_svg(self, path: Path) -> None:
        size = self._export_layout()[0]
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.windowTitle())
        painter = QPainter(generator)
        try:
            self._paint(painter)
        finally:
            painter.end()
        if not path.exists():
            raise OSError(0, self.tr("the SVG file was not written"), str(path))

    def export_png(self, path: Path) -> None:
        image = QImage(self._export_layout()[0], QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            self._paint(painter)
        finally:
            painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(0, self.tr("the PNG file was not written"), str(path))
